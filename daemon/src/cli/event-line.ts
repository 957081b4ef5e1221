import type { BudgetStatus } from '@tokentally/shared/api/budget';
import { formatCount, formatPercent, formatUsd } from '@tokentally/shared/report/format-number';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import type { Colors } from './output';

/** `14:03:07` in UTC from an RFC 3339 time; watch lines stay short and sortable. */
const clock = (ts: string): string => new Date(ts).toISOString().slice(11, 19);

/**
 * One line per event for `tokentally watch`:
 * `14:03:07  #42  gpt-4o  in 1,200  out 300  cache 0/0  $0.0060  main  website`.
 */
export function formatEventLine(event: StoredEvent, c: Colors): string {
  const cost = event.cost_usd === null ? c.yellow('unpriced') : formatUsd(event.cost_usd);
  const cache = `cache ${formatCount(event.cache_read_input_tokens)}/${formatCount(event.cache_creation_input_tokens)}`;
  const labels = [event.agent, event.project].filter((label) => label !== null).join('  ');
  const status = event.status === 'error' ? `  ${c.red('error')}` : '';
  return (
    [
      c.dim(clock(event.ts)),
      c.dim(`#${event.seq}`),
      c.bold(event.model),
      `in ${formatCount(event.input_tokens)}`,
      `out ${formatCount(event.output_tokens)}`,
      cache,
      cost,
      ...(labels === '' ? [] : [labels]),
    ].join('  ') + status
  );
}

/** `budget warning: daily 92.0% ($9.20 of $10.00)` — the budgets that are not ok after a status change. */
export function formatBudgetLine(status: BudgetStatus, c: Colors): string {
  const paint = status.status === 'exceeded' ? c.red : status.status === 'warning' ? c.yellow : c.green;
  const notOk = status.budgets.filter((budget) => budget.status !== 'ok');
  const details = notOk.map(
    (b) => `${b.id} ${formatPercent(b.utilization)} (${formatUsd(b.spent_usd)} of ${formatUsd(b.limit_usd)})`,
  );
  return `${paint(`budget ${status.status}`)}${details.length === 0 ? '' : `: ${details.join(', ')}`}`;
}
