import type { GroupBy, Summary, SummaryMetrics } from '../api/summary';
import { formatCount, formatPercent, formatUsd } from './format-number';
import { noPaint, type Paint, renderTable, type TableColumn } from './render-table';

/** Options of `renderSummaryTable`. */
export interface SummaryTableOptions {
  /** What the summary was grouped by: names the key column and shortens time-bucket keys. */
  groupBy?: GroupBy;
  /** The terminal width; long keys are cut to fit it. */
  width?: number;
  paint?: Paint;
}

const UNPRICED_MARK = '*';

/** A group key as a person reads it: a time bucket shortened to its period, a missing label as `(none)`. */
export function formatGroupKey(key: string, groupBy?: GroupBy): string {
  if (key === '') return '(none)';
  switch (groupBy) {
    case 'hour':
      return `${key.slice(0, 10)} ${key.slice(11, 16)}`;
    case 'day':
    case 'week':
      return key.slice(0, 10);
    case 'month':
      return key.slice(0, 7);
    default:
      return key;
  }
}

function costCell(metrics: SummaryMetrics, markAny: boolean): string {
  if (metrics.unpriced_requests > 0 && metrics.unpriced_requests === metrics.requests)
    return `unpriced${UNPRICED_MARK}`;
  const mark = metrics.unpriced_requests > 0 ? UNPRICED_MARK : markAny ? ' ' : '';
  return formatUsd(metrics.cost_usd) + mark;
}

/**
 * The human table of a summary: per group its key, requests, total tokens, cost and share of cost, then a totals
 * line, and a note when some requests could not be priced (their cost is missing, never counted as $0).
 */
export function renderSummaryTable(
  summary: Summary,
  { groupBy, width, paint = noPaint }: SummaryTableOptions = {},
): string {
  const { totals, groups } = summary;
  if (totals.requests === 0) return paint('note', 'No requests in this range.');
  // A share of nothing means nothing, so it shows as a dash rather than 0.0%.
  const share = (value: number): string => (totals.cost_usd > 0 ? formatPercent(value) : '-');
  const markAny = totals.unpriced_requests > 0;
  const columns: TableColumn[] = [
    { header: groupBy ?? 'group', shrink: true, minWidth: 12 },
    { header: 'requests', align: 'right' },
    { header: 'tokens', align: 'right' },
    { header: 'cost', align: 'right' },
    { header: 'share', align: 'right' },
  ];
  const rows = groups.map((group) => [
    formatGroupKey(group.key, groupBy),
    formatCount(group.requests),
    formatCount(group.total_tokens),
    costCell(group, markAny),
    share(group.share_of_cost),
  ]);
  const totalRow = [
    'total',
    formatCount(totals.requests),
    formatCount(totals.total_tokens),
    costCell(totals, markAny),
    share(1),
  ];
  const table = renderTable(columns, rows, {
    footer: [totalRow],
    paint,
    ...(width === undefined ? {} : { width }),
  });
  if (!markAny) return table;
  const plural = totals.unpriced_requests === 1 ? 'request' : 'requests';
  const note = `${UNPRICED_MARK} cost excludes ${formatCount(totals.unpriced_requests)} unpriced ${plural} (unknown model price)`;
  return `${table}\n${paint('note', note)}`;
}
