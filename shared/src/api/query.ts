import { z } from 'zod';
import { groupBySchema } from './summary';

const time = z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.coerce.number().int().min(0)], {
  error: 'expected an RFC 3339 date-time, a YYYY-MM-DD date, or epoch milliseconds',
});
const filterValue = z.string().min(1).max(256).optional();

/** The filters shared by events, summary, export and budget check queries (SPEC section 2). */
export const eventFilterSchema = z.strictObject({
  from: time.optional(),
  to: time.optional(),
  model: filterValue,
  provider: filterValue,
  agent: filterValue,
  project: filterValue,
  session_id: filterValue,
  source: filterValue,
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** Query of `GET /v1/events`: filters plus `after` (seq) and `limit` (<= 5000). */
export const eventListQuerySchema = eventFilterSchema.extend({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000, { error: 'expected at most 5000' }).default(1000),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** Query of `GET /v1/summary`: filters plus `group_by` and `tz` (an IANA zone name, default UTC). */
export const summaryQuerySchema = eventFilterSchema.extend({
  group_by: groupBySchema.optional(),
  tz: z.string().min(1).max(64).default('UTC'),
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

/** Query of `GET /v1/export`. */
export const exportQuerySchema = eventFilterSchema.extend({
  format: z.enum(['csv', 'json', 'ndjson']).default('json'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
