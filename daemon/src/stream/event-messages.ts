import type { StoredEvent } from '@tokentally/shared/schema/stored-event';

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
