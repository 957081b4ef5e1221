import type { SummaryMetrics } from '@tokentally/shared/api/summary';
import { formatCount } from '@tokentally/shared/report/format-number';
import { formatMoney, formatTokensShort } from '../../models/popup-format';
import type { PeriodTotals } from '../../models/popup-overview';

/** Props of the totals table. */
export interface TotalsTableProps {
  totals: readonly PeriodTotals[];
  precision: number;
}

const ROWS = [
  { metric: 'cost_usd', label: 'Cost' },
  { metric: 'total_tokens', label: 'Tokens' },
  { metric: 'requests', label: 'Requests' },
] as const satisfies readonly { metric: keyof SummaryMetrics; label: string }[];

function cellText(metric: (typeof ROWS)[number]['metric'], value: number, precision: number): string {
  switch (metric) {
    case 'cost_usd':
      return formatMoney(value, precision);
    case 'total_tokens':
      return formatTokensShort(value);
    case 'requests':
      return formatCount(value);
    default:
      return metric satisfies never;
  }
}

/**
 * Cost, tokens and requests for today, 7 days, 30 days and all time. Each cell carries its exact figure in
 * `data-value` (and tokens in full in its title), for people who hover and for tests.
 */
export function TotalsTable({ totals, precision }: TotalsTableProps) {
  const unpriced = totals.find((period) => period.period === 'all')?.metrics.unpriced_requests ?? 0;
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" class="visually-hidden">
        Totals
      </h2>
      <table class="totals" data-testid="totals">
        <thead>
          <tr>
            <td />
            {totals.map(({ period, label }) => (
              <th key={period} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ metric, label }) => (
            <tr key={metric}>
              <th scope="row">{label}</th>
              {totals.map(({ period, metrics }) => (
                <td
                  key={period}
                  data-period={period}
                  data-metric={metric}
                  data-value={String(metrics[metric])}
                  title={metric === 'total_tokens' ? `${formatCount(metrics[metric])} tokens` : undefined}
                >
                  {cellText(metric, metrics[metric], precision)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {unpriced === 0 ? null : (
        <p class="note" data-testid="unpriced">
          {formatCount(unpriced)} {unpriced === 1 ? 'request has' : 'requests have'} no known price and{' '}
          {unpriced === 1 ? 'is' : 'are'} not in the cost.
        </p>
      )}
    </section>
  );
}
