// Token counting speed: tokentally's BPE against js-tiktoken and gpt-tokenizer on seeded corpora (o200k_base).
// Run: npx tsx bench/tokens.ts. Prints figures and PASS/FAIL against the targets; it never exits non-zero.
import { cpus, loadavg } from 'node:os';
import { countTokens as gptCount } from 'gpt-tokenizer/encoding/o200k_base';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { loadEncoding } from '@tokentally/shared/tokens/load-encoding';
import {
  codeAndCjk,
  emojiText,
  englishProse,
  oneLetter,
  randomLetters,
  whitespaceRuns,
} from './tokens/corpora';
import { byteSize, firstDifference, formatTable, measure, type Count, type Timing } from './tokens/measure';

const MB = 1_000_000;
// js-tiktoken needs ~2 s for 4 KB of one letter (quadratic), so the baselines see only this slice of long runs.
const SLICE = 4_000;
const SPEED_FACTOR = 1.2;
const LONG_RUN_LIMIT_MS = 1_000;

let started = performance.now();
const ours = await loadEncoding('o200k_base');
const oursLoadMs = performance.now() - started;
started = performance.now();
const tiktoken = new Tiktoken(o200k);
const tiktokenLoadMs = performance.now() - started;
const tiktokenEncode = (text: string): number[] => tiktoken.encode(text, [], []);
started = performance.now();
gptCount('warm');
const gptLoadMs = performance.now() - started;

interface Case {
  readonly name: string;
  readonly text: string;
  /** Same kind of text, other seed: warms the JIT without pre-filling caches with the measured pieces. */
  readonly warmup: string;
  readonly kind: 'speed' | 'exact' | 'long-run';
}

const cases: Case[] = [
  { name: 'English prose', text: englishProse(MB, 1), warmup: englishProse(MB / 4, 2), kind: 'speed' },
  { name: 'code + CJK', text: codeAndCjk(MB, 3), warmup: codeAndCjk(MB / 4, 4), kind: 'speed' },
  { name: 'emoji', text: emojiText(MB, 5), warmup: emojiText(MB / 4, 6), kind: 'exact' },
  { name: 'whitespace runs', text: whitespaceRuns(MB, 7), warmup: whitespaceRuns(MB / 4, 8), kind: 'exact' },
  { name: 'one letter', text: oneLetter(MB), warmup: oneLetter(SLICE), kind: 'long-run' },
  { name: 'random letters', text: randomLetters(MB, 9), warmup: randomLetters(SLICE, 10), kind: 'long-run' },
];

const mbps = (value: number): string => value.toFixed(value < 0.1 ? 4 : 1);
const both = (timing: Timing): string => `${mbps(timing.coldMbps)} / ${mbps(timing.warmMbps)}`;
const verdict = (pass: boolean): string => (pass ? 'PASS' : 'FAIL');

function sameTokens(text: string, expected: readonly number[]): { same: boolean; detail: string } {
  const actual = ours.encode(text);
  const at = firstDifference(actual, expected);
  const same = at < 0 && ours.count(text) === expected.length;
  return { same, detail: same ? `yes (${expected.length} tokens)` : `NO (first difference at token ${at})` };
}

const oursCount: Count = (text) => ours.count(text);
// js-tiktoken has no cache, so one timed run tells its speed; its tokens are kept as the reference.
let reference: number[] = [];
const tiktokenCount: Count = (text) => {
  reference = tiktokenEncode(text);
  return reference.length;
};
const noTiming: Timing = { coldMbps: Number.NaN, warmMbps: Number.NaN, bestMs: Number.NaN };

// Returns ours, js-tiktoken and gpt-tokenizer timings, leaving js-tiktoken's tokens in `reference`. On long
// runs the baselines get the slice and one run each: a second gpt-tokenizer run would only time its cache
// of the whole piece.
function timeCase(item: Case): [Timing, Timing, Timing] {
  if (item.kind !== 'long-run') {
    const trial = (count: Count) => ({ count, text: item.text, warmup: item.warmup });
    const [a, c] = measure([trial(oursCount), trial(gptCount)], 4);
    const [b] = measure([{ count: tiktokenCount, text: item.text, warmup: item.warmup.slice(0, 50_000) }], 1);
    return [a ?? noTiming, b ?? noTiming, c ?? noTiming];
  }
  const [a] = measure([{ count: oursCount, text: item.text, warmup: item.warmup }], 3);
  const slice = { text: item.text.slice(0, SLICE), warmup: item.warmup.slice(0, 256) };
  const [b, c] = measure(
    [
      { count: tiktokenCount, ...slice },
      { count: gptCount, ...slice },
    ],
    1,
  );
  return [a ?? noTiming, b ?? noTiming, c ?? noTiming];
}

const rows: string[][] = [];
let failures = 0;
for (const item of cases) {
  const longRun = item.kind === 'long-run';
  const [oursTiming, tiktokenTiming, gptTiming] = timeCase(item);
  const { same, detail } = sameTokens(longRun ? item.text.slice(0, SLICE) : item.text, reference);
  const ratio = Math.min(oursTiming.coldMbps / gptTiming.coldMbps, oursTiming.warmMbps / gptTiming.warmMbps);
  const checks: string[] = [`same tokens ${verdict(same)}`];
  let pass = same;
  if (item.kind === 'speed') {
    const fast = ratio >= SPEED_FACTOR;
    checks.push(`>=${SPEED_FACTOR}x gpt-tokenizer cold and warm ${verdict(fast)}`);
    pass &&= fast;
  }
  if (longRun) {
    const fast = oursTiming.bestMs <= LONG_RUN_LIMIT_MS;
    checks.push(`${Math.round(oursTiming.bestMs)} ms <= 1 s ${verdict(fast)}`);
    pass &&= fast;
  }
  if (!pass) failures++;
  rows.push([
    item.name,
    longRun
      ? `${byteSize(item.text) / 1e3} KB (baselines: first ${SLICE / 1e3} KB)`
      : `${(byteSize(item.text) / 1e3).toFixed(0)} KB`,
    both(oursTiming),
    mbps(tiktokenTiming.coldMbps),
    longRun ? mbps(gptTiming.coldMbps) : both(gptTiming),
    longRun ? '-' : `${ratio.toFixed(2)}x`,
    longRun ? `${detail} on ${SLICE / 1e3} KB` : detail,
    `${verdict(pass)}: ${checks.join(', ')}`,
  ]);
}

const NOTES = [
  'Token counting, o200k_base. MB/s = 10^6 UTF-8 bytes per second of CPU time (user + system of this process,',
  'so that other work on a shared machine does not count). "cold / warm" = the first run after a JIT',
  'warm-up on other text of the same kind / the median of 3 more runs on the same text (caches filled).',
  'Ours and gpt-tokenizer run interleaved, round by round, so machine load falls on both alike; js-tiktoken',
  '(no cache) runs once, and its tokens are the reference. On the long runs the quadratic baselines get the',
  `first ${SLICE / 1e3} KB, once; ours gets the whole 1 MB, timed 3 times (one piece: no cache applies), best run.`,
];
console.log(NOTES.join('\n'));
// Other work on the machine slows every column; the load average says how much to trust absolute figures.
const [load1 = 0, load5 = 0] = loadavg();
console.log(
  `Machine: ${cpus().length} CPUs, load average ${load1.toFixed(1)} (1 min), ${load5.toFixed(1)} (5 min).`,
);
console.log(
  `Load (wall clock): ours ${oursLoadMs.toFixed(0)} ms, js-tiktoken ${tiktokenLoadMs.toFixed(0)} ms, gpt-tokenizer first call ${gptLoadMs.toFixed(0)} ms.\n`,
);
console.log(
  formatTable(
    [
      'corpus',
      'size',
      'ours MB/s',
      'js-tiktoken MB/s',
      'gpt-tokenizer MB/s',
      'ours/gpt (min)',
      'tokens = js-tiktoken',
      'target',
    ],
    rows,
  ),
);
console.log(`\n${failures === 0 ? 'All targets met.' : `${failures} corpus/corpora missed a target.`}`);
