// A cut right after a line feed that a letter or digit follows falls between two pre-tokens in both o200k_base
// and cl100k_base: no piece of their patterns holds a line feed followed by a letter or digit. Counting the parts
// separately therefore gives exactly the count of the whole.
const SAFE_NEXT = /[\p{L}\p{N}]/uy;

function isSafeCut(text: string, cut: number): boolean {
  SAFE_NEXT.lastIndex = cut;
  return SAFE_NEXT.test(text);
}

/**
 * Splits text into parts of about `chunkChars` characters or more, cut only where counting the parts separately
 * gives the same total as counting the whole (so a long text can be counted piece by piece, reporting progress).
 * A text without such a place stays whole. The parts joined are the text.
 */
export function splitForCounting(text: string, chunkChars: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > chunkChars) {
    let newline = text.indexOf('\n', start + chunkChars - 1);
    while (newline !== -1 && !isSafeCut(text, newline + 1)) newline = text.indexOf('\n', newline + 1);
    if (newline === -1) break;
    parts.push(text.slice(start, newline + 1));
    start = newline + 1;
  }
  parts.push(text.slice(start));
  return parts;
}
