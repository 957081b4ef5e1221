import { z } from 'zod';
import type { GroupBy } from '../api/summary';
import { type Aggregate, aggregateSchema, addEvent, emptyAggregate } from './aggregate';
import { eventTimeMs, type SummarizableEvent } from './event-time';
import { HOUR_MS } from './time-bucket';

/**
 * A rollup of the events of one UTC hour sharing model, provider, agent (full path), project and source, as the
 * daemon and the extension keep them. Rows merge with `mergeAggregates` on their aggregate fields.
 */
export const hourRowSchema = aggregateSchema.extend({
  hour_start_ms: z.int().min(0),
  model: z.string(),
  provider: z.string(),
  agent: z.string().nullable(),
  project: z.string().nullable(),
  source: z.string(),
});
export type HourRow = z.infer<typeof hourRowSchema>;

/** What a summary of hour rows can be grouped by: rows do not keep `session_id` or `tool`. */
export const ROW_GROUP_BYS = [
  'model',
  'provider',
  'agent',
  'project',
  'source',
  'hour',
  'day',
  'week',
  'month',
] as const;
export type RowGroupBy = (typeof ROW_GROUP_BYS)[number];

/** Narrows a group-by to one hour rows can answer (otherwise summarize raw events). */
export function isRowGroupBy(groupBy: GroupBy): groupBy is RowGroupBy {
  return ROW_GROUP_BYS.some((value) => value === groupBy);
}

/** The UTC hour holding an instant, as the epoch ms of its start. */
export function utcHourStart(tsMs: number): number {
  return Math.floor(tsMs / HOUR_MS) * HOUR_MS;
}

/** The first UTC hour start at or after an instant, in epoch ms (the instant itself when on the hour). */
export function utcHourCeil(tsMs: number): number {
  return Math.ceil(tsMs / HOUR_MS) * HOUR_MS;
}

/** The hour row holding just this event; fold it into a stored row with `mergeAggregates`. */
export function hourRowOf(event: SummarizableEvent): HourRow {
  const aggregate: Aggregate = addEvent(emptyAggregate(), event);
  return {
    ...aggregate,
    hour_start_ms: utcHourStart(eventTimeMs(event)),
    model: event.model,
    provider: event.provider,
    agent: event.agent ?? null,
    project: event.project ?? null,
    source: event.source,
  };
}
