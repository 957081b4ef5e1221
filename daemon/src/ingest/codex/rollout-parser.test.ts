import { describe, expect, it } from 'vitest';
import type { LogParser } from '../log-types';
import { codexMetaLine, codexTokenCountLine, codexTurnContextLine } from '../testing/log-fixtures';
import { createRolloutParser } from './rollout-parser';

const NOW = Date.parse('2025-09-12T00:00:00.000Z');
const FILE = '/c/sessions/2025/09/11/rollout-2025-09-11T18-25-00-0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.jsonl';
const SID = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function parse(lines: string[], snapshot?: unknown): LogParser {
  const parser = createRolloutParser({ file: FILE, now: () => NOW, snapshot });
  let offset = 0;
  for (const line of lines) {
    parser.line(line, offset, true);
    offset += Buffer.byteLength(line) + 1;
  }
  return parser;
}

const usage = (input: number, cached: number, output: number, reasoning: number) => ({
  input_tokens: input,
  cached_input_tokens: cached,
  output_tokens: output,
  reasoning_output_tokens: reasoning,
  total_tokens: input + output,
});

describe('createRolloutParser', () => {
  it('turns cumulative totals into per-turn deltas with cached input moved to cache reads', () => {
    const parser = parse([
      codexMetaLine({ id: SID }),
      codexTurnContextLine('gpt-5-codex'),
      codexTokenCountLine(usage(1200, 200, 500, 100), '2025-09-11T18:25:10.000Z'),
      codexTokenCountLine(usage(2000, 300, 800, 150), '2025-09-11T18:26:10.000Z'),
    ]);
    expect(parser.drain()).toEqual([
      expect.objectContaining({
        id: `cx:${SID}:1700`,
        ts: Date.parse('2025-09-11T18:25:10.000Z'),
        model: 'gpt-5-codex',
        provider: 'openai',
        input_tokens: 1000,
        cache_read_input_tokens: 200,
        cache_creation_input_tokens: 0,
        output_tokens: 500,
        reasoning_tokens: 100,
        agent: 'codex',
        session_id: SID,
        project: 'api',
        source: 'codex',
        tags: { cwd: '/home/dev/projects/api' },
      }),
      expect.objectContaining({
        id: `cx:${SID}:2800`,
        input_tokens: 700,
        cache_read_input_tokens: 100,
        output_tokens: 300,
        reasoning_tokens: 50,
      }),
    ]);
  });

  it('skips re-emitted unchanged totals and rate-limit-only updates', () => {
    const parser = parse([
      codexMetaLine({ id: SID }),
      codexTurnContextLine('gpt-5'),
      codexTokenCountLine(usage(100, 0, 10, 0)),
      codexTokenCountLine(usage(100, 0, 10, 0)),
      codexTokenCountLine(null),
    ]);
    expect(parser.drain().map((e) => e.input_tokens)).toEqual([100]);
    expect(parser.skips).toEqual({ unchanged_total: 1, no_usage: 1 });
  });

  it('takes the model from the latest turn context', () => {
    const parser = parse([
      codexMetaLine({ id: SID }),
      codexTurnContextLine('gpt-5'),
      codexTokenCountLine(usage(100, 0, 10, 0)),
      codexTurnContextLine('gpt-5-codex-mini'),
      codexTokenCountLine(usage(150, 0, 20, 0)),
    ]);
    expect(parser.drain().map((e) => e.model)).toEqual(['gpt-5', 'gpt-5-codex-mini']);
  });

  it("counts only a fork's own turns, not the parent history it replays first", () => {
    const at = '2025-09-11T19:00:00.000Z';
    const parser = parse([
      codexMetaLine({ id: SID, timestamp: at, forkedFromId: 'parent-session' }),
      codexMetaLine({ id: 'parent-session', timestamp: at }),
      codexTurnContextLine('gpt-5', at),
      codexTokenCountLine(usage(100, 0, 10, 0), '2025-09-11T19:00:00.001Z'),
      codexTokenCountLine(usage(200, 0, 20, 0), '2025-09-11T19:00:00.002Z'),
      codexTokenCountLine(usage(300, 50, 30, 0), '2025-09-11T19:00:06.000Z'),
      codexTokenCountLine(usage(400, 50, 40, 0), '2025-09-11T19:00:06.100Z'),
    ]);
    expect(
      parser.drain().map((e) => [e.session_id, e.input_tokens, e.cache_read_input_tokens, e.output_tokens]),
    ).toEqual([
      [SID, 50, 50, 10],
      [SID, 100, 0, 10],
    ]);
    expect(parser.skips).toEqual({ fork_replay: 2 });
  });

  it('treats replayed lines stamped before the fork as history too', () => {
    const parser = parse([
      codexMetaLine({ id: SID, timestamp: '2025-09-11T19:00:00.000Z', forkedFromId: 'parent-session' }),
      codexTurnContextLine('gpt-5', '2025-09-11T17:00:00.000Z'),
      codexTokenCountLine(usage(100, 0, 10, 0), '2025-09-11T17:00:05.000Z'),
      codexTokenCountLine(usage(200, 0, 20, 0), '2025-09-11T17:10:00.000Z'),
      codexTokenCountLine(usage(260, 0, 25, 0), '2025-09-11T19:00:09.000Z'),
    ]);
    expect(parser.drain().map((e) => e.input_tokens)).toEqual([60]);
  });

  it('names a spawned subagent thread under codex and skips the history it starts with', () => {
    const at = '2025-09-11T19:00:00.000Z';
    const source = {
      subagent: { thread_spawn: { parent_thread_id: 'parent-session', depth: 1, agent_role: 'explorer' } },
    };
    const parser = parse([
      codexMetaLine({ id: SID, timestamp: at, source }),
      codexTurnContextLine('gpt-5', at),
      codexTokenCountLine(usage(100, 0, 10, 0), at),
      codexTokenCountLine(usage(180, 0, 15, 0), '2025-09-11T19:00:04.000Z'),
    ]);
    expect(parser.drain().map((e) => [e.agent, e.input_tokens])).toEqual([['codex/explorer', 80]]);
  });

  it('uses the last turn when the cumulative total restarts, under ids that cannot collide', () => {
    const parser = parse([
      codexMetaLine({ id: SID }),
      codexTurnContextLine('gpt-5'),
      codexTokenCountLine(usage(500, 0, 50, 0)),
      codexTokenCountLine(usage(120, 0, 12, 0), '2025-09-11T18:30:00.000Z', usage(120, 0, 12, 0)),
    ]);
    expect(parser.drain().map((e) => [e.id, e.input_tokens])).toEqual([
      [`cx:${SID}:550`, 500],
      [`cx:${SID}:r1:132`, 120],
    ]);
  });

  it('continues from a snapshot after a restart', () => {
    const before = parse([
      codexMetaLine({ id: SID }),
      codexTurnContextLine('gpt-5'),
      codexTokenCountLine(usage(100, 0, 10, 0)),
    ]);
    const after = parse(
      [codexTokenCountLine(usage(160, 0, 16, 0))],
      JSON.parse(JSON.stringify(before.snapshot())),
    );
    expect(after.drain().map((e) => [e.id, e.model, e.input_tokens])).toEqual([
      [`cx:${SID}:176`, 'gpt-5', 60],
    ]);
  });

  it('assumes gpt-5 and the file name session when an old rollout names neither', () => {
    const parser = parse([codexTokenCountLine(usage(100, 0, 10, 0))]);
    expect(parser.drain().map((e) => [e.model, e.session_id, e.tags])).toEqual([
      ['gpt-5', SID, { model_assumed: 'true' }],
    ]);
  });

  it('counts garbled lines without failing', () => {
    const parser = parse([
      '{"type":"event_msg","payload":{"type":"token_count"',
      '{"type":"turn_context","payload":7}',
    ]);
    expect(parser.drain()).toEqual([]);
    expect(parser.skips).toEqual({ malformed_json: 1 });
  });
});
