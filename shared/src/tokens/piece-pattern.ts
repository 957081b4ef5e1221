/**
 * Splits text into pre-tokens with an encoding's regex, reporting each as a range so callers slice only
 * when they must.
 */
export class PieceSplitter {
  // tiktoken's patterns match at every position (each char is a space, a letter, a number or something
  // else), so a sticky `test()` walks the text piece by piece without building match arrays; the global
  // search only steps over a gap, should a pattern ever leave one.
  private readonly sticky: RegExp;
  private readonly search: RegExp;

  constructor(patStr: string) {
    const source = nonCapturing(patStr);
    this.sticky = new RegExp(source, 'uy');
    this.search = new RegExp(source, 'gu');
  }

  /** Calls `visit(start, end)` for every piece of `text`, in order. */
  forEach(text: string, visit: (start: number, end: number) => void): void {
    const { sticky, search } = this;
    let at = 0;
    while (at < text.length) {
      sticky.lastIndex = at;
      if (sticky.test(text) && sticky.lastIndex > at) {
        visit(at, sticky.lastIndex);
        at = sticky.lastIndex;
        continue;
      }
      search.lastIndex = at;
      const match = search.exec(text);
      if (match === null || match.index <= at) return;
      at = match.index;
    }
  }
}

/**
 * The pattern with its groups made non-capturing: matches are the same, and the engine no longer records
 * captures nobody reads (tiktoken's patterns group the `'s|'t|...` suffixes).
 */
export function nonCapturing(patStr: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < patStr.length; i++) {
    const char = patStr.charAt(i);
    if (char === '\\') {
      out += patStr.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char === '(' && !inClass && patStr.charAt(i + 1) !== '?' ? '(?:' : char;
  }
  return out;
}
