import { stat } from 'node:fs/promises';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import type { ResponseRegistry } from '../claude-code/response-registry';
import { lineBoundaryBefore } from '../jsonl/line-boundary';
import { readLines } from '../jsonl/read-lines';
import { createLogParser } from '../log-parser-factory';
import type { LogKind, LogParser } from '../log-types';
import type { LogFileState } from './ingest-state';

export interface TrackedLogFileDeps {
  registry: ResponseRegistry;
  now: () => number;
}

/** What `update` found: nothing new, new lines, the file gone, or the file replaced or truncated (read anew from 0). */
export type UpdateOutcome = 'unchanged' | 'read' | 'gone' | 'restarted';

/**
 * One log file followed by the watcher. It reads from the last offset, leaves a partial last line for the next
 * read, and keeps two positions: how far it has read, and how far is committed (sent and acknowledged), which
 * is what gets saved. A replaced (new inode) or shorter file is read again from 0; event ids make that safe.
 */
export class TrackedLogFile {
  readonly path: string;
  #committed: LogFileState;
  #readOffset: number;
  #parser: LogParser | undefined;
  /** Events found while reading the baseline that were written after watching began. */
  #pending: UsageEvent[] = [];
  readonly #deps: TrackedLogFileDeps;
  /** When new bytes were last seen (`now()` ms): recently written files are polled on every tick. */
  lastChangeAt = 0;

  constructor(path: string, state: LogFileState, deps: TrackedLogFileDeps) {
    this.path = path;
    this.#committed = state;
    this.#readOffset = state.offset;
    this.#deps = deps;
  }

  /**
   * Starts following a file: from its first byte, or, given a `baseline` time (the watcher's first start),
   * from where its whole lines end now, sending only what is stamped from that time on.
   */
  static async start(
    path: string,
    kind: LogKind,
    root: string,
    baseline: number | undefined,
    deps: TrackedLogFileDeps,
  ): Promise<TrackedLogFile> {
    const stats = await stat(path);
    const offset = baseline !== undefined && stats.size > 0 ? await lineBoundaryBefore(path, stats.size) : 0;
    const state: LogFileState = { kind, root, ino: stats.ino, offset, ...(offset > 0 ? { baseline } : {}) };
    return new TrackedLogFile(path, state, deps);
  }

  get state(): LogFileState {
    return this.#committed;
  }

  /** Reads whatever was appended since the last read. */
  async update(): Promise<UpdateOutcome> {
    let stats;
    try {
      stats = await stat(this.path);
    } catch {
      return 'gone';
    }
    let outcome: UpdateOutcome = 'read';
    if (
      stats.ino !== this.#committed.ino ||
      stats.size < this.#readOffset ||
      stats.size < this.#committed.offset
    ) {
      this.#committed = { kind: this.#committed.kind, root: this.#committed.root, ino: stats.ino, offset: 0 };
      this.#parser = undefined;
      this.#readOffset = 0;
      outcome = 'restarted';
    }
    // A file written as the watcher first started may hold lines stamped after the start before its offset.
    const baseline = this.#parser ? undefined : this.#committed.baseline;
    const justWritten = baseline !== undefined && stats.mtimeMs >= baseline - 1000;
    if (stats.size === this.#readOffset && outcome === 'read' && !justWritten) return 'unchanged';
    const parser = await this.#ensureParser();
    const read = await readLines(this.path, {
      from: this.#readOffset,
      needles: parser.needles,
      final: false,
      onLine: (text, start, terminated) => {
        parser.line(text, start, terminated);
      },
    });
    if (read.end !== this.#readOffset) this.lastChangeAt = this.#deps.now();
    this.#readOffset = read.end;
    return outcome;
  }

  async #ensureParser(): Promise<LogParser> {
    if (this.#parser) return this.#parser;
    const { kind, root, parser: snapshot, baseline, offset } = this.#committed;
    const { registry, now } = this.#deps;
    const parser = await createLogParser({ kind, file: this.path, root, registry, now, snapshot });
    if (baseline !== undefined) {
      // What was there before watching began is history (`tokentally import` takes it): it is read for context
      // (a Codex session's running total and model, the responses already written), and only what is stamped
      // from the watcher's start on is sent. A response still growing past this point sends only its growth.
      await readLines(this.path, {
        from: 0,
        to: offset,
        needles: parser.needles,
        final: false,
        onLine: (text, start, terminated) => {
          parser.line(text, start, terminated);
        },
      });
      parser.flush();
      this.#pending = parser.drain().filter((event) => event.ts >= baseline);
    }
    this.#parser = parser;
    this.#readOffset = offset;
    return parser;
  }

  /** Emits the open responses of a file quiet for `settleMs`. */
  settle(settleMs: number): void {
    const since = this.#parser?.openSince() ?? null;
    if (since !== null && this.#deps.now() - since >= settleMs) this.#parser?.flush();
  }

  /** When the oldest still-open response last grew, or null when none is open. */
  openSince(): number | null {
    return this.#parser?.openSince() ?? null;
  }

  /** Events that became final since the last call. */
  drain(): UsageEvent[] {
    const pending = this.#pending.splice(0);
    return [...pending, ...(this.#parser?.drain() ?? [])];
  }

  /** Marks everything read and drained as done; returns whether the saved state changed. */
  commit(): boolean {
    const parser = this.#parser;
    if (!parser) return false;
    const offset = parser.resumeOffset() ?? this.#readOffset;
    const next: LogFileState = {
      kind: this.#committed.kind,
      root: this.#committed.root,
      ino: this.#committed.ino,
      offset,
      parser: parser.snapshot(),
    };
    const changed = JSON.stringify(next) !== JSON.stringify(this.#committed);
    this.#committed = next;
    return changed;
  }

  /** Forgets what was read since the last commit (its events were not stored), to read it again. */
  rollback(): void {
    this.#parser = undefined;
    this.#pending = [];
    this.#readOffset = this.#committed.offset;
  }

  /**
   * Drops the in-memory parser of a file quiet for `idleMs` with nothing open; the committed state restores it.
   * Call it only right after a commit, so nothing read is lost.
   */
  evictIfIdle(idleMs: number): void {
    if (this.#parser && this.#parser.openSince() === null && this.#deps.now() - this.lastChangeAt >= idleMs) {
      this.#parser = undefined;
      this.#readOffset = this.#committed.offset;
    }
  }
}
