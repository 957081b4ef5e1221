import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import daemonPackage from '../package.json' with { type: 'json' };
import { createApp } from './app';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { daemonPaths, ensureToken, loadConfig } from './config';
import { builtinPlugins, type DaemonPlugin, startPlugins } from './daemon-plugins';
import { acquireHomeLock } from './home-lock';
import { type Logger, silentLogger } from './logger';
import { createDaemonMetrics } from './metrics/daemon-metrics';
import { listenLoopback, stopServing } from './listen';
import type { SecurityPolicy } from './security';
import type { DurabilityMode } from './store/durability';
import { type EventStore, openEventStore } from './store/event-store';
import { createBudgetWatch } from './stream/budget-watch';
import { attachStream } from './stream/websocket-server';

/** Why the daemon could not start. */
export class DaemonStartError extends Error {
  readonly code: 'port_in_use' | 'already_running' | 'home_unusable';

  constructor(code: DaemonStartError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DaemonStartError';
    this.code = code;
  }
}

export interface StartDaemonOptions {
  home: string;
  /** 0 picks a free port. */
  port: number;
  /** Overrides config.json's `require_token`. */
  requireToken?: boolean;
  logger?: Logger;
  /** Aborting it closes the daemon. */
  signal?: AbortSignal;
  /** Follow Claude Code and Codex logs while running. */
  watch?: boolean;
  clock?: Clock;
  /** 'fsync' (default) acknowledges events once on disk; 'os' once committed (survives a crash, not power loss). */
  durability?: DurabilityMode;
  /** A stream subscriber with more unsent bytes is disconnected (default 8 MB). */
  streamMaxBufferedBytes?: number;
  plugins?: DaemonPlugin[];
  /** Run when the daemon goes idle to give memory back, e.g. `exposedGarbageCollector()`; default none. */
  releaseMemory?: (() => void) | undefined;
}

/** A running daemon. */
export interface RunningDaemon {
  url: string;
  port: number;
  home: string;
  dbPath: string;
  token: string;
  store: EventStore;
  /** Stops accepting, answers what is in flight, flushes the writer, checkpoints and closes the database. */
  close(): Promise<void>;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function prepareHome(
  home: string,
): Promise<{ token: string; config: Awaited<ReturnType<typeof loadConfig>> }> {
  try {
    await mkdir(home, { recursive: true, mode: 0o700 });
    return { token: await ensureToken(home), config: await loadConfig(home) };
  } catch (cause) {
    throw new DaemonStartError('home_unusable', `cannot use ${home}: ${describe(cause)}`, { cause });
  }
}

/**
 * Starts the daemon of SPEC section 2 on 127.0.0.1 (and [::1] when the machine has it) with its data in `home`.
 * One daemon per home: a pid file guards it (see home-lock.ts), so a second start fails with `already_running`.
 */
export async function startDaemon(options: StartDaemonOptions): Promise<RunningDaemon> {
  const { home, logger = silentLogger, clock = systemClock } = options;
  const paths = daemonPaths(home);
  const { token, config } = await prepareHome(home);
  if (!config.ok) throw new DaemonStartError('home_unusable', config.message);
  const locked = acquireHomeLock(paths.pid);
  if (!locked.ok) {
    const where = locked.holder.port === null ? '' : ` on port ${locked.holder.port}`;
    throw new DaemonStartError(
      'already_running',
      `a daemon is already running for ${home} (pid ${locked.holder.pid}${where}); stop it first or set TOKENTALLY_HOME`,
    );
  }
  const { lock } = locked;
  let store: EventStore;
  try {
    store = openEventStore({
      dbPath: paths.db,
      clock,
      logger,
      timeZone: config.config.timeZone,
      durability: options.durability ?? 'fsync',
      releaseMemory: options.releaseMemory,
    });
  } catch (cause) {
    lock.release();
    throw new DaemonStartError('home_unusable', `cannot open the database ${paths.db}: ${describe(cause)}`, {
      cause,
    });
  }
  let port = options.port;
  const security: SecurityPolicy = {
    port: () => port,
    token,
    requireToken: options.requireToken ?? config.config.requireToken,
    allowedOrigins: config.config.allowedOrigins,
  };
  const metrics = createDaemonMetrics();
  const plugins = [...builtinPlugins({ watch: options.watch ?? false }), ...(options.plugins ?? [])];
  let streamClients = (): number => 0;
  const app = createApp({
    store,
    clock,
    logger,
    security,
    metrics,
    version: daemonPackage.version,
    streamClients: () => streamClients(),
    extraRoutes: (routes, deps) => {
      for (const plugin of plugins) plugin.routes?.(routes, deps);
    },
  });
  const makeServer = (): Server => {
    const server = createAdaptorServer({ fetch: app.fetch });
    if (!('closeAllConnections' in server)) throw new Error('expected an HTTP/1.1 server');
    return server;
  };
  let servers: Server[];
  try {
    servers = await listenLoopback(makeServer, options.port);
  } catch (cause) {
    await store.close();
    lock.release();
    if (cause instanceof DaemonStartError) throw cause;
    const inUse = cause instanceof Error && 'code' in cause && cause.code === 'EADDRINUSE';
    if (inUse)
      throw new DaemonStartError('port_in_use', `port ${options.port} on 127.0.0.1 is already in use`, {
        cause,
      });
    throw new DaemonStartError('home_unusable', `cannot listen on port ${options.port}: ${describe(cause)}`, {
      cause,
    });
  }
  const first = servers[0]?.address();
  port = typeof first === 'object' && first !== null ? (first satisfies AddressInfo).port : options.port;
  lock.update(port);
  const budgets = createBudgetWatch({ store, logger });
  const stream = attachStream(servers, {
    policy: security,
    store,
    budgets,
    clock,
    metrics,
    logger,
    ...(options.streamMaxBufferedBytes === undefined
      ? {}
      : { maxBufferedBytes: options.streamMaxBufferedBytes }),
  });
  streamClients = () => stream.clients();
  const stopPlugins = new AbortController();
  const running = await startPlugins(plugins, { store, logger, home, signal: stopPlugins.signal });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopPlugins.abort();
      await Promise.all(running);
      await stopServing(servers, async () => {
        await stream.close();
        budgets.close();
        await store.close();
      });
      lock.release();
    })());
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  const url = `http://127.0.0.1:${port}`;
  logger.info(`listening on ${url}`, { home, db: paths.db });
  return { url, port, home, dbPath: paths.db, token, store, close };
}
