import { describe, expect, it } from 'vitest';
import type { LogParser } from '../log-types';
import { claudeAssistantLine, claudeUserLine } from '../testing/log-fixtures';
import type { ClaudeFileContext } from './file-context';
import { ResponseRegistry } from './response-registry';
import { createTranscriptParser } from './transcript-parser';

const NOW = Date.parse('2025-06-02T00:00:00.000Z');
const mainFile: ClaudeFileContext = {
  file: '/p/webapp/s1.jsonl',
  agent: 'claude-code',
  projectDir: '-home-dev-webapp',
};

function parser(context = mainFile, registry = new ResponseRegistry(), snapshot?: unknown): LogParser {
  return createTranscriptParser({ context, registry, now: () => NOW, snapshot });
}

function feed(target: LogParser, lines: string[]): void {
  let offset = 0;
  for (const line of lines) {
    target.line(line, offset, true);
    offset += Buffer.byteLength(line) + 1;
  }
}

const usage = (output: number) => ({
  input_tokens: 4,
  output_tokens: output,
  cache_creation_input_tokens: 300,
  cache_read_input_tokens: 9000,
  cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
});

describe('createTranscriptParser', () => {
  it('counts a streamed response once, with its largest usage and its first time', () => {
    const p = parser();
    feed(p, [
      claudeAssistantLine({ usage: usage(1), timestamp: '2025-06-01T10:00:00.000Z' }),
      claudeAssistantLine({ usage: usage(40), timestamp: '2025-06-01T10:00:01.000Z' }),
      claudeAssistantLine({ usage: usage(120), timestamp: '2025-06-01T10:00:02.000Z' }),
    ]);
    p.flush();
    const events = p.drain();
    expect(events.map((e) => [e.output_tokens, e.ts])).toEqual([
      [120, Date.parse('2025-06-01T10:00:00.000Z')],
    ]);
    expect(p.skips).toEqual({ streaming_update: 2 });
  });

  it('maps a response to the event fields', () => {
    const p = parser();
    feed(p, [claudeAssistantLine({ usage: usage(7), cwd: '/home/dev/projects/webapp' })]);
    p.flush();
    const [event] = p.drain();
    expect(event).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      provider: 'anthropic',
      input_tokens: 4,
      output_tokens: 7,
      cache_creation_input_tokens: 300,
      cache_creation_1h_input_tokens: 200,
      cache_read_input_tokens: 9000,
      reasoning_tokens: 0,
      agent: 'claude-code',
      project: 'webapp',
      session_id: 'session-1',
      request_id: 'req_01',
      source: 'claude-code',
      status: 'ok',
      tags: { cwd: '/home/dev/projects/webapp' },
    });
    expect(event?.id).toMatch(/^cc:[A-Za-z0-9_-]{32}$/);
  });

  it('emits a response as soon as a line of the next response arrives', () => {
    const p = parser();
    feed(p, [
      claudeAssistantLine({ messageId: 'msg_a', requestId: 'req_a', usage: usage(5) }),
      claudeUserLine('tool output'),
      claudeAssistantLine({ messageId: 'msg_b', requestId: 'req_b', usage: usage(6) }),
    ]);
    expect(p.drain().map((e) => e.output_tokens)).toEqual([5]);
    expect(p.openSince()).toBe(NOW);
  });

  it('tells where a restart must re-read the response still open', () => {
    const p = parser();
    const first = claudeAssistantLine({ messageId: 'msg_a', requestId: 'req_a' });
    feed(p, [first, claudeAssistantLine({ messageId: 'msg_b', requestId: 'req_b' })]);
    expect(p.resumeOffset()).toBe(Buffer.byteLength(first) + 1);
    p.flush();
    expect(p.resumeOffset()).toBe(null);
  });

  it('skips <synthetic> messages and API error lines', () => {
    const p = parser();
    feed(p, [
      claudeAssistantLine({ model: '<synthetic>', usage: { input_tokens: 0, output_tokens: 0 } }),
      claudeAssistantLine({ messageId: 'msg_err', model: '<synthetic>', isApiErrorMessage: true }),
    ]);
    p.flush();
    expect(p.drain()).toEqual([]);
    expect(p.skips).toEqual({ synthetic_model: 1, api_error: 1 });
  });

  it('counts garbled, cut-off and misshapen lines without failing', () => {
    const p = parser();
    p.line('{"type":"assistant","message":{"usage":', 0, true);
    p.line('{"type":"assistant","message":{"usage":{"input', 50, false);
    p.line(JSON.stringify({ type: 'assistant', timestamp: 'yesterday', message: { usage: {} } }), 100, true);
    p.line(JSON.stringify({ type: 'user', message: { usage: 'not a usage line' } }), 200, true);
    p.flush();
    expect(p.drain()).toEqual([]);
    expect(p.skips).toEqual({ malformed_json: 1, truncated_line: 1, invalid_line: 1 });
  });

  it('counts a response another file replays (a subagent or a resumed session) once, where first seen', () => {
    const registry = new ResponseRegistry();
    const session = parser(mainFile, registry);
    const subagent = parser(
      { ...mainFile, file: '/p/webapp/s1/subagents/agent-a1.jsonl', agent: 'claude-code/Explore' },
      registry,
    );
    feed(session, [claudeAssistantLine({ messageId: 'msg_parent', requestId: 'req_parent' })]);
    feed(subagent, [
      claudeAssistantLine({ messageId: 'msg_parent', requestId: 'req_parent', isSidechain: true }),
      claudeAssistantLine({ messageId: 'msg_own', requestId: 'req_own', isSidechain: true, agentId: 'a1' }),
    ]);
    session.flush();
    subagent.flush();
    expect([...session.drain(), ...subagent.drain()].map((e) => [e.agent, e.request_id])).toEqual([
      ['claude-code', 'req_parent'],
      ['claude-code/Explore', 'req_own'],
    ]);
    expect(subagent.skips).toEqual({ replayed_response: 1 });
  });

  it('emits only the growth of a response that grows after its event was sent, under a derived id', () => {
    const p = parser();
    feed(p, [claudeAssistantLine({ usage: usage(10) })]);
    p.flush();
    const [first] = p.drain();
    feed(p, [claudeAssistantLine({ usage: usage(25) })]);
    p.flush();
    const [growth] = p.drain();
    expect(growth).toMatchObject({
      id: `${first?.id ?? ''}.1`,
      input_tokens: 0,
      output_tokens: 15,
      cache_read_input_tokens: 0,
    });
  });

  it('remembers sent responses across a restart through its snapshot', () => {
    const before = parser();
    feed(before, [claudeAssistantLine({ usage: usage(10) })]);
    before.flush();
    before.drain();
    const after = parser(mainFile, new ResponseRegistry(), JSON.parse(JSON.stringify(before.snapshot())));
    feed(after, [claudeAssistantLine({ usage: usage(10) }), claudeAssistantLine({ usage: usage(12) })]);
    after.flush();
    expect(after.drain().map((e) => e.output_tokens)).toEqual([2]);
  });

  it('skips a response whose time the API would refuse', () => {
    const p = parser();
    feed(p, [claudeAssistantLine({ timestamp: '1999-12-31T23:59:59.000Z' })]);
    p.flush();
    expect(p.drain()).toEqual([]);
    expect(p.skips).toEqual({ invalid_event: 1 });
  });
});
