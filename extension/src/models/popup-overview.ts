import { emptyAggregate } from '@tokentally/shared/aggregate/aggregate';
import { finalizeMetrics } from '@tokentally/shared/aggregate/metrics';
import { nextBucketStart } from '@tokentally/shared/aggregate/time-bucket';
import { formatZoned } from '@tokentally/shared/aggregate/time-zone';
import type { SummaryMetrics } from '@tokentally/shared/api/summary';
import { lastDaysRange } from '../db/ranges';
import type { DayTable } from './popup-day-table';
import { tablePartial } from './popup-day-table';
import { POPUP_PERIODS, type PopupPeriod, periodRange } from './popup-periods';

/** The totals of one period. */
export interface PeriodTotals {
  period: PopupPeriod;
  label: string;
  metrics: SummaryMetrics;
}

/** One day of the chart: its local date and what it cost. */
export interface DailyPoint {
  /** `YYYY-MM-DD` in the user's zone. */
  day: string;
  cost_usd: number;
  requests: number;
  total_tokens: number;
}

/** What the popup shows above the fold: totals per period and the daily costs of the last `CHART_DAYS` days. */
export interface Overview {
  totals: PeriodTotals[];
  daily: DailyPoint[];
}

/** The days the chart shows, today included. */
export const CHART_DAYS = 30;

/** The totals of today, 7 days, 30 days and all time, and the chart's days, at `now` (sums of the table's days). */
export function overviewOf(table: DayTable, now: number): Overview {
  const totals = POPUP_PERIODS.map(({ id, label }) => ({
    period: id,
    label,
    metrics: finalizeMetrics(tablePartial(table, periodRange(id, now, table.tz)).totals),
  }));
  const daily: DailyPoint[] = [];
  const range = lastDaysRange(now, table.tz, CHART_DAYS);
  for (let start = range.from; start < range.to; start = nextBucketStart(start, 'day', table.tz)) {
    const key = formatZoned(start, table.tz);
    const metrics = finalizeMetrics(table.days.get(key)?.totals ?? emptyAggregate());
    daily.push({
      day: key.slice(0, 10),
      cost_usd: metrics.cost_usd,
      requests: metrics.requests,
      total_tokens: metrics.total_tokens,
    });
  }
  return { totals, daily };
}
