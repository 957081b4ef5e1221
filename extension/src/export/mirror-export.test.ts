import { describe, expect, it } from 'vitest';
import { toCsv } from '@tokentally/shared/export/csv';
import { toJsonExport } from '@tokentally/shared/export/json-export';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { exportTestEvents } from './export-fixtures';
import { exportFromMirror } from './mirror-export';

const events = exportTestEvents(50);
const GENERATED_AT = '2025-03-02T10:00:00.000Z';
const from = Date.parse('2025-03-01T03:30:00.000Z');
const to = Date.parse('2025-03-01T12:00:00.000Z');
const inRange = events.filter((event) => Date.parse(event.ts) >= from && Date.parse(event.ts) < to);

async function exported(format: 'csv' | 'json', range: { from?: number; to?: number }) {
  const db = testMirror();
  await mirrorEvents(db, events);
  const result = await exportFromMirror(db, format, range, GENERATED_AT);
  return { text: result.parts.join(''), events: result.events };
}

describe('exportFromMirror', () => {
  it('writes a range as the daemon’s CSV: shared’s columns, events in seq order', async () => {
    expect(await exported('csv', { from, to })).toEqual({ text: toCsv(inRange), events: 22 });
  });

  it('writes a range as the daemon’s JSON, statistics first', async () => {
    expect(await exported('json', { from, to })).toEqual({
      text: toJsonExport(inRange, GENERATED_AT),
      events: 22,
    });
  });

  it('writes everything when the range is open', async () => {
    expect((await exported('csv', {})).text).toBe(toCsv(events));
  });

  it('writes an empty export for a range without events', async () => {
    expect((await exported('json', { from: 0, to: 1 })).text).toBe(toJsonExport([], GENERATED_AT));
  });
});
