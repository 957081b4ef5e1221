import { writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { IngestEvents } from '../log-types';
import { codexMetaLine, codexTokenCountLine, codexTurnContextLine } from '../testing/log-fixtures';
import { memoryIngest } from '../testing/memory-ingest';
import {
  CLAUDE_SESSION as SESSION,
  claudeReply as reply,
  watch,
  watchersStoppedAfterEach,
  watchFixture,
} from '../testing/watch-fixture';

const started = watchersStoppedAfterEach();
const pause = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startLogWatcher across restarts', () => {
  it('resumes from its saved offsets and catches up on what was written while it was stopped', async () => {
    const fixture = await watchFixture();
    const store = memoryIngest();
    const first = await watch(fixture, { store });
    await fixture.append(SESSION, reply('a'));
    await vi.waitFor(() => {
      expect(store.events).toHaveLength(1);
    });
    await first.stop();
    await fixture.append(SESSION, reply('b'));
    await started(fixture, { store });
    await vi.waitFor(() => {
      expect(store.events.map((e) => e.request_id)).toEqual(['req_a', 'req_b']);
    });
    expect(store.offered).toBe(2);
  });

  it('sends a response that was still being written when it stopped, complete, after the restart', async () => {
    const fixture = await watchFixture();
    const store = memoryIngest();
    const first = await watch(fixture, { store, settleMs: 60_000 });
    await fixture.append(SESSION, reply('a', 1));
    await pause(300);
    await first.stop();
    await fixture.append(SESSION, reply('a', 50));
    await started(fixture, { store });
    await vi.waitFor(() => {
      expect(store.events.map((e) => [e.request_id, e.output_tokens])).toEqual([['req_a', 50]]);
    });
    expect(store.offered).toBe(1);
  });

  it('keeps the lines it could not store and stores them once the store works again', async () => {
    const fixture = await watchFixture();
    const store = memoryIngest();
    let failures = 2;
    const flaky: IngestEvents = async (events) => {
      if (failures > 0) {
        failures--;
        throw new Error('database is locked');
      }
      return store.ingest(events);
    };
    const warnings: string[] = [];
    await started(fixture, {
      ingest: flaky,
      logger: { info: () => undefined, warn: (m) => warnings.push(m) },
    });
    await fixture.append(SESSION, reply('a') + reply('b'));
    await vi.waitFor(() => {
      expect(store.events.map((e) => e.request_id)).toEqual(['req_a', 'req_b']);
    });
    expect(warnings).toEqual([
      'log watcher: could not store 1 event: database is locked',
      'log watcher: could not store 1 event: database is locked',
    ]);
  });

  it('reads every log again when its state file is unreadable, without counting anything twice', async () => {
    const fixture = await watchFixture();
    const store = memoryIngest();
    const first = await watch(fixture, { store });
    await fixture.append(SESSION, reply('a'));
    await vi.waitFor(() => {
      expect(store.events).toHaveLength(1);
    });
    await first.stop();
    await writeFile(fixture.statePath, '{"version":1,"files":');
    const warnings: string[] = [];
    await started(fixture, { store, logger: { info: () => undefined, warn: (m) => warnings.push(m) } });
    await fixture.append(SESSION, reply('b'));
    await vi.waitFor(() => {
      expect(store.events.map((e) => e.request_id)).toEqual(['req_a', 'req_b']);
    });
    expect(warnings).toEqual([`log watcher: ${fixture.statePath} is unreadable; reading every log again`]);
  });

  it("continues a Codex session's running total after a restart", async () => {
    const fixture = await watchFixture();
    const store = memoryIngest();
    const rollout = 'codex/sessions/2025/09/11/rollout-x.jsonl';
    const first = await watch(fixture, { store });
    await fixture.append(
      rollout,
      [codexMetaLine({ id: 'sid-2' }), codexTurnContextLine('gpt-5')].map((l) => `${l}\n`).join(''),
    );
    await fixture.append(rollout, `${codexTokenCountLine({ input_tokens: 100, output_tokens: 10 })}\n`);
    await vi.waitFor(() => {
      expect(store.events).toHaveLength(1);
    });
    await first.stop();
    await fixture.append(rollout, `${codexTokenCountLine({ input_tokens: 130, output_tokens: 12 })}\n`);
    await started(fixture, { store });
    await vi.waitFor(() => {
      expect(store.events.map((e) => [e.id, e.input_tokens, e.output_tokens])).toEqual([
        ['cx:sid-2:110', 100, 10],
        ['cx:sid-2:142', 30, 2],
      ]);
    });
  });
});
