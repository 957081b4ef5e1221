import type { Writable } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { EventStore } from '../store/event-store';
import type { BudgetWatch } from './budget-watch';
import type { ClientReply } from './client-messages';
import { eventFrames, eventMessage } from './event-messages';

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** How a subscriber is served. */
export interface SubscriberOptions {
  store: EventStore;
  budgets: BudgetWatch;
  /** Replay what was stored after this seq first. */
  after: number;
  /** A client with more than this many bytes unsent is too slow and is disconnected (close code 4000). */
  maxBufferedBytes: number;
  answer: (text: string) => Promise<ClientReply>;
  /**
   * The connection's socket: corked around a burst of messages so they leave in one write, not one each, and
   * written to directly with a commit's pre-framed events (`ws` then sends in the same order: it writes to the
   * socket at once, as long as it compresses nothing).
   */
  socket: Pick<Writable, 'cork' | 'uncork' | 'write'>;
  replayPageSize?: number;
  /** Live events held while replaying; past this they are dropped and re-read from the database. */
  maxHeldEvents?: number;
}

/** The close code for a subscriber that does not keep up. */
export const SLOW_SUBSCRIBER_CODE = 4000;
const OPEN = 1;

/**
 * Serves one `/v1/stream` connection: every event stored after `after`, exactly once and in seq order, then live.
 * It subscribes before replaying, holds live events while the replay reads the database, then sends the held
 * ones it has not sent (seq above the last replayed). Held events past `maxHeldEvents` are dropped, which is safe:
 * they are committed, so the replay, still going, reads them back. The replay only reads events already durable;
 * newer ones arrive live.
 */
export function serveSubscriber(ws: WebSocket, options: SubscriberOptions): void {
  const { store, maxBufferedBytes, replayPageSize = 500, maxHeldEvents = 10_000 } = options;
  let lastSent = options.after;
  let live = false;
  let held: StoredEvent[] = [];
  let closing = false;

  function tooSlow(): boolean {
    if (closing || ws.readyState !== OPEN) return true;
    if (ws.bufferedAmount <= maxBufferedBytes) return false;
    closing = true;
    ws.close(SLOW_SUBSCRIBER_CODE, `slow subscriber: more than ${maxBufferedBytes} bytes unsent`);
    // A client that stopped reading never answers the close handshake.
    setTimeout(() => {
      ws.terminate();
    }, 5000).unref();
    return true;
  }

  function sendEvent(event: StoredEvent, sent?: () => void): void {
    if (event.seq <= lastSent || tooSlow()) {
      sent?.();
      return;
    }
    ws.send(eventMessage(event), sent);
    lastSent = event.seq;
  }

  function burst(send: () => void): void {
    options.socket.cork();
    send();
    options.socket.uncork();
  }

  // Live, a commit's events normally all follow what was sent: one write of frames shared by every subscriber.
  function sendCommit(events: readonly StoredEvent[]): void {
    const first = events[0];
    const last = events.at(-1);
    if (first === undefined || last === undefined || tooSlow()) return;
    if (first.seq > lastSent) {
      options.socket.write(eventFrames(events));
      lastSent = last.seq;
      return;
    }
    burst(() => {
      for (const event of events) sendEvent(event);
    });
  }

  const unsubscribeEvents = store.subscribe((events) => {
    if (live) {
      sendCommit(events);
      return;
    }
    if (held.length + events.length > maxHeldEvents) held = [];
    else for (const event of events) held.push(event);
  });
  const unsubscribeBudgets = options.budgets.subscribe((status) => {
    if (!tooSlow()) ws.send(JSON.stringify({ type: 'budget', status }));
  });

  ws.on('message', (data, isBinary) => {
    void options.answer(isBinary ? '' : rawText(data)).then((reply) => {
      if (!tooSlow()) ws.send(JSON.stringify(reply));
    });
  });
  ws.on('close', () => {
    closing = true;
    unsubscribeEvents();
    unsubscribeBudgets();
  });

  async function replay(): Promise<void> {
    for (;;) {
      const page = store.page(
        { after: lastSent, upTo: store.durableSeq(), from: -Infinity, to: Infinity, filter: {} },
        replayPageSize,
      );
      const last = page.at(-1);
      if (last === undefined || page.length < replayPageSize) {
        burst(() => {
          for (const event of page) sendEvent(event);
        });
        break;
      }
      // Wait until the page has left for the socket: a replay goes at the client's pace.
      await new Promise<void>((resolve) => {
        burst(() => {
          for (const event of page) sendEvent(event, event === last ? resolve : undefined);
        });
      });
      if (closing) return;
    }
    live = true;
    burst(() => {
      for (const event of held) sendEvent(event);
    });
    held = [];
  }

  void replay();
}
