import { describe, expect, it } from 'vitest';
import { toCsv } from '@tokentally/shared/export/csv';
import { toJsonExport } from '@tokentally/shared/export/json-export';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { createExportModel } from './popup-export';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';

const events = popupTestEvents(10);

async function exporter() {
  const db = testMirror();
  await mirrorEvents(db, events);
  const saved: { name: string; blob: Blob }[] = [];
  const model = createExportModel({
    db,
    now: () => POPUP_NOW,
    timeZone: () => 'UTC',
    download: (name, blob) => saved.push({ name, blob }),
  });
  return { model, saved };
}

const onDays = (first: string, last: string) =>
  events.filter((event) => event.ts >= `${first}T00:00:00` && event.ts < `${last}T99`);

describe('exporting from the popup', () => {
  it('offers the last 30 days as CSV', async () => {
    expect((await exporter()).model.store.get()).toEqual({
      format: 'csv',
      from: '2025-02-09',
      to: '2025-03-10',
      status: { state: 'idle' },
    });
  });

  it('saves the chosen days as the daemon’s CSV and says how many events it holds', async () => {
    const { model, saved } = await exporter();
    model.edit('from', '2025-03-05');
    model.edit('to', '2025-03-06');
    await model.run();
    expect(saved.map((file) => file.name)).toEqual(['tokentally-2025-03-10.csv']);
    expect(await saved[0]?.blob.text()).toBe(toCsv(onDays('2025-03-05', '2025-03-06')));
    expect(model.store.get().status).toEqual({
      state: 'done',
      file: 'tokentally-2025-03-10.csv',
      events: 30,
    });
  });

  it('saves JSON when it is picked', async () => {
    const { model, saved } = await exporter();
    model.edit('format', 'json');
    model.edit('from', '2025-03-05');
    model.edit('to', '2025-03-06');
    await model.run();
    expect(await saved[0]?.blob.text()).toBe(
      toJsonExport(onDays('2025-03-05', '2025-03-06'), '2025-03-10T15:00:00.000Z'),
    );
  });

  it('refuses days in the wrong order without saving anything', async () => {
    const { model, saved } = await exporter();
    model.edit('from', '2025-03-06');
    model.edit('to', '2025-03-05');
    await model.run();
    expect([saved.length, model.store.get().status]).toEqual([
      0,
      { state: 'error', message: 'The first day comes after the last one.' },
    ]);
  });
});
