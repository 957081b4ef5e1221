import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import { budgetStatusMeta, connectionMeta, type ConnectionState } from '../db/meta';
import { mirrorEvents } from '../db/mirror-events';
import { testMirror } from '../db/test-mirror';
import { fakeBudgetEntry, fakeBudgetStatus } from './budget-fixtures';
import { createBadgeUpdater } from './badge-updater';

const NOW = Date.parse('2025-03-01T15:00:00Z');
const online: ConnectionState = {
  state: 'online',
  daemon_url: 'http://127.0.0.1:4747',
  since: NOW,
  message: null,
  settings_error: null,
};

async function badgeFor(spent: number, connection: ConnectionState = online) {
  const db = testMirror();
  await mirrorEvents(db, [
    fakeStoredEvent({ seq: 1, ts: '2025-03-01T09:00:00Z', cost_usd: 1.25 }),
    fakeStoredEvent({ seq: 2, ts: '2025-02-28T09:00:00Z', cost_usd: 50 }),
  ]);
  await budgetStatusMeta.write(db, { status: fakeBudgetStatus(fakeBudgetEntry(spent)), received_at: NOW });
  await connectionMeta.write(db, connection);
  const badge = createBadgeUpdater({ action: fakeBrowser.action, db, now: () => NOW, timeZone: () => 'UTC' });
  await badge.refresh();
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    color: await fakeBrowser.action.getBadgeBackgroundColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

describe('badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("shows today's spend on green while every budget is fine", async () => {
    expect(await badgeFor(2)).toEqual({
      text: '$1.3',
      color: [22, 163, 74, 255],
      title: 'Tokentally — $1.25 today',
    });
  });

  it('turns amber once a budget reaches its warning level', async () => {
    expect(await badgeFor(9.5)).toEqual({
      text: '$1.3',
      color: [245, 158, 11, 255],
      title: 'Tokentally — $1.25 today\nBudget "Daily": 95% used (warning)',
    });
  });

  it('turns red once a budget is exceeded', async () => {
    expect(await badgeFor(12)).toEqual({
      text: '$1.3',
      color: [220, 38, 38, 255],
      title: 'Tokentally — $1.25 today\nBudget "Daily": 120% used (exceeded)',
    });
  });

  it('keeps the last known text and colour when the daemon is offline, and says so in the tooltip', async () => {
    expect(await badgeFor(12, { ...online, state: 'offline' })).toEqual({
      text: '$1.3',
      color: [220, 38, 38, 255],
      title:
        'Tokentally — daemon offline (http://127.0.0.1:4747)\n$1.25 today\nBudget "Daily": 120% used (exceeded)',
    });
  });
});
