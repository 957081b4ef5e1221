import type { TrackerFetch } from '../tracker-types';

/** The global fetch, watched: it notes the size of each batch posted, and can lose the answers to the first posts. */
export interface RecordingFetch {
  fetch: TrackerFetch;
  /** Events per `POST /v1/events` that reached the daemon, in order. */
  batches: number[];
}

const eventCount = (body: string | undefined): number => {
  const parsed: unknown = JSON.parse(body ?? '{}');
  return typeof parsed === 'object' && parsed !== null && 'events' in parsed && Array.isArray(parsed.events)
    ? parsed.events.length
    : 0;
};

/**
 * Real requests to the real daemon. With `loseAnswers`, the first that many posts are delivered and stored but
 * their answers are thrown away, as when the connection drops after the daemon committed.
 */
export function recordingFetch({ loseAnswers = 0 } = {}): RecordingFetch {
  const batches: number[] = [];
  let toLose = loseAnswers;
  return {
    batches,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (init.method !== 'POST') return response;
      batches.push(eventCount(init.body));
      if (toLose === 0) return response;
      toLose -= 1;
      await response.text();
      throw new TypeError('fetch failed: the connection was reset');
    },
  };
}
