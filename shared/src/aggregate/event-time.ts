import type { AggregatableEvent } from './aggregate';
import type { LabelledEvent } from './event-filter';

/** An event a summary can count: its figures, its labels and its time (epoch ms, or RFC 3339 as stored). */
export type SummarizableEvent = AggregatableEvent & LabelledEvent & { ts: number | string };

/** An event's time in epoch ms; a stored event's RFC 3339 `ts` is parsed. */
export function eventTimeMs(event: { ts: number | string }): number {
  if (typeof event.ts === 'number') return event.ts;
  const parsed = Date.parse(event.ts);
  if (Number.isNaN(parsed)) throw new Error(`event time is not RFC 3339: "${event.ts}"`);
  return parsed;
}
