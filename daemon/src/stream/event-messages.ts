import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { textFrames } from './text-frames';

/** The `{"type": "event", "event"}` message of a stored event, as text. */
export function eventMessage(event: StoredEvent): string {
  return `{"type":"event","event":${JSON.stringify(event)}}`;
}

// Live subscribers share their commits' frames (eventFrames). Events sent one by one come from a replay, which
// reads fresh objects per subscriber, or were held during one: a cache per event would cost a WeakMap entry for
// each event streamed and seldom be read.
const framed = new WeakMap<readonly StoredEvent[], Buffer>();

/**
 * A commit's event messages as WebSocket frames, built once: every live subscriber is handed the same array by
 * the store, and writes these bytes as they are.
 */
export function eventFrames(events: readonly StoredEvent[]): Buffer {
  let frames = framed.get(events);
  if (frames === undefined) {
    frames = textFrames(events.map(eventMessage));
    framed.set(events, frames);
  }
  return frames;
}
