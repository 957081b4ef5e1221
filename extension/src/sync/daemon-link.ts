import type { BudgetStatus } from '@tokentally/shared/api/budget';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { StreamHandle } from '@tokentally/shared/client/stream';
import type { FetchLike, WebSocketConstructorLike } from '@tokentally/shared/client/transport';
import { budgetStatusMeta } from '../db/meta';
import type { TokentallyMirror } from '../db/mirror-db';
import { clearMirror, mirrorEvents } from '../db/mirror-events';
import type { SettingsResult } from '../settings/settings-schema';
import { type BackoffOptions, DEFAULT_BACKOFF, interruptibleDelay, retryDelay } from './backoff';
import { createConnectionReporter } from './connection-reporter';
import { type BatchOptions, createEventBatcher, DEFAULT_BATCH } from './event-batcher';
import { streamOnce } from './stream-once';
import { createThrottle } from './throttle';

/** What changed in the mirror: events were stored, the budget status arrived, or the connection state moved. */
export type MirrorChange = 'events' | 'budget' | 'connection';

/** What the link to the daemon needs; the transports are injected so tests can use fakes. */
export interface DaemonLinkOptions {
  db: TokentallyMirror;
  fetch: FetchLike;
  WebSocket: WebSocketConstructorLike;
  now?: () => number;
  batch?: Partial<BatchOptions>;
  backoff?: BackoffOptions;
  /** How often to send traffic on an idle stream (an MV3 worker stops after 30 s without any). */
  keepAliveMs?: number;
  /** At most one budget status request per this many ms while events arrive. */
  budgetRefreshMs?: number;
  onChange?: (change: MirrorChange) => void;
}

/** The worker's link to the daemon: mirrors its events and budget status, reconnecting as needed. */
export interface DaemonLink {
  /** Uses these settings from now on: reconnects when the daemon URL or token changed. */
  configure(settings: SettingsResult): void;
  /** Retries at once if waiting to reconnect (called on the alarm and on worker start). */
  wake(): void;
  /** Empties the mirror and replays every event from seq 0. */
  resync(): Promise<void>;
  /** Settles once every event received so far is written. */
  idle(): Promise<void>;
  /** Closes the stream and stops reconnecting. */
  stop(): Promise<void>;
}

/** Creates the link; nothing connects until `configure` is called. */
export function createDaemonLink(options: DaemonLinkOptions): DaemonLink {
  const { db, now = Date.now, onChange = () => undefined } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let settings: SettingsResult | undefined;
  let session = new AbortController();
  let client: DaemonClient | undefined;
  let stream: StreamHandle | undefined;
  let wakeUp = (): void => undefined;
  const reporter = createConnectionReporter({
    db,
    now,
    onChange: () => {
      onChange('connection');
    },
  });

  const storeBudgetStatus = async (status: BudgetStatus): Promise<void> => {
    await budgetStatusMeta.write(db, { status, received_at: now() });
    onChange('budget');
  };
  const budgetRefresh = createThrottle(() => {
    const asked = client;
    // An answer from a daemon left meanwhile would land in the mirror of the next one.
    void asked
      ?.budgetStatus()
      .then((answer) => (answer.ok && asked === client ? storeBudgetStatus(answer.value) : undefined));
  }, options.budgetRefreshMs ?? 1000);
  const batcher = createEventBatcher({
    ...DEFAULT_BATCH,
    ...options.batch,
    write: (events, after) => mirrorEvents(db, events, after),
    onWritten: (result) => {
      if (result.stored === 0) return;
      onChange('events');
      budgetRefresh.request();
    },
    onError: (error) => {
      console.error('tokentally: could not mirror events; resuming from the last stored seq', error);
      stream?.close();
    },
  });

  async function run(signal: AbortSignal, current: SettingsResult): Promise<void> {
    if (signal.aborted) return;
    const { daemon_url: baseUrl, token } = current.settings;
    client = createDaemonClient({ baseUrl, token, fetch: options.fetch, WebSocket: options.WebSocket });
    const attempt = {
      db,
      client,
      signal,
      batcher,
      keepAliveMs: options.keepAliveMs ?? 20_000,
      report: reporter.report,
      onBudgetStatus: storeBudgetStatus,
      onMirrorCleared: () => {
        onChange('events');
      },
      onStream: (open: StreamHandle | undefined) => (stream = open),
    };
    // A function, not the property: TypeScript would keep `signal.aborted` narrowed across the awaits.
    const aborted = (): boolean => signal.aborted;
    let failures = 0;
    while (!aborted()) {
      const opened = await streamOnce(attempt).catch(async (error: unknown) => {
        const message = `Cannot connect to the daemon at ${baseUrl}: ${String(error)}`;
        if (!aborted()) await reporter.report({ state: 'offline', message });
        return false;
      });
      failures = opened ? 0 : failures + 1;
      if (aborted()) return;
      const delay = interruptibleDelay(retryDelay(Math.max(0, failures - 1), backoff), signal);
      wakeUp = delay.wake;
      await delay.done;
      wakeUp = () => undefined;
    }
  }

  const start = (current: SettingsResult): void => {
    session.abort();
    session = new AbortController();
    const { signal } = session;
    void reporter.starting(current).then(() => run(signal, current));
  };
  // The stream only depends on where the daemon is and how to present oneself; precision changes nothing here.
  const sameLink = (a: SettingsResult, b: SettingsResult): boolean =>
    a.settings.daemon_url === b.settings.daemon_url && a.settings.token === b.settings.token && a.ok === b.ok;

  return {
    configure(next) {
      const previous = settings;
      settings = next;
      if (previous !== undefined && sameLink(previous, next) && !session.signal.aborted) return;
      start(next);
    },
    wake: () => {
      wakeUp();
    },
    async resync() {
      session.abort();
      await batcher.flush();
      await clearMirror(db);
      onChange('events');
      if (settings !== undefined) start(settings);
    },
    idle: () => batcher.flush(),
    async stop() {
      session.abort();
      budgetRefresh.cancel();
      await batcher.flush();
    },
  };
}
