import type { BudgetInput } from '../api/budget';
import type { EventFilter, ExportQuery } from '../api/query';
import type { GroupBy } from '../api/summary';
import type { UsageEventWire } from '../schema/usage-event';

/** The filters of events, summary, export and budget check queries; undefined values are left out of the URL. */
export type FilterParams = {
  [K in keyof EventFilter]?: (K extends 'from' | 'to' ? string | number : string) | undefined;
};

/** Query of `GET /v1/events`. */
export type EventListParams = FilterParams & { after?: number | undefined; limit?: number | undefined };

/** Query of `GET /v1/summary`. */
export type SummaryParams = FilterParams & { group_by?: GroupBy | undefined; tz?: string | undefined };

/** Query of `GET /v1/export`. */
export type ExportParams = FilterParams & { format?: ExportQuery['format'] | undefined };

/** The body of `POST /v1/events`: one event, an array, or `{"events": [...]}`. */
export type PostEventsBody =
  UsageEventWire | readonly UsageEventWire[] | { events: readonly UsageEventWire[] };

/** The body of `PUT /v1/budgets/:id`. */
export type BudgetBody = BudgetInput;
