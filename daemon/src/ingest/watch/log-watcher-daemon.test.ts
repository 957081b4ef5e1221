import { appendFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../../test-support/temp-daemon';
import { openTestSocket, type TestSocket } from '../../test-support/ws-client';
import {
  claudeAssistantLine,
  codexMetaLine,
  codexTokenCountLine,
  codexTurnContextLine,
} from '../testing/log-fixtures';

let daemon: TestDaemon | undefined;
let socket: TestSocket | undefined;
afterEach(async () => {
  socket?.socket.close();
  await daemon?.close();
  daemon = undefined;
  socket = undefined;
  vi.unstubAllEnvs();
});

/** Agent homes in a temporary directory, so the daemon watches these and not the machine's own logs. */
async function agentHomes(): Promise<{ session: string; rollout: string }> {
  const base = await mkdtemp(join(tmpdir(), 'tt-agents-'));
  const projectDir = join(base, 'claude', 'projects', '-home-dev-webapp');
  const dayDir = join(base, 'codex', 'sessions', '2025', '09', '11');
  await mkdir(projectDir, { recursive: true });
  await mkdir(dayDir, { recursive: true });
  vi.stubEnv('CLAUDE_CONFIG_DIR', join(base, 'claude'));
  vi.stubEnv('CODEX_HOME', join(base, 'codex'));
  return {
    session: join(projectDir, 's1.jsonl'),
    rollout: join(dayDir, 'rollout-2025-09-11T18-25-00-sid-9.jsonl'),
  };
}

const streamed = (messages: unknown[]) =>
  messages.filter((m) => typeof m === 'object' && m !== null && 'event' in m);

describe('the daemon following agent logs', () => {
  it('streams a Claude Code response appended to a live transcript, priced, and not the history before it', async () => {
    const { session } = await agentHomes();
    const history = claudeAssistantLine({
      messageId: 'msg_old',
      requestId: 'req_old',
      timestamp: new Date(Date.now() - 60_000).toISOString(),
    });
    await appendFile(session, `${history}\n`);
    daemon = await startTestDaemon({ watch: true });
    socket = await openTestSocket(`${daemon.daemon.url.replace('http', 'ws')}/v1/stream`);
    const usage = {
      input_tokens: 12,
      output_tokens: 340,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 5000,
    };
    const line = claudeAssistantLine({
      messageId: 'msg_live',
      requestId: 'req_live',
      usage,
      timestamp: new Date().toISOString(),
    });
    await appendFile(session, `${line}\n`);
    const [message] = await socket.waitFor(1, 5000);
    expect(message).toMatchObject({
      type: 'event',
      event: {
        seq: 1,
        model: 'claude-sonnet-4-5-20250929',
        provider: 'anthropic',
        input_tokens: 12,
        output_tokens: 340,
        cache_read_input_tokens: 5000,
        total_tokens: 5352,
        agent: 'claude-code',
        project: 'webapp',
        request_id: 'req_live',
        source: 'claude-code',
        cost_source: 'computed',
      },
    });
    expect(streamed(socket.messages)).toHaveLength(1);
  });

  it('streams the usage of a new Codex rollout turn by turn', async () => {
    const { rollout } = await agentHomes();
    daemon = await startTestDaemon({ watch: true });
    socket = await openTestSocket(`${daemon.daemon.url.replace('http', 'ws')}/v1/stream`);
    const now = Date.now();
    const at = (offset: number) => new Date(now + offset).toISOString();
    const lines = [
      codexMetaLine({ id: 'sid-9', timestamp: at(0) }),
      codexTurnContextLine('gpt-5-codex', at(1)),
      codexTokenCountLine(
        { input_tokens: 1000, cached_input_tokens: 600, output_tokens: 90, reasoning_output_tokens: 40 },
        at(5000),
      ),
    ];
    await appendFile(rollout, lines.map((l) => `${l}\n`).join(''));
    const [message] = await socket.waitFor(1, 5000);
    expect(message).toMatchObject({
      type: 'event',
      event: {
        id: 'cx:sid-9:1090',
        model: 'gpt-5-codex',
        provider: 'openai',
        input_tokens: 400,
        cache_read_input_tokens: 600,
        output_tokens: 90,
        reasoning_tokens: 40,
        agent: 'codex',
        session_id: 'sid-9',
        source: 'codex',
      },
    });
  });
});
