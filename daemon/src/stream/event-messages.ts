import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { textFrames } from './text-frames';

// Every subscriber receives the same event objects from a commit, so each is serialized once for all of them.
const serialized = new WeakMap<StoredEvent, string>();

/** The `{"type": "event", "event"}` message of a stored event, as text. */
export function eventMessage(event: StoredEvent): string {
  let text = serialized.get(event);
  if (text === undefined) {
    text = `{"type":"event","event":${JSON.stringify(event)}}`;
    serialized.set(event, text);
  }
  return text;
}

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
