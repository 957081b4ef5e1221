import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';

/** Which agent's session logs: Claude Code's `projects/` transcripts or Codex's rollouts. */
export type LogKind = 'claude' | 'codex';

/** Stores events (the daemon's group-commit writer); a known `id` counts as a duplicate and stores nothing. */
export type IngestEvents = (events: UsageEvent[]) => Promise<IngestResult>;

/** Where log import and watching report what they did; the daemon passes its own logger. */
export interface IngestLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Why a log line gave no event, counted per reason in import summaries. */
export type SkipReason =
  | 'malformed_json'
  | 'truncated_line'
  | 'invalid_line'
  | 'synthetic_model'
  | 'api_error'
  | 'streaming_update'
  | 'replayed_response'
  | 'no_usage'
  | 'unchanged_total'
  | 'fork_replay'
  | 'invalid_event';

/** Counts of skipped lines per reason. */
export type SkipCounts = Partial<Record<SkipReason, number>>;

/** Adds one skipped line to the counts. */
export function countSkip(counts: SkipCounts, reason: SkipReason): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}

/** Adds every count of `from` into `into`. */
export function addSkips(into: SkipCounts, from: SkipCounts): void {
  for (const [reason, count] of Object.entries(from)) {
    if (isSkipReason(reason)) into[reason] = (into[reason] ?? 0) + count;
  }
}

const SKIP_REASONS: ReadonlySet<string> = new Set<SkipReason>([
  'malformed_json',
  'truncated_line',
  'invalid_line',
  'synthetic_model',
  'api_error',
  'streaming_update',
  'replayed_response',
  'no_usage',
  'unchanged_total',
  'fork_replay',
  'invalid_event',
]);

function isSkipReason(value: string): value is SkipReason {
  return SKIP_REASONS.has(value);
}

/**
 * Turns one log file's lines into usage events. Fed complete lines in file order; events come out of `drain`
 * once final. A parser's `snapshot` (plain JSON) lets a watcher resume after a restart from a saved offset.
 */
export interface LogParser {
  /** Byte patterns a line must contain (any of them) to be worth decoding; other lines are only counted. */
  readonly needles: readonly string[];
  /** Feeds one line (without its newline) that starts at byte `start`; `terminated` is false for a cut-off last line. */
  line(text: string, start: number, terminated: boolean): void;
  /** Finalizes everything still open: end of file in an import, a quiet file in the watcher. */
  flush(): void;
  /** Whether some response is still open (its usage may grow) and when its last line arrived (`now()` ms). */
  openSince(): number | null;
  /** Takes the events that became final since the last call. */
  drain(): UsageEvent[];
  /** The byte offset a restart must re-read from to rebuild what is still open, or null when nothing is. */
  resumeOffset(): number | null;
  /** JSON-serializable state to restore a parser after a restart. */
  snapshot(): unknown;
  /** Lines skipped so far, per reason. */
  readonly skips: SkipCounts;
}
