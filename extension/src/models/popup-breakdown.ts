import { finalizeSummary } from '@tokentally/shared/aggregate/summary';
import type { SummaryGroup } from '@tokentally/shared/api/summary';
import { type DayTable, tablePartial } from './popup-day-table';
import type { PopupDimension } from './popup-dimensions';
import { type PopupPeriod, periodRange } from './popup-periods';

/** One row of a breakdown: a label's figures and its share of the period's cost. */
export type BreakdownRow = Pick<
  SummaryGroup,
  'key' | 'cost_usd' | 'requests' | 'total_tokens' | 'share_of_cost'
>;

/** A breakdown as shown: the largest rows, and the rest folded into one `others` row (null when none are left). */
export interface Breakdown {
  dimension: PopupDimension;
  period: PopupPeriod;
  rows: BreakdownRow[];
  others: (BreakdownRow & { count: number }) | null;
}

/** How many labels a breakdown lists before folding the rest into `others`. */
export const BREAKDOWN_ROWS = 8;

function row(group: SummaryGroup): BreakdownRow {
  const { key, cost_usd, requests, total_tokens, share_of_cost } = group;
  return { key, cost_usd, requests, total_tokens, share_of_cost };
}

/** Folds summary groups (most expensive first) into the first `limit` rows and one row for the others. */
export function foldBreakdown(
  groups: readonly SummaryGroup[],
  limit = BREAKDOWN_ROWS,
): Pick<Breakdown, 'rows' | 'others'> {
  const rest = groups.slice(limit);
  if (rest.length === 0) return { rows: groups.map(row), others: null };
  const others = rest.reduce(
    (sum, group) => ({
      key: `${String(rest.length)} others`,
      cost_usd: sum.cost_usd + group.cost_usd,
      requests: sum.requests + group.requests,
      total_tokens: sum.total_tokens + group.total_tokens,
      share_of_cost: sum.share_of_cost + group.share_of_cost,
      count: rest.length,
    }),
    { key: '', cost_usd: 0, requests: 0, total_tokens: 0, share_of_cost: 0, count: 0 },
  );
  return { rows: groups.slice(0, limit).map(row), others };
}

/**
 * Spending of a period grouped by a label, most expensive first, as `GET /v1/summary?group_by=` answers it: a
 * missing label is `(none)` and agents count under their top level (`main/researcher` under `main`).
 */
export function breakdownOf(
  table: DayTable,
  dimension: PopupDimension,
  period: PopupPeriod,
  now: number,
): Breakdown {
  const partial = tablePartial(table, periodRange(period, now, table.tz), dimension);
  return { dimension, period, ...foldBreakdown(finalizeSummary(partial, dimension).groups) };
}
