import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { envFor, NO_DAEMON_ENV, runTokentally, seedEvent } from './test-io';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
  await daemon.json('/v1/events', {
    body: [
      seedEvent({ agent: 'main', project: 'web' }),
      seedEvent({
        model: 'claude-sonnet-4-5',
        input_tokens: 10_000,
        output_tokens: 500,
        agent: 'main/researcher',
      }),
      seedEvent({ model: 'mystery-1', input_tokens: 5, output_tokens: 0, ts: '2025-06-14T23:30:00Z' }),
      seedEvent({ ts: '2025-05-01T08:00:00Z', project: 'web' }),
    ],
  });
});
afterAll(async () => {
  await daemon.close();
});

describe('tokentally report', () => {
  it('prints spend by model for all time, marking unpriced requests', async () => {
    expect(await runTokentally(['report', '--tz', 'UTC'], { env: envFor(daemon) })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Usage by model, all time (UTC)',
        '',
        'model              requests  tokens       cost   share',
        '─────────────────  ────────  ──────  ─────────  ──────',
        'claude-sonnet-4-5         1  10,500   $0.0375    75.8%',
        'gpt-4o                    2   3,000    $0.012    24.2%',
        'mystery-1                 1       5  unpriced*    0.0%',
        '─────────────────  ────────  ──────  ─────────  ──────',
        'total                     4  13,505   $0.0495*  100.0%',
        '* cost excludes 1 unpriced request (unknown model price)',
        '',
      ].join('\n'),
    });
  });

  it('groups by agent over the last 7 days, a parent including its sub-agents', async () => {
    const result = await runTokentally(['report', '--by', 'agent', '--since', '7d', '--tz', 'UTC'], {
      env: envFor(daemon),
    });
    expect(result.stdout).toBe(
      [
        'Usage by agent, last 7d (UTC)',
        '',
        'agent   requests  tokens       cost   share',
        '──────  ────────  ──────  ─────────  ──────',
        'main           2  12,000   $0.0435   100.0%',
        '(none)         1       5  unpriced*    0.0%',
        '──────  ────────  ──────  ─────────  ──────',
        'total          3  12,005   $0.0435*  100.0%',
        '* cost excludes 1 unpriced request (unknown model price)',
        '',
      ].join('\n'),
    );
  });

  it('buckets by day in the given time zone (23:30 UTC is the next day in Paris)', async () => {
    const result = await runTokentally(
      ['report', '--by', 'day', '--from', '2025-06-01', '--tz', 'Europe/Paris'],
      {
        env: envFor(daemon),
      },
    );
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      'Usage by day, 2025-06-01 → now (Europe/Paris)',
      '',
      'day         requests  tokens      cost   share',
      '──────────  ────────  ──────  ────────  ──────',
      '2025-06-15         3  12,005  $0.0435*  100.0%',
      '──────────  ────────  ──────  ────────  ──────',
    ]);
  });

  it('applies filters', async () => {
    const result = await runTokentally(['report', '--project', 'web', '--json'], { env: envFor(daemon) });
    expect(JSON.parse(result.stdout)).toMatchObject({
      totals: { requests: 2, cost_usd: 0.012 },
      groups: [{ key: 'gpt-4o', requests: 2 }],
    });
  });

  it("prints the daemon's summary with --json", async () => {
    const result = await runTokentally(['report', '--by', 'provider', '--json'], { env: envFor(daemon) });
    expect(JSON.parse(result.stdout)).toMatchObject({
      totals: { requests: 4, unpriced_requests: 1, total_tokens: 13_505 },
      groups: [{ key: 'anthropic' }, { key: 'openai' }, { key: 'unknown' }],
    });
  });

  it('says so when nothing is in range', async () => {
    const result = await runTokentally(['report', '--from', '2030-01-01', '--tz', 'UTC'], {
      env: envFor(daemon),
    });
    expect(result.stdout).toBe('Usage by model, 2030-01-01 → now (UTC)\n\nNo requests in this range.\n');
  });

  it('refuses an unknown dimension with exit 64', async () => {
    expect(await runTokentally(['report', '--by', 'color'], { env: envFor(daemon) })).toEqual({
      code: 64,
      stdout: '',
      stderr:
        "tokentally report: --by expects one of model, provider, agent, project, session_id, source, tool, hour, day, week, month; got 'color'\nRun 'tokentally report --help' for usage.\n",
    });
  });

  it('refuses --since with --from', async () => {
    const result = await runTokentally(['report', '--since', '7d', '--from', '2025-06-01'], {
      env: envFor(daemon),
    });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      64,
      'tokentally report: use either --since or --from, not both',
    ]);
  });

  it("passes on the daemon's refusal of a bad time zone", async () => {
    const result = await runTokentally(['report', '--tz', 'Mars/Olympus'], { env: envFor(daemon) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tokentally: the daemon refused the request \(400 /);
  });

  it('exits 1 when the daemon is not running', async () => {
    const result = await runTokentally(['report'], { env: NO_DAEMON_ENV });
    expect(result.code).toBe(1);
  });
});
