import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { EventBatcher } from './event-batcher';

/** Events per `GET /v1/events` page during a catch-up: the most the daemon answers at once. */
export const CATCH_UP_PAGE = 5000;

/** What a catch-up needs. */
export interface CatchUpDeps {
  client: DaemonClient;
  batcher: EventBatcher;
  aborted: () => boolean;
  pageSize?: number;
}

/**
 * Hands the batcher everything the daemon stored after `after`, page by page, fetching the next page while the
 * batcher writes the last one. Pages rather than the stream's replay: a browser spends about as much on each
 * WebSocket message as IndexedDB on storing its event, and a page brings 5,000 events in one response. Stops at a
 * page shorter than the page size (up to date), at a failed request (the stream replays the rest), at a failed
 * write, or when aborted. Resolves with the seq the stream goes on after.
 */
export async function catchUp(
  { client, batcher, aborted, pageSize = CATCH_UP_PAGE }: CatchUpDeps,
  after: number,
): Promise<number> {
  let reached = after;
  let next = client.listEvents({ after, limit: pageSize });
  for (;;) {
    const page = await next;
    if (aborted() || batcher.failed() || !page.ok) return reached;
    const { events, next_after: nextAfter } = page.value;
    const full = events.length === pageSize;
    if (full) next = client.listEvents({ after: nextAfter, limit: pageSize });
    for (const event of events) batcher.add(event);
    reached = Math.max(reached, nextAfter);
    if (!full) return reached;
    await batcher.ready();
  }
}
