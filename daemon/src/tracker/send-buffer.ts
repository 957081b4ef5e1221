import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';

/**
 * The events a tracker holds until the daemon has them, oldest first, at most `maxBuffer` of them counting a batch
 * in flight. A batch is taken out to be sent and either acknowledged or put back in front, so a retry re-sends
 * the same events with the same ids.
 */
export interface SendBuffer {
  /** Adds an event; answers the oldest ones dropped to make room (empty when there was room). */
  push(event: UsageEventWire): UsageEventWire[];
  /** Takes up to `max` of the oldest waiting events to send. */
  take(max: number): UsageEventWire[];
  /** Puts events that were taken but not stored back in front; answers the oldest dropped if they no longer fit. */
  putBack(events: readonly UsageEventWire[]): UsageEventWire[];
  /** Tells that `count` taken events are done with (stored or dropped). */
  settle(count: number): void;
  /** Events waiting, not counting those taken. */
  waiting(): number;
  /** Events waiting or taken. */
  size(): number;
  /** Removes and answers every waiting event. */
  drain(): UsageEventWire[];
}

/** Creates an empty buffer holding at most `maxBuffer` events. */
export function createSendBuffer(maxBuffer: number): SendBuffer {
  let waiting: UsageEventWire[] = [];
  let taken = 0;

  const overflow = (): UsageEventWire[] => {
    const excess = waiting.length + taken - maxBuffer;
    return excess > 0 ? waiting.splice(0, Math.min(excess, waiting.length)) : [];
  };

  return {
    push(event) {
      waiting.push(event);
      return overflow();
    },
    take(max) {
      const batch = waiting.splice(0, max);
      taken += batch.length;
      return batch;
    },
    putBack(events) {
      taken -= events.length;
      waiting = [...events, ...waiting];
      return overflow();
    },
    settle(count) {
      taken -= count;
    },
    waiting: () => waiting.length,
    size: () => waiting.length + taken,
    drain() {
      const all = waiting;
      waiting = [];
      return all;
    },
  };
}
