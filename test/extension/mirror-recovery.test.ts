import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';
import { readMirror } from '../support/mirror-reader';
import { openPopup } from '../support/extension-pages';
import { type Scenario, startScenario } from '../support/scenario';
import { daemonSeqs, spreadEvents } from '../support/usage-events';
import { waitFor } from '../support/wait-for';

const BATCHES = 60;
const BATCH_SIZE = 25;
const KILL_AFTER_BATCH = 20;

let scenario: Scenario;

beforeAll(async () => {
  scenario = await startScenario();
});

afterAll(async () => {
  await scenario.close();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let refusedPosts = 0;

// Posts a batch until the daemon takes it: a batch lost to the kill is sent again, and its ids make that safe.
async function deliver(batch: readonly UsageEventWire[]): Promise<void> {
  for (;;) {
    const answer = await scenario.daemon.client.postEvents({ events: batch });
    if (answer.ok) return;
    refusedPosts += 1;
    await sleep(100);
  }
}

describe('the mirror after the daemon is killed mid-stream', () => {
  it('converges to exactly the daemon’s events, nothing missing or doubled', async () => {
    const events = spreadEvents(BATCHES * BATCH_SIZE, {
      newest: Date.now(),
      spanMs: 3 * 86_400_000,
      idPrefix: 'crash',
    });
    const sending = (async () => {
      for (let batch = 0; batch < BATCHES; batch += 1) {
        await deliver(events.slice(batch * BATCH_SIZE, (batch + 1) * BATCH_SIZE));
        await sleep(20);
      }
    })();
    await waitFor(
      () => readMirror(scenario.options),
      (mirror) => (mirror.lastSeq ?? 0) >= (KILL_AFTER_BATCH * BATCH_SIZE) / 2,
      {
        what: 'the stream to be under way',
      },
    );
    await scenario.daemon.kill('SIGKILL');
    await sleep(500);
    await scenario.daemon.restart();
    await sending;

    const expected = await daemonSeqs(scenario.daemon.client);
    const mirror = await waitFor(
      () => readMirror(scenario.options),
      (contents) => contents.lastSeq === expected.at(-1),
      { timeoutMs: 30_000, what: 'the mirror to catch up' },
    );
    expect(refusedPosts).toBeGreaterThan(0);
    expect(expected.length).toBe(BATCHES * BATCH_SIZE);
    expect(mirror.seqs).toEqual(expected);
  });

  it('keeps rollups that add up to the daemon’s totals', async () => {
    const popup = await openPopup(scenario.browser);
    const summary = await scenario.daemon.client.summary();
    const shown = async (metric: string) =>
      Number(await popup.locator(`[data-period="all"][data-metric="${metric}"]`).getAttribute('data-value'));
    expect({
      requests: await shown('requests'),
      total_tokens: await shown('total_tokens'),
      cost_usd: await shown('cost_usd'),
    }).toEqual({
      requests: summary.ok ? summary.value.totals.requests : -1,
      total_tokens: summary.ok ? summary.value.totals.total_tokens : -1,
      cost_usd: summary.ok ? summary.value.totals.cost_usd : -1,
    });
  });
});
