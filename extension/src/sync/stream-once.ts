import type { BudgetStatus } from '@tokentally/shared/api/budget';
import type { StreamServerMessage } from '@tokentally/shared/api/ingest';
import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { StreamHandle } from '@tokentally/shared/client/stream';
import type { TokentallyMirror } from '../db/mirror-db';
import { adoptDaemon, daemonOrigin } from '../db/mirror-origin';
import { catchUp } from './catch-up';
import { describeDaemonError, type DaemonProblem } from './connection-errors';
import type { EventBatcher } from './event-batcher';
import { resumePoint } from './resume-point';

/** The connection news a stream attempt reports: it went online, or what went wrong. */
export type ConnectionNews = { state: 'online'; message: null } | DaemonProblem;

/** What one stream attempt needs. */
export interface StreamAttempt {
  db: TokentallyMirror;
  client: DaemonClient;
  signal: AbortSignal;
  batcher: EventBatcher;
  keepAliveMs: number;
  report: (news: ConnectionNews) => Promise<void>;
  onBudgetStatus: (status: BudgetStatus) => Promise<void>;
  /** The mirror was emptied: it was another daemon's, or this daemon's history was reset. */
  onMirrorCleared: () => void;
  /** The open stream, then undefined once it closed (so a failed write can close it to resume from last_seq). */
  onStream: (stream: StreamHandle | undefined) => void;
}

// Sent as traffic that keeps an MV3 worker alive; the daemon acks an empty batch and the ack is ignored.
const KEEP_ALIVE_REF = 'keepalive';

function handleMessage(attempt: StreamAttempt, message: StreamServerMessage): void {
  switch (message.type) {
    case 'event':
      attempt.batcher.add(message.event);
      return;
    case 'budget':
      void attempt.onBudgetStatus(message.status);
      return;
    case 'ack':
    case 'error':
      return;
    default:
      message satisfies never;
  }
}

/**
 * Connects once: claims the mirror for this daemon (emptying it if another daemon filled it), asks for the budget
 * status (which also tells an unreachable daemon, a wrong token and a refused origin apart, as a WebSocket
 * cannot), then fetches in pages what was stored after the last mirrored seq and streams the rest until the stream
 * closes. Resolves whether the stream had opened (then the next retry comes soon).
 */
export async function streamOnce(attempt: StreamAttempt): Promise<boolean> {
  const { client, signal } = attempt;
  // A function, not the property: TypeScript would keep `signal.aborted` narrowed across the awaits.
  const aborted = (): boolean => signal.aborted;
  // What the previous stream left is written first, to the mirror of the daemon it came from.
  await attempt.batcher.flush();
  if (aborted()) return false;
  if (await adoptDaemon(attempt.db, daemonOrigin(client.baseUrl))) attempt.onMirrorCleared();
  const probe = await client.budgetStatus();
  if (aborted()) return false;
  if (!probe.ok) {
    await attempt.report(describeDaemonError(probe.error, client.baseUrl));
    return false;
  }
  await attempt.onBudgetStatus(probe.value);
  const resumed = await resumePoint(attempt.db, client, attempt.onMirrorCleared);
  if (aborted()) return false;
  attempt.batcher.resume(resumed);
  // The daemon answered with this token: online while the history comes in pages, before the stream opens.
  await attempt.report({ state: 'online', message: null });
  const after = await catchUp({ client, batcher: attempt.batcher, aborted }, resumed);
  // A write failed during the catch-up: the next attempt resumes from what was stored. No await from here to
  // `onStream`, so a later failure finds the stream and closes it.
  if (aborted() || attempt.batcher.failed()) return false;
  const progress = { opened: false };
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stream = client.stream({
    after,
    signal,
    onOpen: () => {
      progress.opened = true;
      keepAlive = setInterval(() => stream.send([], KEEP_ALIVE_REF), attempt.keepAliveMs);
      void attempt.report({ state: 'online', message: null });
    },
    onMessage: (message) => {
      handleMessage(attempt, message);
    },
    onInvalid: (error) => {
      console.warn(`tokentally: skipped a stream message: ${error.message}`);
    },
  });
  attempt.onStream(stream);
  const { code } = await stream.closed;
  clearInterval(keepAlive);
  attempt.onStream(undefined);
  if (!aborted()) {
    const message = progress.opened
      ? `Lost the connection to the daemon at ${client.baseUrl} (code ${code}); reconnecting.`
      : `Cannot open the event stream of the daemon at ${client.baseUrl} (code ${code}).`;
    await attempt.report({ state: 'offline', message });
  }
  return progress.opened;
}
