import { describe, expect, it } from 'vitest';
import type { SummaryGroup, SummaryMetrics } from '../api/summary';
import { emptyAggregate } from '../aggregate/aggregate';
import { finalizeMetrics } from '../aggregate/metrics';
import { formatGroupKey, renderSummaryTable } from './summary-table';

// Zero metrics (as finalizeMetrics gives for no events) with the figures a test sets.
function metrics(overrides: Partial<SummaryMetrics>): SummaryMetrics {
  return { ...finalizeMetrics(emptyAggregate()), ...overrides };
}

const group = (key: string, share_of_cost: number, overrides: Partial<SummaryMetrics>): SummaryGroup => ({
  key,
  share_of_cost,
  ...metrics(overrides),
});

describe('renderSummaryTable', () => {
  it('lists each group with requests, tokens, cost and share, then the totals', () => {
    const summary = {
      totals: metrics({ requests: 1291, total_tokens: 4_567_890, cost_usd: 12.5123 }),
      groups: [
        group('claude-sonnet-4-5', 0.999, { requests: 1204, total_tokens: 4_500_000, cost_usd: 12.5 }),
        group('gpt-4o-mini', 0.001, { requests: 87, total_tokens: 67_890, cost_usd: 0.0123 }),
      ],
    };
    expect(renderSummaryTable(summary, { groupBy: 'model' })).toBe(
      [
        'model              requests     tokens     cost   share',
        '─────────────────  ────────  ─────────  ───────  ──────',
        'claude-sonnet-4-5     1,204  4,500,000   $12.50   99.9%',
        'gpt-4o-mini              87     67,890  $0.0123    0.1%',
        '─────────────────  ────────  ─────────  ───────  ──────',
        'total                 1,291  4,567,890   $12.51  100.0%',
      ].join('\n'),
    );
  });

  it('marks costs that exclude unpriced requests and says how many', () => {
    const summary = {
      totals: metrics({ requests: 5, total_tokens: 5000, cost_usd: 0.75, unpriced_requests: 3 }),
      groups: [
        group('claude-haiku-4-5', 1, { requests: 2, total_tokens: 2000, cost_usd: 0.75 }),
        group('my-local-model', 0, { requests: 3, total_tokens: 3000, unpriced_requests: 3 }),
      ],
    };
    expect(renderSummaryTable(summary, { groupBy: 'model' })).toBe(
      [
        'model             requests  tokens       cost   share',
        '────────────────  ────────  ──────  ─────────  ──────',
        'claude-haiku-4-5         2   2,000     $0.75   100.0%',
        'my-local-model           3   3,000  unpriced*    0.0%',
        '────────────────  ────────  ──────  ─────────  ──────',
        'total                    5   5,000     $0.75*  100.0%',
        '* cost excludes 3 unpriced requests (unknown model price)',
      ].join('\n'),
    );
  });

  it('shows shares as dashes when nothing was spent', () => {
    const summary = {
      totals: metrics({ requests: 1, total_tokens: 10, unpriced_requests: 1 }),
      groups: [group('2025-03-01T00:00:00.000Z', 0, { requests: 1, total_tokens: 10, unpriced_requests: 1 })],
    };
    expect(renderSummaryTable(summary, { groupBy: 'day' })).toBe(
      [
        'day         requests  tokens       cost  share',
        '──────────  ────────  ──────  ─────────  ─────',
        '2025-03-01         1      10  unpriced*      -',
        '──────────  ────────  ──────  ─────────  ─────',
        'total              1      10  unpriced*      -',
        '* cost excludes 1 unpriced request (unknown model price)',
      ].join('\n'),
    );
  });

  it('cuts long keys to fit the terminal width', () => {
    const summary = {
      totals: metrics({ requests: 1, total_tokens: 10, cost_usd: 1 }),
      groups: [group('main/researcher/summarizer/critic', 1, { requests: 1, total_tokens: 10, cost_usd: 1 })],
    };
    expect(renderSummaryTable(summary, { groupBy: 'agent', width: 50 }).split('\n')[2]).toBe(
      'main/researcher/…         1      10  $1.00  100.0%',
    );
  });

  it('says so when there were no requests', () => {
    expect(renderSummaryTable({ totals: metrics({}), groups: [] })).toBe('No requests in this range.');
  });
});

describe('formatGroupKey', () => {
  it('shortens time buckets to their period and names a missing label', () => {
    expect([
      formatGroupKey('2025-03-01T13:00:00.000Z', 'hour'),
      formatGroupKey('2025-03-01T00:00:00+01:00', 'day'),
      formatGroupKey('2025-03-01T00:00:00.000Z', 'month'),
      formatGroupKey('', 'project'),
      formatGroupKey('main/researcher', 'agent'),
    ]).toEqual(['2025-03-01 13:00', '2025-03-01', '2025-03', '(none)', 'main/researcher']);
  });
});
