import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { ResponseRegistry } from './claude-code/response-registry';
import { findLogFiles } from './jsonl/find-log-files';
import { readLines } from './jsonl/read-lines';
import { createLogParser } from './log-parser-factory';
import { defaultLogRoots, logRootsForDir } from './log-roots';
import { addSkips, type IngestEvents, type LogKind, type SkipCounts } from './log-types';

/** How far an import has got, reported after each file. */
export interface ImportProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  events: number;
}

/** What an import did: files and lines read, events sent and what the daemon made of them, lines skipped per reason. */
export interface ImportSummary {
  kind: LogKind;
  roots: string[];
  files: number;
  bytes: number;
  lines: number;
  events: number;
  accepted: number;
  duplicates: number;
  skipped: SkipCounts;
}

export interface ImportOptions {
  /** A Claude Code config dir or projects tree, a Codex home or sessions tree; default: where the agent writes. */
  dir?: string;
  ingest: IngestEvents;
  onProgress?: (progress: ImportProgress) => void;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Events per `ingest` call (at most 10,000, the API's batch limit). */
  batchSize?: number;
  now?: () => number;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Imports Claude Code transcripts or Codex rollouts once, from the first byte of every file. Event ids are
 * derived from the logs, so importing again, or importing what the watcher already took, adds only duplicates.
 */
export async function importLogs(kind: LogKind, options: ImportOptions): Promise<ImportSummary> {
  const { ingest, onProgress, env = process.env, home = homedir(), now = Date.now } = options;
  const batchSize = Math.min(options.batchSize ?? 5000, 10_000);
  const roots =
    options.dir === undefined
      ? defaultLogRoots(env, home).filter((root) => root.kind === kind)
      : await logRootsForDir(kind, options.dir);
  const files = (
    await Promise.all(
      roots.map(async (root) => (await findLogFiles(root.dir)).map((file) => ({ file, root: root.dir }))),
    )
  ).flat();
  const sizes = await Promise.all(files.map(async ({ file }) => fileSize(file)));
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const summary: ImportSummary = {
    kind,
    roots: roots.map((root) => root.dir),
    files: 0,
    bytes: 0,
    lines: 0,
    events: 0,
    accepted: 0,
    duplicates: 0,
    skipped: {},
  };
  const registry = new ResponseRegistry();
  let pending: UsageEvent[] = [];
  const send = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const result = await ingest(batch);
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
  };
  for (const { file, root } of files) {
    const parser = await createLogParser({ kind, file, root, registry, now });
    let read;
    try {
      read = await readLines(file, {
        from: 0,
        needles: parser.needles,
        final: true,
        onLine: (text, start, terminated) => {
          parser.line(text, start, terminated);
        },
      });
    } catch {
      // A file that vanished between listing and reading (Codex archiving a rollout) has nothing to import.
      continue;
    }
    parser.flush();
    const events = parser.drain();
    summary.files++;
    summary.bytes += read.end;
    summary.lines += read.lines;
    summary.events += events.length;
    addSkips(summary.skipped, parser.skips);
    for (const event of events) {
      pending.push(event);
      if (pending.length >= batchSize) await send();
    }
    onProgress?.({
      file,
      filesDone: summary.files,
      filesTotal: files.length,
      bytesDone: summary.bytes,
      bytesTotal,
      events: summary.events,
    });
  }
  await send();
  return summary;
}
