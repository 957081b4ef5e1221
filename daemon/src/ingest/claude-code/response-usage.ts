import { createHash } from 'node:crypto';
import type { ClaudeAssistantLine, ClaudeLogUsage } from './line-schema';

/** The token counts of one Claude Code response, in tokentally's convention (input excludes cache). */
export interface ResponseUsage {
  input: number;
  output: number;
  cacheWrite: number;
  cacheWrite1h: number;
  cacheRead: number;
}

/** Reads a logged usage block; the cache-write total is the larger of the total and its 5 m + 1 h breakdown. */
export function responseUsage(usage: ClaudeLogUsage): ResponseUsage {
  const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const fiveMinutes = usage.cache_creation?.ephemeral_5m_input_tokens ?? 0;
  return {
    input: usage.input_tokens ?? 0,
    output: usage.output_tokens ?? 0,
    cacheWrite: Math.max(usage.cache_creation_input_tokens ?? 0, oneHour + fiveMinutes),
    cacheWrite1h: oneHour,
    cacheRead: usage.cache_read_input_tokens ?? 0,
  };
}

/** Field-wise maximum: the lines of one response repeat its usage and only ever grow it. */
export function largerUsage(a: ResponseUsage, b: ResponseUsage): ResponseUsage {
  return {
    input: Math.max(a.input, b.input),
    output: Math.max(a.output, b.output),
    cacheWrite: Math.max(a.cacheWrite, b.cacheWrite),
    cacheWrite1h: Math.max(a.cacheWrite1h, b.cacheWrite1h),
    cacheRead: Math.max(a.cacheRead, b.cacheRead),
  };
}

/** What `now` adds over `before`, field by field, never negative. */
export function usageGrowth(now: ResponseUsage, before: ResponseUsage): ResponseUsage {
  return {
    input: Math.max(0, now.input - before.input),
    output: Math.max(0, now.output - before.output),
    cacheWrite: Math.max(0, now.cacheWrite - before.cacheWrite),
    cacheWrite1h: Math.max(0, now.cacheWrite1h - before.cacheWrite1h),
    cacheRead: Math.max(0, now.cacheRead - before.cacheRead),
  };
}

/** Whether every count is zero. */
export function isEmptyUsage(usage: ResponseUsage): boolean {
  return usage.input + usage.output + usage.cacheWrite + usage.cacheWrite1h + usage.cacheRead === 0;
}

/**
 * Identifies a response: Claude Code repeats `message.id` and `requestId` on every line of it, and a resumed
 * session copies them unchanged, so the pair names the API call itself, whatever file it is found in.
 */
export function responseKey(line: ClaudeAssistantLine): string {
  if (line.message.id) return `m\u0000${line.message.id}\u0000${line.requestId ?? ''}`;
  if (line.uuid) return `u\u0000${line.uuid}`;
  return `t\u0000${line.sessionId ?? ''}\u0000${line.timestamp}`;
}

/** The event id of a response: `cc:` and 32 base64url characters of a SHA-256 of its key (fits the id charset). */
export function responseEventId(key: string): string {
  return `cc:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
}
