import { describe, expect, it } from 'vitest';
import { summarize } from '@tokentally/shared/aggregate/summary';
import { budgetStatusMeta, connectionMeta } from '../db/meta';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { parseSettings } from '../settings/settings-schema';
import { createPopupDataModel } from './popup-data';
import { KEPT_DAYS } from './popup-day-compaction';
import { POPUP_NOW, popupTestEvents } from './popup-fixtures';
import { testPopupCache } from './popup-test-cache';

const events = popupTestEvents(10);
const budget = {
  id: 'daily',
  name: 'Daily',
  period: 'day' as const,
  spent_usd: 0.95,
  limit_usd: 1,
  utilization: 0.95,
  status: 'warning' as const,
  period_start: '2025-03-10T00:00:00Z',
  period_end: '2025-03-11T00:00:00Z',
  projected_usd: 1.52,
};

async function loadedModel() {
  const db = testMirror();
  await mirrorEvents(db, events.slice(0, 100));
  await budgetStatusMeta.write(db, {
    status: { status: 'warning', budgets: [budget] },
    received_at: POPUP_NOW,
  });
  await connectionMeta.write(db, {
    state: 'online',
    daemon_url: 'http://127.0.0.1:4747',
    since: 1,
    message: null,
    settings_error: null,
  });
  const model = createPopupDataModel({
    db,
    cache: testPopupCache(),
    loadSettings: () => Promise.resolve(parseSettings({ token: 't', precision: 3 })),
    now: () => POPUP_NOW,
    timeZone: () => 'UTC',
  });
  await model.load();
  return { db, model };
}

describe('the popup’s data', () => {
  it('reads totals, budgets, connection and precision from the mirror', async () => {
    const { model } = await loadedModel();
    const state = model.store.get();
    expect(state).toMatchObject({
      phase: 'ready',
      error: null,
      precision: 3,
      connection: { level: 'online' },
    });
    expect(state.overview?.totals.find((period) => period.period === 'all')?.metrics).toEqual(
      summarize(events.slice(0, 100), { tz: 'UTC' }).totals,
    );
    expect(state.budgets).toEqual({ entries: [budget], received_at: POPUP_NOW });
  });

  it('breaks the last 30 days down by model until another tab or period is picked', async () => {
    const { model } = await loadedModel();
    expect(model.store.get().breakdown).toMatchObject({ dimension: 'model', period: '30d' });
    model.selectDimension('agent');
    model.selectPeriod('all');
    expect(model.store.get().breakdown?.rows.map((row) => row.key)).toEqual(['main', 'reviewer', '(none)']);
  });

  it('keeps older days summed in one bucket in its cache, all-time totals still exact', async () => {
    const long = popupTestEvents(90);
    const db = testMirror();
    const cache = testPopupCache();
    await mirrorEvents(db, long);
    const model = createPopupDataModel({
      db,
      cache,
      loadSettings: () => Promise.resolve(parseSettings({ token: 't' })),
      now: () => POPUP_NOW,
      timeZone: () => 'UTC',
    });
    await model.load();
    const saved = await cache.day_tables.get('UTC');
    expect(saved?.days.size).toBe(KEPT_DAYS + 1);
    expect(model.store.get().overview?.totals.find((period) => period.period === 'all')?.metrics).toEqual(
      summarize(long, { tz: 'UTC' }).totals,
    );
  });

  it('shows events the worker mirrored since, at the next refresh', async () => {
    const { db, model } = await loadedModel();
    await mirrorEvents(db, events.slice(100));
    await model.refresh();
    expect(
      model.store.get().overview?.totals.find((period) => period.period === 'all')?.metrics.requests,
    ).toBe(events.length);
  });

  it('shows money with the precision of newly saved settings', async () => {
    const { model } = await loadedModel();
    await model.settingsChanged(parseSettings({ token: 't', precision: 5 }));
    expect(model.store.get().precision).toBe(5);
  });
});
