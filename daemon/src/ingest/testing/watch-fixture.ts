import { appendFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LogRoot } from '../log-roots';
import type { IngestEvents } from '../log-types';
import { INGEST_STATE_FILE } from '../watch/ingest-state';
import { type LogWatcher, type LogWatcherOptions, startLogWatcher } from '../watch/log-watcher';
import { claudeAssistantLine } from './log-fixtures';
import { memoryIngest, type MemoryIngest } from './memory-ingest';

/** A temporary Claude Code projects tree and Codex sessions tree, with a home for the watcher's state. */
export interface WatchFixture {
  projects: string;
  sessions: string;
  statePath: string;
  roots: LogRoot[];
  /** Appends text to a file under the fixture, creating it and its directories. */
  append(path: string, text: string): Promise<void>;
  write(path: string, text: string): Promise<void>;
}

/** Creates empty trees in a new temporary directory. */
export async function watchFixture(): Promise<WatchFixture> {
  const base = await mkdtemp(join(tmpdir(), 'tt-watch-'));
  const projects = join(base, 'claude', 'projects');
  const sessions = join(base, 'codex', 'sessions');
  await mkdir(projects, { recursive: true });
  await mkdir(sessions, { recursive: true });
  const under = async (path: string): Promise<string> => {
    const full = join(base, path);
    await mkdir(dirname(full), { recursive: true });
    return full;
  };
  return {
    projects,
    sessions,
    statePath: join(base, 'home', INGEST_STATE_FILE),
    roots: [
      { kind: 'claude', dir: projects },
      { kind: 'codex', dir: sessions },
    ],
    append: async (path, text) => appendFile(await under(path), text),
    write: async (path, text) => writeFile(await under(path), text),
  };
}

/** A watcher over a fixture, with an in-memory store, stopped by `stop()`. */
export interface RunningWatcher extends LogWatcher {
  store: MemoryIngest;
  stop(): Promise<void>;
}

/** Starts a watcher on the fixture with quick timings (overridable). */
export async function watch(
  fixture: WatchFixture,
  options: Partial<Omit<LogWatcherOptions, 'signal'>> & { store?: MemoryIngest; ingest?: IngestEvents } = {},
): Promise<RunningWatcher> {
  const store = options.store ?? memoryIngest();
  const controller = new AbortController();
  const watcher = startLogWatcher({
    roots: fixture.roots,
    statePath: fixture.statePath,
    settleMs: 100,
    pollMs: 100,
    ...options,
    ingest: options.ingest ?? store.ingest,
    signal: controller.signal,
  });
  await watcher.ready;
  return {
    ...watcher,
    store,
    stop: async () => {
      controller.abort();
      await watcher.stopped;
    },
  };
}

/**
 * For a test file: a `watch` whose watchers are all stopped after each test (registers the `afterEach`), so a
 * failing test leaves no watcher running into the next.
 */
export function watchersStoppedAfterEach(): (...args: Parameters<typeof watch>) => Promise<RunningWatcher> {
  const running: RunningWatcher[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map(async (watcher) => watcher.stop()));
  });
  return async (...args) => {
    const watcher = await watch(...args);
    running.push(watcher);
    return watcher;
  };
}

/** A Claude Code assistant line (with its newline) of request `req_<id>`: 3 input tokens, `output` output tokens. */
export const claudeReply = (id: string, output = 5): string =>
  `${claudeAssistantLine({ messageId: `msg_${id}`, requestId: `req_${id}`, usage: { input_tokens: 3, output_tokens: output } })}\n`;

/** A Claude Code session log under the fixture. */
export const CLAUDE_SESSION = 'claude/projects/-home-dev-webapp/s1.jsonl';
