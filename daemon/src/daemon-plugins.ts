import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Logger } from './logger';
import type { RouteDeps } from './routes/route-deps';
import type { EventStore } from './store/event-store';

/** What a plugin gets when the daemon starts it. */
export interface PluginContext {
  store: EventStore;
  logger: Logger;
  home: string;
  /** Aborted when the daemon closes. */
  signal: AbortSignal;
}

/** A started producer: `stopped` settles once it has stopped after the signal. */
export interface PluginRun {
  stopped: Promise<void>;
}

/** An addition to the daemon: more routes, and background producers started with it. */
export interface DaemonPlugin {
  name: string;
  routes?: (app: Hono, deps: RouteDeps) => void;
  /** Starts the producer; resolves once it is ready (the daemon starts only then). */
  start?: (context: PluginContext) => Promise<PluginRun>;
}

/** Follows Claude Code and Codex logs while the daemon runs (`tokentally start` with watching on). */
export const logWatchPlugin: DaemonPlugin = {
  name: 'log-watch',
  async start({ store, logger, home, signal }) {
    // Loaded only when watching: a daemon started with --no-watch never holds the log parsers.
    const [{ startLogWatcher }, { INGEST_STATE_FILE }] = await Promise.all([
      import('./ingest/watch/log-watcher'),
      import('./ingest/watch/ingest-state'),
    ]);
    const watcher = startLogWatcher({
      ingest: (events) => store.ingest(events),
      signal,
      statePath: join(home, INGEST_STATE_FILE),
      logger,
    });
    // Ready: the first pass has noted where each log ends, so what is written from now on is followed.
    await watcher.ready;
    return { stopped: watcher.stopped };
  },
};

/** The plugins a daemon runs with (`POST /v1/traces` is a route of the app itself). */
export function builtinPlugins({ watch }: { watch: boolean }): DaemonPlugin[] {
  return watch ? [logWatchPlugin] : [];
}

/**
 * Starts plugins and waits until each is ready, so a log watcher has its baseline once the daemon is up. A plugin
 * that fails is logged and left out. Answers promises that settle once each has stopped (after `signal`).
 */
export async function startPlugins(
  plugins: readonly DaemonPlugin[],
  context: PluginContext,
): Promise<Promise<void>[]> {
  const failed = (plugin: DaemonPlugin) => (error: unknown) => {
    context.logger.error(`${plugin.name} failed`, { error: String(error) });
  };
  const started = await Promise.all(
    plugins.map(async (plugin) => {
      const run = await plugin.start?.(context).catch(failed(plugin));
      // Wrapped: an async function returning the promise itself would wait for it.
      return { stopped: run?.stopped.catch(failed(plugin)) };
    }),
  );
  return started.flatMap((run) => (run.stopped === undefined ? [] : [run.stopped]));
}
