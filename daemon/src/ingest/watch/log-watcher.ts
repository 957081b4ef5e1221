import { homedir } from 'node:os';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { ResponseRegistry } from '../claude-code/response-registry';
import { defaultLogRoots, type LogRoot } from '../log-roots';
import type { IngestEvents, IngestLogger } from '../log-types';
import { DirWatchers } from './dir-watchers';
import { type IngestState, loadIngestState, saveIngestState } from './ingest-state';
import { LogTreeScanner } from './log-tree-scanner';
import { TickScheduler } from './tick-scheduler';
import { TrackedLogFile } from './tracked-log-file';

export interface LogWatcherOptions {
  ingest: IngestEvents;
  signal: AbortSignal;
  /** Where read offsets are saved, normally `$TOKENTALLY_HOME/ingest-state.json` (INGEST_STATE_FILE). */
  statePath: string;
  /** Default: Claude Code's `projects/` dirs and Codex's `sessions/` and `archived_sessions/` on this machine. */
  roots?: LogRoot[];
  logger?: IngestLogger;
  /** A Claude Code response is sent once its file has been quiet this long (or its next response starts). */
  settleMs?: number;
  /** How often recently written files and directories are checked even without an fs.watch event. */
  pollMs?: number;
  /** How often every file and directory is checked. */
  fullScanMs?: number;
}

/** A running watcher: `ready` once the first pass is done, `stopped` once the signal has stopped it. */
export interface LogWatcher {
  ready: Promise<void>;
  stopped: Promise<void>;
}

const HOT_FILE_MS = 10 * 60 * 1000;
const IDLE_PARSER_MS = 5 * 60 * 1000;
const BATCH = 5000;
const SAVE_INTERVAL_MS = 1000;
const silent: IngestLogger = { info: () => undefined, warn: () => undefined };

/**
 * Follows Claude Code and Codex logs as they are written and ingests their usage within about a second. Runs
 * in the daemon. Offsets are saved after each acknowledged batch, so a restart resumes where it stopped and
 * catches up on what was written meanwhile. On its very first run it follows files from their current end:
 * earlier history is `tokentally import`'s job.
 */
export function startLogWatcher(options: LogWatcherOptions): LogWatcher {
  const {
    ingest,
    signal,
    statePath,
    logger = silent,
    settleMs = 400,
    pollMs = 1000,
    fullScanMs = 5000,
  } = options;
  const roots = options.roots ?? defaultLogRoots(process.env, homedir());
  const deps = { registry: new ResponseRegistry(200_000), now: Date.now };
  const scanner = new LogTreeScanner(roots);
  const files = new Map<string, TrackedLogFile>();
  const dirtyDirs = new Set<string>();
  const dirtyFiles = new Set<string>();
  const startedAt = Date.now();
  let firstRun = false;
  let initial = true;
  let lastFullScan = Number.NEGATIVE_INFINITY;
  let unsaved = false;
  let lastSave = Number.NEGATIVE_INFINITY;
  const scheduler = new TickScheduler(async () => {
    try {
      await tick();
    } catch (error) {
      logger.warn(`log watcher: ${error instanceof Error ? error.message : String(error)}`);
    }
    scheduler.after(nextDelay());
  });
  const watchers = new DirWatchers((dir, file) => {
    dirtyDirs.add(dir);
    if (file !== undefined) dirtyFiles.add(file);
    scheduler.after(15);
  });

  const nextDelay = (): number => {
    let delay = pollMs;
    for (const file of files.values()) {
      const since = file.openSince();
      if (since !== null) delay = Math.min(delay, Math.max(10, since + settleMs - Date.now()));
    }
    return delay;
  };

  const discover = async (now: number, full: boolean): Promise<boolean> => {
    const dirty = new Set(dirtyDirs);
    dirtyDirs.clear();
    const changes = await scanner.scan({ full, dirty, now });
    for (const path of changes.removed) files.delete(path);
    for (const found of changes.added) {
      dirtyFiles.add(found.path);
      if (files.has(found.path)) continue;
      try {
        files.set(
          found.path,
          await TrackedLogFile.start(
            found.path,
            found.kind,
            found.root,
            firstRun && initial ? startedAt : undefined,
            deps,
          ),
        );
      } catch {
        // Gone between listing and stat: nothing to follow.
      }
    }
    if (initial) {
      const present = new Set([...scanner.files()].map((found) => found.path));
      for (const path of files.keys()) if (!present.has(path)) files.delete(path);
    }
    if (full || changes.added.length > 0 || changes.removed.length > 0) watchers.sync(scanner.directories());
    return changes.added.length > 0 || changes.removed.length > 0;
  };

  const send = async (events: UsageEvent[]): Promise<void> => {
    for (let start = 0; start < events.length; start += BATCH)
      await ingest(events.slice(start, start + BATCH));
  };

  const tick = async (): Promise<void> => {
    const now = Date.now();
    const full = now - lastFullScan >= fullScanMs;
    if (full) lastFullScan = now;
    let stateChanged = await discover(now, full);
    for (const file of [...files.values()]) {
      if (!(initial || full || dirtyFiles.has(file.path) || now - file.lastChangeAt < HOT_FILE_MS)) continue;
      try {
        const outcome = await file.update();
        if (outcome === 'gone') files.delete(file.path);
        if (outcome === 'restarted')
          logger.info(`log watcher: ${file.path} was replaced or truncated; reading it again`);
      } catch (error) {
        logger.warn(
          `log watcher: cannot read ${file.path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    dirtyFiles.clear();
    const events: UsageEvent[] = [];
    for (const file of files.values()) {
      file.settle(settleMs);
      events.push(...file.drain());
    }
    try {
      await send(events);
    } catch (error) {
      // Not stored: read those lines again on a later tick rather than lose them.
      for (const file of files.values()) file.rollback();
      logger.warn(
        `log watcher: could not store ${events.length} ${events.length === 1 ? 'event' : 'events'}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    for (const file of files.values()) {
      if (file.commit()) stateChanged = true;
      file.evictIfIdle(IDLE_PARSER_MS);
    }
    if (stateChanged || initial) unsaved = true;
    // At most one write a second while logs stream in; a crash before it only means re-reading (duplicates).
    if (unsaved && (initial || now - lastSave >= SAVE_INTERVAL_MS)) await save();
    initial = false;
  };

  const save = async (): Promise<void> => {
    unsaved = false;
    lastSave = Date.now();
    const state: IngestState = { version: 1, files: {} };
    for (const file of files.values()) state.files[file.path] = file.state;
    try {
      await saveIngestState(statePath, state);
    } catch (error) {
      logger.warn(
        `log watcher: cannot save ${statePath}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const ready = (async () => {
    const loaded = await loadIngestState(statePath);
    if (loaded.ok)
      for (const [path, state] of Object.entries(loaded.state.files))
        files.set(path, new TrackedLogFile(path, state, deps));
    else if (loaded.reason === 'corrupt')
      logger.warn(`log watcher: ${statePath} is unreadable; reading every log again`);
    firstRun = !loaded.ok && loaded.reason === 'missing';
    if (!signal.aborted) await scheduler.run();
  })();

  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      void (async () => {
        await ready.catch(() => undefined);
        await scheduler.stop();
        watchers.close();
        await save();
        resolve();
      })();
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });

  return { ready, stopped };
}
