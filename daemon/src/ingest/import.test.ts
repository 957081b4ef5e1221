import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLogs, type ImportProgress } from './import';
import {
  claudeAssistantLine,
  claudeUserLine,
  codexMetaLine,
  codexTokenCountLine,
  codexTurnContextLine,
} from './testing/log-fixtures';
import { memoryIngest } from './testing/memory-ingest';

async function tree(files: Record<string, string[]>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tt-import-'));
  for (const [path, lines] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), lines.map((line) => `${line}\n`).join(''));
  }
  return root;
}

const reply = (id: string, output = 5, extra: Parameters<typeof claudeAssistantLine>[0] = {}) =>
  claudeAssistantLine({
    messageId: `msg_${id}`,
    requestId: `req_${id}`,
    usage: { input_tokens: 3, output_tokens: output },
    ...extra,
  });

describe('importLogs', () => {
  it('imports every config directory listed in CLAUDE_CONFIG_DIR and sums up what it read', async () => {
    const root = await tree({
      'one/projects/-home-dev-webapp/s1.jsonl': [
        claudeUserLine('hi'),
        reply('a', 1),
        reply('a', 9),
        reply('b'),
      ],
      'two/projects/-home-dev-api/s2.jsonl': [reply('c', 7, { sessionId: 's2', cwd: '/home/dev/api' })],
    });
    const store = memoryIngest();
    const env = { CLAUDE_CONFIG_DIR: `${join(root, 'one')}, ${join(root, 'two')}` };
    const { bytes, ...summary } = await importLogs('claude', { ingest: store.ingest, env, home: root });
    expect(bytes).toBeGreaterThan(0);
    expect(summary).toEqual({
      kind: 'claude',
      roots: [join(root, 'one', 'projects'), join(root, 'two', 'projects')],
      files: 2,
      lines: 5,
      events: 3,
      accepted: 3,
      duplicates: 0,
      skipped: { streaming_update: 1 },
    });
    expect(store.events.map((e) => [e.request_id, e.output_tokens, e.project])).toEqual([
      ['req_a', 9, 'webapp'],
      ['req_b', 5, 'webapp'],
      ['req_c', 7, 'api'],
    ]);
  });

  it('names subagents by their type, else their id, under claude-code', async () => {
    const root = await tree({
      'projects/p/s1.jsonl': [reply('main')],
      'projects/p/s1/subagents/agent-a1.jsonl': [reply('typed', 5, { isSidechain: true, agentId: 'a1' })],
      'projects/p/s1/subagents/agent-b2.jsonl': [reply('untyped', 5, { isSidechain: true, agentId: 'b2' })],
      'projects/p/s1/subagents/agent-acompact-c3.jsonl': [reply('compact', 5, { isSidechain: true })],
    });
    await writeFile(
      join(root, 'projects/p/s1/subagents/agent-a1.meta.json'),
      '{"agentType":"Explore","description":"Map it"}',
    );
    const store = memoryIngest();
    await importLogs('claude', { dir: root, ingest: store.ingest });
    expect(store.events.map((e) => [e.request_id, e.agent])).toEqual([
      ['req_main', 'claude-code'],
      ['req_typed', 'claude-code/Explore'],
      ['req_compact', 'claude-code/compact'],
      ['req_untyped', 'claude-code/b2'],
    ]);
  });

  it('counts a response once when a resumed session or a subagent copies it', async () => {
    const root = await tree({
      'projects/p/s1.jsonl': [reply('a'), reply('b')],
      'projects/p/s1/subagents/agent-x.jsonl': [
        reply('a', 5, { isSidechain: true }),
        reply('x', 5, { isSidechain: true }),
      ],
      'projects/p/s2.jsonl': [
        reply('a', 5, { sessionId: 's2' }),
        reply('b', 5, { sessionId: 's2' }),
        reply('c', 5, { sessionId: 's2' }),
      ],
    });
    const store = memoryIngest();
    const summary = await importLogs('claude', { dir: join(root, 'projects'), ingest: store.ingest });
    expect(store.events.map((e) => [e.request_id, e.session_id])).toEqual([
      ['req_a', 'session-1'],
      ['req_b', 'session-1'],
      ['req_x', 'session-1'],
      ['req_c', 's2'],
    ]);
    expect(summary.skipped).toEqual({ replayed_response: 3 });
  });

  it('adds only duplicates when the same logs are imported again', async () => {
    const root = await tree({ 'projects/p/s1.jsonl': [reply('a'), reply('b')] });
    const store = memoryIngest();
    await importLogs('claude', { dir: root, ingest: store.ingest });
    const again = await importLogs('claude', { dir: root, ingest: store.ingest });
    expect([again.events, again.accepted, again.duplicates, store.events.length]).toEqual([2, 0, 2, 2]);
  });

  it('skips garbled and cut-off lines with a reason and imports the rest', async () => {
    const root = await tree({
      'projects/p/s1.jsonl': [reply('a'), '{"type":"assistant","message":{"usage":{"input_t', reply('b')],
    });
    await writeFile(
      join(root, 'projects/p/s2.jsonl'),
      `${reply('c')}\n{"type":"assistant","message":{"usage":{`,
    );
    const store = memoryIngest();
    const summary = await importLogs('claude', { dir: root, ingest: store.ingest });
    expect([summary.events, summary.skipped]).toEqual([3, { malformed_json: 1, truncated_line: 1 }]);
  });

  it('reports progress after each file', async () => {
    const root = await tree({ 'projects/p/s1.jsonl': [reply('a')], 'projects/p/s2.jsonl': [reply('b')] });
    const seen: ImportProgress[] = [];
    await importLogs('claude', { dir: root, ingest: memoryIngest().ingest, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.filesDone, p.filesTotal, p.events, p.bytesDone === p.bytesTotal])).toEqual([
      [1, 2, 1, false],
      [2, 2, 2, true],
    ]);
  });

  it('imports Codex sessions and archived copies of them once', async () => {
    const name = 'rollout-2025-09-11T18-25-00-0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.jsonl';
    const rollout = [
      codexMetaLine({ id: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
      codexTurnContextLine('gpt-5-codex'),
      codexTokenCountLine({ input_tokens: 100, cached_input_tokens: 40, output_tokens: 10 }),
      codexTokenCountLine({ input_tokens: 100, cached_input_tokens: 40, output_tokens: 10 }),
    ];
    const root = await tree({
      [`sessions/2025/09/11/${name}`]: rollout,
      [`archived_sessions/${name}`]: rollout,
    });
    const store = memoryIngest();
    const summary = await importLogs('codex', {
      ingest: store.ingest,
      env: { CODEX_HOME: root },
      home: root,
    });
    expect([summary.files, summary.events, summary.accepted, summary.duplicates, summary.skipped]).toEqual([
      2,
      2,
      1,
      1,
      { unchanged_total: 2 },
    ]);
    expect(store.events.map((e) => [e.model, e.input_tokens, e.cache_read_input_tokens])).toEqual([
      ['gpt-5-codex', 60, 40],
    ]);
  });

  it('finds nothing to import where no logs exist', async () => {
    const root = await tree({});
    const summary = await importLogs('codex', { ingest: memoryIngest().ingest, env: {}, home: root });
    expect([summary.files, summary.events]).toEqual([0, 0]);
  });
});
