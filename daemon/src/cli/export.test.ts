import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../test-support/temp-daemon';
import { envFor, NO_DAEMON_ENV, runTokentally, seedEvent } from './test-io';

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
  await daemon.json('/v1/events', {
    body: [
      seedEvent({ id: 'a', project: 'web' }),
      seedEvent({ id: 'b', model: 'claude-sonnet-4-5', ts: '2025-06-15T11:00:00Z' }),
      seedEvent({ id: 'c', ts: '2025-05-01T00:00:00Z' }),
    ],
  });
});
afterAll(async () => {
  await daemon.close();
});

describe('tokentally export', () => {
  it('writes CSV to stdout by default, a header then one row per event', async () => {
    const result = await runTokentally(['export'], { env: envFor(daemon) });
    const lines = result.stdout.trimEnd().split('\n');
    expect([result.code, lines.length, lines[0]?.split(',').slice(0, 6)]).toEqual([
      0,
      4,
      ['seq', 'id', 'ts', 'received_at', 'provider', 'model'],
    ]);
  });

  it('writes one JSON event per line with --format ndjson, within --since', async () => {
    const result = await runTokentally(['export', '--format', 'ndjson', '--since', '7d'], {
      env: envFor(daemon),
    });
    const events: unknown[] = result.stdout
      .trimEnd()
      .split('\n')
      .map((line): unknown => JSON.parse(line));
    expect(events).toMatchObject([{ id: 'a' }, { id: 'b' }]);
  });

  it('writes JSON with statistics to --out, relative to the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tokentally-cli-'));
    const argv = ['export', '--format', 'json', '--out', 'usage.json', '--project', 'web'];
    const result = await runTokentally(argv, { env: envFor(daemon), cwd });
    const written = readFileSync(join(cwd, 'usage.json'), 'utf8');
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `exported json to ${join(cwd, 'usage.json')} (${Buffer.byteLength(written)} bytes)\n`,
    });
    expect(JSON.parse(written)).toMatchObject({ statistics: {}, events: [{ id: 'a', project: 'web' }] });
  });

  it('filters by --from and --to', async () => {
    const argv = ['export', '--format', 'ndjson', '--from', '2025-06-15T10:30:00Z', '--to', '2025-06-16'];
    const result = await runTokentally(argv, { env: envFor(daemon) });
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line): unknown => JSON.parse(line)),
    ).toMatchObject([{ id: 'b' }]);
  });

  it('refuses an unknown format with exit 64', async () => {
    const result = await runTokentally(['export', '--format', 'xml'], { env: envFor(daemon) });
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      64,
      "tokentally export: --format expects csv, json or ndjson; got 'xml'",
    ]);
  });

  it('exits 1 when the file cannot be written', async () => {
    const result = await runTokentally(['export', '--out', '/nonexistent-dir/usage.csv'], {
      env: envFor(daemon),
    });
    expect([result.code, result.stderr]).toEqual([
      1,
      "tokentally: could not write /nonexistent-dir/usage.csv: ENOENT: no such file or directory, open '/nonexistent-dir/usage.csv'\n",
    ]);
  });

  it('exits 1 when the daemon is not running', async () => {
    const result = await runTokentally(['export'], { env: NO_DAEMON_ENV });
    expect(result.code).toBe(1);
  });
});
