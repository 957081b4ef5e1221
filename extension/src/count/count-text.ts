import { loadEncoding } from '@tokentally/shared/tokens/load-encoding';
import { encodingForModel, type ModelEncoding } from '@tokentally/shared/tokens/model-encoding';
import { splitForCounting } from './split-text';

/** A text's count for one model: tokens, characters (Unicode code points), the encoding and whether it is exact. */
export interface TextCount extends ModelEncoding {
  model: string;
  tokens: number;
  characters: number;
}

/** Progress of a count: characters counted so far out of all of them. */
export interface CountProgress {
  done: number;
  total: number;
}

/** Characters as people count them: code points, so an emoji is one character, not two UTF-16 units. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

// About 40 ms of counting per part on a slow machine: progress moves visibly and the worker stays responsive.
const PART_CHARS = 64 * 1024;

/**
 * Counts `text` with `model`'s encoding part by part, calling `onProgress` after each part; the total is exactly
 * the count of the whole text (see `splitForCounting`). Runs wherever it is called: the popup calls it in a worker.
 */
export async function countText(
  text: string,
  model: string,
  onProgress: (progress: CountProgress) => void = () => undefined,
): Promise<TextCount> {
  const choice = encodingForModel(model);
  const encoder = await loadEncoding(choice.encoding);
  let tokens = 0;
  let done = 0;
  for (const part of splitForCounting(text, PART_CHARS)) {
    tokens += encoder.count(part);
    done += part.length;
    onProgress({ done, total: text.length });
  }
  return { model, ...choice, tokens, characters: countCharacters(text) };
}
