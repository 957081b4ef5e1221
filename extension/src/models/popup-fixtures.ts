import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';

const MINUTE = 60_000;

/** The instant popup tests call "now": 2025-03-10 15:00 UTC. */
export const POPUP_NOW = Date.parse('2025-03-10T15:00:00.000Z');

/**
 * Stored events for popup tests: one every 97 minutes for `days` days up to `POPUP_NOW`, cycling through models,
 * nested agents and projects, one unpriced; seqs from `firstSeq`, ids prefixed with `idPrefix`.
 */
export function popupTestEvents(days: number, firstSeq = 1, idPrefix = 'evt'): StoredEvent[] {
  const count = Math.floor((days * 24 * 60) / 97);
  return Array.from({ length: count }, (_, index) => {
    const seq = firstSeq + index;
    return fakeStoredEvent({
      seq,
      id: `${idPrefix}-${String(seq)}`,
      ts: new Date(POPUP_NOW - (count - index) * 97 * MINUTE).toISOString(),
      model: ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-pro'][index % 3] ?? 'gpt-4o',
      provider: ['openai', 'anthropic', 'google'][index % 3] ?? 'openai',
      agent: ['main', 'main/researcher', 'reviewer', null][index % 4] ?? null,
      project: ['alpha', 'beta', null][index % 3] ?? null,
      cost_usd: index % 10 === 9 ? null : 0.01 * ((index % 7) + 1),
      cost_source: index % 10 === 9 ? 'unpriced' : 'computed',
      input_tokens: 100 * ((index % 5) + 1),
      total_tokens: 100 * ((index % 5) + 1) + 300,
    });
  });
}
