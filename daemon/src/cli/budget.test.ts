import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { envFor, NO_DAEMON_ENV, runTokentally } from './test-io';

let daemon: TestDaemon;
beforeEach(async () => {
  daemon = await startTestDaemon();
});
afterEach(async () => {
  await daemon.close();
});

const run = (argv: string[]) => runTokentally(argv, { env: envFor(daemon) });
// $0.006 now: 1,200 input and 300 output tokens of gpt-4o at $2.50 and $10 per million.
const spend = () =>
  daemon.json('/v1/events', { body: { model: 'gpt-4o', input_tokens: 1200, output_tokens: 300 } });

describe('tokentally budget set', () => {
  it('stores a budget and describes it', async () => {
    expect(
      await run(['budget', 'set', 'daily', '--limit', '10', '--period', 'day', '--warn-at', '0.8']),
    ).toEqual({
      code: 0,
      stdout: "budget 'daily' set: $10.00 per day, warn at 80.0%, scope: everything\n",
      stderr: '',
    });
    expect((await daemon.json('/v1/budgets')).body).toEqual({
      budgets: [{ id: 'daily', name: 'daily', period: 'day', limit_usd: 10, warn_at: 0.8, scope: {} }],
    });
  });

  it('scopes a budget with --project, --agent, --model and --provider', async () => {
    const argv = ['budget', 'set', 'web', '--limit', '100', '--period', 'month', '--name', 'Website'];
    const scope = ['--project', 'web', '--agent', 'main', '--model', 'gpt-4o', '--provider', 'openai'];
    expect((await run([...argv, ...scope])).stdout).toBe(
      "budget 'web' set: $100.00 per month, warn at 90.0%, scope: project=web agent=main model=gpt-4o provider=openai\n",
    );
  });

  it('prints the stored budget with --json', async () => {
    const result = await run(['budget', 'set', 'all', '--limit', '5', '--period', 'total', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({
      id: 'all',
      name: 'all',
      period: 'total',
      limit_usd: 5,
      warn_at: 0.9,
      scope: {},
    });
  });

  it('refuses a bad period, limit, warning threshold or id with exit 64', async () => {
    const results = await Promise.all([
      run(['budget', 'set', 'x', '--limit', '5', '--period', 'year']),
      run(['budget', 'set', 'x', '--limit', '-5', '--period', 'day']),
      run(['budget', 'set', 'x', '--limit', '5', '--period', 'day', '--warn-at', '1.5']),
      run(['budget', 'set', 'x y', '--limit', '5', '--period', 'day']),
      run(['budget', 'set', 'x', '--period', 'day']),
    ]);
    expect(results.map((result) => [result.code, result.stderr.split('\n')[0]])).toEqual([
      [64, "tokentally budget set: --period expects day, week, month or total; got 'year'"],
      [64, "tokentally budget set: option '--limit' argument is ambiguous."],
      [64, "tokentally budget set: --warn-at expects a share from 0 to 1; got '1.5'"],
      [64, 'tokentally budget set: the budget id expected 1..64 characters of A-Z a-z 0-9 . _ : -'],
      [64, 'tokentally budget set: missing --limit USD'],
    ]);
  });
});

describe('tokentally budget list and rm', () => {
  it('lists budgets as a table', async () => {
    await run(['budget', 'set', 'daily', '--limit', '10', '--period', 'day']);
    await run([
      'budget',
      'set',
      'web',
      '--limit',
      '100',
      '--period',
      'month',
      '--project',
      'web',
      '--name',
      'Website',
    ]);
    expect((await run(['budget', 'list'])).stdout).toBe(
      [
        'id     name     period    limit  warn at  scope',
        '─────  ───────  ──────  ───────  ───────  ───────────',
        'daily  daily    day      $10.00    90.0%  everything',
        'web    Website  month   $100.00    90.0%  project=web',
        '',
      ].join('\n'),
    );
  });

  it('says how to add one when there are none', async () => {
    expect((await run(['budget', 'list'])).stdout).toBe(
      "no budgets yet; add one with 'tokentally budget set <id> --limit USD --period day'\n",
    );
  });

  it('removes a budget, and exits 1 for one that does not exist', async () => {
    await run(['budget', 'set', 'daily', '--limit', '10', '--period', 'day']);
    expect(await run(['budget', 'rm', 'daily'])).toEqual({
      code: 0,
      stdout: "budget 'daily' removed\n",
      stderr: '',
    });
    expect(await run(['budget', 'rm', 'daily'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "tokentally: no budget 'daily'\n",
    });
  });

  it('refuses an unknown subcommand with exit 64', async () => {
    expect(await run(['budget', 'grow'])).toEqual({
      code: 64,
      stdout: '',
      stderr:
        "tokentally budget: unknown subcommand 'grow' (expected set, list, rm or status)\nRun 'tokentally budget --help' for usage.\n",
    });
  });
});

describe('tokentally budget status', () => {
  it('exits 0 when every budget is ok', async () => {
    await run(['budget', 'set', 'all', '--limit', '1', '--period', 'total']);
    await spend();
    expect(await run(['budget', 'status'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'budget  period   spent  limit  used  projected  status',
        '──────  ──────  ──────  ─────  ────  ─────────  ──────',
        'all     total   $0.006  $1.00  0.6%     $0.006  ok',
        '',
        'overall: ok',
        '',
      ].join('\n'),
    });
  });

  it('exits 1 on a warning', async () => {
    await run(['budget', 'set', 'all', '--limit', '0.0065', '--period', 'total']);
    await spend();
    const result = await run(['budget', 'status']);
    expect([result.code, result.stdout.split('\n').at(-2)]).toEqual([1, 'overall: warning']);
  });

  it('exits 2 once a budget is exceeded, and says which', async () => {
    await run(['budget', 'set', 'tiny', '--limit', '0.001', '--period', 'total']);
    await run(['budget', 'set', 'big', '--limit', '100', '--period', 'total']);
    await spend();
    const result = await run(['budget', 'status', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'exceeded',
      budgets: [
        { id: 'big', status: 'ok', spent_usd: 0.006 },
        { id: 'tiny', status: 'exceeded', spent_usd: 0.006, limit_usd: 0.001 },
      ],
    });
  });

  it('exits 0 with a hint when there are no budgets', async () => {
    expect(await run(['budget', 'status'])).toEqual({
      code: 0,
      stdout: "no budgets yet; add one with 'tokentally budget set <id> --limit USD --period day'\n",
      stderr: '',
    });
  });

  it('exits 1 when the daemon is not running', async () => {
    const result = await runTokentally(['budget', 'status'], { env: NO_DAEMON_ENV });
    expect(result.code).toBe(1);
  });
});
