import type { Budget } from '../api/budget';
import { nanosToUsd, usdToNanos } from '../aggregate/aggregate';
import { eventTimeMs } from '../aggregate/event-time';
import { inPeriod, type PeriodBounds } from './period';
import { matchesScope, type ScopedEvent } from './scope';

/** An event as budget spend reads it. */
export type SpendEvent = ScopedEvent & { ts: number | string; cost_usd: number | null };

/** What the events in a budget's scope and period cost, in USD (unpriced events count nothing). */
export function budgetSpentUsd(
  budget: Pick<Budget, 'scope'>,
  bounds: PeriodBounds,
  events: Iterable<SpendEvent>,
): number {
  let nanos = 0;
  for (const event of events) {
    if (event.cost_usd === null || !matchesScope(budget.scope, event)) continue;
    if (inPeriod(bounds, eventTimeMs(event))) nanos += usdToNanos(event.cost_usd);
  }
  return nanosToUsd(nanos);
}
