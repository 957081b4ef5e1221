import { z } from 'zod';
import type { CodexUsage } from './line-schema';

/** Codex's counters with absent ones as zero; `total` falls back to input + output (reasoning is inside output). */
export const codexTotalsSchema = z.object({
  input: z.number(),
  cached: z.number(),
  output: z.number(),
  reasoning: z.number(),
  total: z.number(),
});
export type CodexTotals = z.infer<typeof codexTotalsSchema>;

/** Reads a usage object into totals. */
export function codexTotals(usage: CodexUsage): CodexTotals {
  const input = usage.input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  return {
    input,
    cached: usage.cached_input_tokens ?? 0,
    output,
    reasoning: usage.reasoning_output_tokens ?? 0,
    total: usage.total_tokens ?? input + output,
  };
}

/** Whether two cumulative totals are the same (Codex re-emits an unchanged total, e.g. with rate-limit updates). */
export function sameTotals(a: CodexTotals, b: CodexTotals): boolean {
  return (
    a.input === b.input &&
    a.cached === b.cached &&
    a.output === b.output &&
    a.reasoning === b.reasoning &&
    a.total === b.total
  );
}

/** Whether any counter went down: the cumulative total restarted. */
export function totalsWentDown(now: CodexTotals, before: CodexTotals): boolean {
  return (
    now.input < before.input ||
    now.cached < before.cached ||
    now.output < before.output ||
    now.reasoning < before.reasoning
  );
}

/** `now - before`, counter by counter. */
export function totalsDelta(now: CodexTotals, before: CodexTotals | undefined): CodexTotals {
  if (before === undefined) return now;
  return {
    input: Math.max(0, now.input - before.input),
    cached: Math.max(0, now.cached - before.cached),
    output: Math.max(0, now.output - before.output),
    reasoning: Math.max(0, now.reasoning - before.reasoning),
    total: Math.max(0, now.total - before.total),
  };
}

/** tokentally's token fields for a Codex delta: cached input moves out of input into cache reads. */
export function eventTokens(delta: CodexTotals): {
  input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
} {
  const cached = Math.min(delta.cached, delta.input);
  return {
    input_tokens: delta.input - cached,
    cache_read_input_tokens: cached,
    output_tokens: delta.output,
    reasoning_tokens: Math.min(delta.reasoning, delta.output),
  };
}
