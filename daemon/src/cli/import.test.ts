import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claudeAssistantLine, claudeUserLine } from '../ingest/testing/log-fixtures';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { envFor, NO_DAEMON_ENV, runTokentally } from './test-io';

function claudeConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokentally-cli-claude-'));
  mkdirSync(join(dir, 'projects', '-home-dev-webapp'), { recursive: true });
  const lines = [
    claudeUserLine('hi'),
    claudeAssistantLine({
      messageId: 'msg_a',
      requestId: 'req_a',
      usage: { input_tokens: 3, output_tokens: 7 },
    }),
    claudeAssistantLine({
      messageId: 'msg_b',
      requestId: 'req_b',
      usage: { input_tokens: 4, output_tokens: 9 },
    }),
  ];
  writeFileSync(
    join(dir, 'projects', '-home-dev-webapp', 's1.jsonl'),
    lines.map((line) => `${line}\n`).join(''),
  );
  return dir;
}

let daemon: TestDaemon;
beforeEach(async () => {
  daemon = await startTestDaemon();
});
afterEach(async () => {
  await daemon.close();
});

describe('tokentally import', () => {
  it('sends the usage in Claude Code transcripts to the daemon', async () => {
    const dir = claudeConfigDir();
    expect(await runTokentally(['import', 'claude', '--dir', dir], { env: envFor(daemon) })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `imported claude logs from ${join(dir, 'projects')}`,
        '  files      1 (3 lines)',
        '  events     2: 2 new, 0 already stored',
        '',
      ].join('\n'),
    });
    expect((await daemon.json('/v1/events')).body).toMatchObject({
      events: [
        { request_id: 'req_a', output_tokens: 7 },
        { request_id: 'req_b', output_tokens: 9 },
      ],
    });
  });

  it('stores nothing new on a second import', async () => {
    const dir = claudeConfigDir();
    await runTokentally(['import', 'claude', '--dir', dir], { env: envFor(daemon) });
    const again = await runTokentally(['import', 'claude', '--dir', dir, '--json'], { env: envFor(daemon) });
    expect(JSON.parse(again.stdout)).toMatchObject({
      kind: 'claude',
      files: 1,
      events: 2,
      accepted: 0,
      duplicates: 2,
    });
  });

  it('refuses a kind other than claude or codex with exit 64', async () => {
    const result = await runTokentally(['import', 'cursor'], { env: envFor(daemon) });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      64,
      "tokentally import: expected claude or codex; got 'cursor'",
    ]);
  });

  it('refuses a --dir that does not exist rather than importing nothing', async () => {
    const result = await runTokentally(['import', 'claude', '--dir', 'no-such-dir'], {
      env: envFor(daemon),
      cwd: tmpdir(),
    });
    expect([result.code, result.stdout, result.stderr.split(':').slice(0, 2).join(':')]).toEqual([
      1,
      '',
      'tokentally: cannot read no-such-dir',
    ]);
  });

  it('exits 1 when the daemon is not running', async () => {
    const result = await runTokentally(['import', 'codex', '--dir', tmpdir()], { env: NO_DAEMON_ENV });
    expect(result.code).toBe(1);
  });
});
