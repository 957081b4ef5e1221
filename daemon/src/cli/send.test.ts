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

describe('tokentally send', () => {
  it('stores an event built from flags and prints its seq', async () => {
    const argv = [
      'send',
      '--model',
      'gpt-4o',
      '--input',
      '1200',
      '--output',
      '300',
      '--agent',
      'main',
      '--project',
      'web',
    ];
    expect(await runTokentally(argv, { env: envFor(daemon) })).toEqual({
      code: 0,
      stdout: 'stored 1 event (seq 1)\n',
      stderr: '',
    });
    const stored = await daemon.json('/v1/events');
    expect(stored.body).toMatchObject({
      events: [
        {
          model: 'gpt-4o',
          input_tokens: 1200,
          output_tokens: 300,
          agent: 'main',
          project: 'web',
          source: 'cli',
          cost_usd: 0.006,
        },
      ],
    });
  });

  it('counts a re-sent id as a duplicate', async () => {
    const argv = ['send', '--model', 'gpt-4o', '--input', '5', '--id', 'run-42'];
    await runTokentally(argv, { env: envFor(daemon) });
    expect(await runTokentally(argv, { env: envFor(daemon) })).toEqual({
      code: 0,
      stdout: 'stored 0 events; 1 duplicate already stored\n',
      stderr: '',
    });
  });

  it('maps every flag to its event field', async () => {
    const argv = [
      'send',
      '--model',
      'claude-sonnet-4-5',
      '--input',
      '1',
      '--output',
      '9',
      '--cache-read',
      '3',
      '--cache-write',
      '4',
      '--reasoning',
      '2',
      '--cost',
      '0.5',
      '--provider',
      'anthropic',
      '--session',
      's1',
      '--tool',
      'grep',
      '--source',
      'script',
      '--duration',
      '120',
      '--id',
      'x1',
      '--ts',
      '1749981600000',
    ];
    await runTokentally(argv, { env: envFor(daemon) });
    const stored = await daemon.json('/v1/events');
    expect(stored.body).toMatchObject({
      events: [
        {
          id: 'x1',
          model: 'claude-sonnet-4-5',
          provider: 'anthropic',
          input_tokens: 1,
          output_tokens: 9,
          cache_read_input_tokens: 3,
          cache_creation_input_tokens: 4,
          reasoning_tokens: 2,
          cost_usd: 0.5,
          cost_source: 'reported',
          session_id: 's1',
          tool: 'grep',
          source: 'script',
          duration_ms: 120,
          ts: '2025-06-15T10:00:00.000Z',
        },
      ],
    });
  });

  it('posts the JSON on stdin with send -', async () => {
    const stdin = JSON.stringify([
      { model: 'gpt-4o', input_tokens: 1 },
      { model: 'gpt-4o', output_tokens: 2 },
    ]);
    expect(await runTokentally(['send', '-'], { env: envFor(daemon), stdin })).toEqual({
      code: 0,
      stdout: 'stored 2 events (seq 1..2)\n',
      stderr: '',
    });
  });

  it("prints the daemon's answer with --json", async () => {
    const result = await runTokentally(['send', '--model', 'gpt-4o', '--json'], { env: envFor(daemon) });
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 1, duplicates: 0, first_seq: 1, last_seq: 1 });
  });

  it('names the bad field before sending anything', async () => {
    const stdin = '{"model": "gpt-4o", "input_tokens": -1}';
    expect(await runTokentally(['send', '-'], { env: envFor(daemon), stdin })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tokentally: invalid event: input_tokens: expected a non-negative integer\n',
    });
  });

  it('reports what the daemon refuses', async () => {
    const result = await runTokentally(['send', '--model', 'gpt-4o', '--ts', '1999-12-31T00:00:00Z'], {
      env: envFor(daemon),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ts: expected a time on or after 2000-01-01');
  });

  it('refuses stdin that is not JSON', async () => {
    const result = await runTokentally(['send', '-'], { env: envFor(daemon), stdin: 'model=gpt-4o' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tokentally: stdin is not JSON: /);
  });

  it('refuses a token count that is not a whole number with exit 64', async () => {
    expect(
      await runTokentally(['send', '--model', 'gpt-4o', '--input', '1.5'], { env: envFor(daemon) }),
    ).toEqual({
      code: 64,
      stdout: '',
      stderr:
        "tokentally send: --input expects a whole number; got '1.5'\nRun 'tokentally send --help' for usage.\n",
    });
  });

  it('asks for --model with exit 64', async () => {
    const result = await runTokentally(['send', '--input', '5'], { env: envFor(daemon) });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("missing --model (or pass a JSON event with 'send -')");
  });

  it('says how to start the daemon when it is not running', async () => {
    expect(await runTokentally(['send', '--model', 'gpt-4o'], { env: NO_DAEMON_ENV })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "tokentally: the daemon is not running at http://127.0.0.1:1; start it with 'tokentally start'\n",
    });
  });
});
