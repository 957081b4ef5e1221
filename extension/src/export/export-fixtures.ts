import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';

const MINUTE = 60_000;
const START = Date.parse('2025-03-01T00:00:00.000Z');

/**
 * Stored events for export tests: seq order differs from time order (every third event is late, stamped an hour
 * earlier), labels and costs vary, one is unpriced, and some text needs CSV quoting.
 */
export function exportTestEvents(count: number): StoredEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const late = index % 3 === 2;
    return fakeStoredEvent({
      seq: index + 1,
      id: `evt-${String(index + 1)}`,
      ts: new Date(START + index * 23 * MINUTE - (late ? 60 * MINUTE : 0)).toISOString(),
      model: index % 2 === 0 ? 'gpt-4o' : 'claude-sonnet-4-5',
      provider: index % 2 === 0 ? 'openai' : 'anthropic',
      agent: index % 4 === 0 ? 'main/researcher' : null,
      project: index % 5 === 0 ? 'say "hi", =1+1' : 'alpha',
      cost_usd: index === 7 ? null : 0.001 * (index % 9),
      cost_source: index === 7 ? 'unpriced' : 'computed',
      tags: index % 6 === 0 ? { team: 'a,b' } : {},
    });
  });
}
