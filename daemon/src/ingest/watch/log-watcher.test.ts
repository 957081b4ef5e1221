import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  claudeUserLine,
  codexMetaLine,
  codexTokenCountLine,
  codexTurnContextLine,
} from '../testing/log-fixtures';
import {
  CLAUDE_SESSION as SESSION,
  claudeReply as reply,
  type RunningWatcher,
  watchersStoppedAfterEach,
  watchFixture,
} from '../testing/watch-fixture';

const started = watchersStoppedAfterEach();
const outputs = (watcher: RunningWatcher) => watcher.store.events.map((e) => [e.request_id, e.output_tokens]);

describe('startLogWatcher', () => {
  it('ingests a usage line appended to a live log within a second', async () => {
    const fixture = await watchFixture();
    await fixture.append(SESSION, reply('old'));
    const watcher = await started(fixture, { settleMs: 400, pollMs: 1000 });
    await fixture.append(SESSION, reply('new'));
    await vi.waitFor(
      () => {
        expect(outputs(watcher)).toEqual([['req_new', 5]]);
      },
      { timeout: 1000, interval: 10 },
    );
  });

  it('follows files from their current end on its first run, and new files from their start', async () => {
    const fixture = await watchFixture();
    await fixture.append(SESSION, reply('before'));
    const watcher = await started(fixture);
    await fixture.append(SESSION, reply('after'));
    await fixture.append('claude/projects/-home-dev-api/s2.jsonl', reply('new-file'));
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual(
        expect.arrayContaining([
          ['req_after', 5],
          ['req_new-file', 5],
        ]),
      );
    });
    expect(watcher.store.events).toHaveLength(2);
  });

  it('sends a streamed response once, with its final usage, when the next one starts or the file goes quiet', async () => {
    const fixture = await watchFixture();
    const watcher = await started(fixture);
    await fixture.append(SESSION, reply('a', 1) + claudeUserLine('tool output') + reply('a', 30));
    await fixture.append(SESSION, reply('a', 80));
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([['req_a', 80]]);
    });
    await fixture.append(SESSION, reply('b', 2) + reply('b', 9));
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([
        ['req_a', 80],
        ['req_b', 9],
      ]);
    });
  });

  it('waits for a partial last line to be completed', async () => {
    const fixture = await watchFixture();
    const watcher = await started(fixture);
    const line = reply('half');
    await fixture.append(SESSION, line.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(watcher.store.offered).toBe(0);
    await fixture.append(SESSION, line.slice(100));
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([['req_half', 5]]);
    });
  });

  it('reads a replaced or truncated file again from the start, without counting anything twice', async () => {
    const fixture = await watchFixture();
    const watcher = await started(fixture);
    await fixture.append(SESSION, reply('a') + reply('b'));
    await vi.waitFor(() => {
      expect(watcher.store.events).toHaveLength(2);
    });
    await fixture.write('claude/replacement.tmp', reply('a') + reply('b') + reply('c'));
    await rename(
      join(fixture.projects, '..', 'replacement.tmp'),
      join(fixture.projects, '-home-dev-webapp', 's1.jsonl'),
    );
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([
        ['req_a', 5],
        ['req_b', 5],
        ['req_c', 5],
      ]);
    });
    await fixture.write(SESSION, reply('d'));
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([
        ['req_a', 5],
        ['req_b', 5],
        ['req_c', 5],
        ['req_d', 5],
      ]);
    });
  });

  it('skips garbled lines in a live log and keeps reading', async () => {
    const fixture = await watchFixture();
    const watcher = await started(fixture);
    await fixture.append(SESSION, `${reply('a')}{"type":"assistant","usage":\u0000garbage\n${reply('b')}`);
    await vi.waitFor(() => {
      expect(outputs(watcher)).toEqual([
        ['req_a', 5],
        ['req_b', 5],
      ]);
    });
  });

  it('finds logs in directories created after it started', async () => {
    const fixture = await watchFixture();
    const watcher = await started(fixture);
    await fixture.append('claude/projects/-home-dev-new/s9/subagents/agent-x1.jsonl', reply('sub'));
    await vi.waitFor(() => {
      expect(watcher.store.events.map((e) => [e.request_id, e.agent])).toEqual([
        ['req_sub', 'claude-code/x1'],
      ]);
    });
  });

  it('turns a live Codex rollout into per-turn deltas, using what was there before it started', async () => {
    const fixture = await watchFixture();
    const rollout =
      'codex/sessions/2025/09/11/rollout-2025-09-11T18-25-00-0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.jsonl';
    const lines = [
      codexMetaLine({ id: 'sid-1' }),
      codexTurnContextLine('gpt-5-codex'),
      codexTokenCountLine({ input_tokens: 100, output_tokens: 10 }),
    ];
    await fixture.append(rollout, lines.map((line) => `${line}\n`).join(''));
    const watcher = await started(fixture);
    await fixture.append(rollout, `${codexTokenCountLine({ input_tokens: 100, output_tokens: 10 })}\n`);
    await fixture.append(
      rollout,
      `${codexTokenCountLine({ input_tokens: 160, cached_input_tokens: 20, output_tokens: 15 })}\n`,
    );
    await vi.waitFor(() => {
      expect(
        watcher.store.events.map((e) => [
          e.id,
          e.model,
          e.input_tokens,
          e.cache_read_input_tokens,
          e.output_tokens,
        ]),
      ).toEqual([['cx:sid-1:175', 'gpt-5-codex', 40, 20, 5]]);
    });
  });
});
