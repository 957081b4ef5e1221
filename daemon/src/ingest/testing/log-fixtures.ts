// Builders for log lines shaped after real Claude Code transcripts and Codex rollouts, for tests and the bench.

let lineCount = 0;

export interface ClaudeUsageFixture {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface ClaudeAssistantFixture {
  messageId?: string;
  requestId?: string;
  model?: string;
  timestamp?: string;
  sessionId?: string;
  cwd?: string;
  usage?: ClaudeUsageFixture;
  isSidechain?: boolean;
  agentId?: string;
  isApiErrorMessage?: boolean;
  content?: unknown[];
}

/** One `type: "assistant"` transcript line (Claude Code writes one per content block of a response). */
export function claudeAssistantLine(fixture: ClaudeAssistantFixture = {}): string {
  return JSON.stringify({
    parentUuid: 'b7e1c3a0-0000-4000-8000-000000000001',
    isSidechain: fixture.isSidechain ?? false,
    userType: 'external',
    cwd: fixture.cwd ?? '/home/dev/projects/webapp',
    sessionId: fixture.sessionId ?? 'session-1',
    version: '2.0.61',
    gitBranch: 'main',
    ...(fixture.agentId === undefined ? {} : { agentId: fixture.agentId }),
    message: {
      id: fixture.messageId ?? 'msg_01',
      type: 'message',
      role: 'assistant',
      model: fixture.model ?? 'claude-sonnet-4-5-20250929',
      content: fixture.content ?? [{ type: 'text', text: 'Done.' }],
      stop_reason: null,
      usage: fixture.usage ?? {
        input_tokens: 10,
        output_tokens: 5,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
    requestId: fixture.requestId ?? 'req_01',
    type: 'assistant',
    uuid: `uuid-${++lineCount}`,
    timestamp: fixture.timestamp ?? '2025-06-01T10:00:00.000Z',
    ...(fixture.isApiErrorMessage === undefined ? {} : { isApiErrorMessage: fixture.isApiErrorMessage }),
  });
}

/** A `type: "user"` transcript line (a prompt or a tool result); carries no usage. */
export function claudeUserLine(text: string, sessionId = 'session-1'): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    cwd: '/home/dev/projects/webapp',
    sessionId,
    type: 'user',
    message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: text }] },
    uuid: 'user-uuid',
    timestamp: '2025-06-01T09:59:59.000Z',
  });
}

export interface CodexUsageFixture {
  input_tokens: number;
  cached_input_tokens?: number;
  output_tokens: number;
  reasoning_output_tokens?: number;
  total_tokens?: number;
}

/** A Codex `session_meta` line. */
export function codexMetaLine(fixture: {
  id: string;
  timestamp?: string;
  cwd?: string;
  forkedFromId?: string;
  source?: unknown;
}): string {
  return JSON.stringify({
    timestamp: fixture.timestamp ?? '2025-09-11T18:25:00.000Z',
    type: 'session_meta',
    payload: {
      id: fixture.id,
      timestamp: fixture.timestamp ?? '2025-09-11T18:25:00.000Z',
      cwd: fixture.cwd ?? '/home/dev/projects/api',
      originator: 'codex_cli_rs',
      cli_version: '0.40.0',
      instructions: null,
      source: fixture.source ?? 'cli',
      ...(fixture.forkedFromId === undefined ? {} : { forked_from_id: fixture.forkedFromId }),
    },
  });
}

/** A Codex `turn_context` line naming the model of the turns that follow. */
export function codexTurnContextLine(model: string, timestamp = '2025-09-11T18:25:01.000Z'): string {
  return JSON.stringify({
    timestamp,
    type: 'turn_context',
    payload: {
      cwd: '/home/dev/projects/api',
      approval_policy: 'on-request',
      model,
      effort: 'medium',
      summary: 'auto',
    },
  });
}

/** A Codex `event_msg` / `token_count` line with cumulative and last-turn usage (`total: null` for a rate-limit-only update). */
export function codexTokenCountLine(
  total: CodexUsageFixture | null,
  timestamp = '2025-09-11T18:25:10.000Z',
  last?: CodexUsageFixture,
): string {
  return JSON.stringify({
    timestamp,
    type: 'event_msg',
    payload: {
      type: 'token_count',
      info:
        total === null
          ? null
          : { total_token_usage: total, last_token_usage: last ?? total, model_context_window: 272000 },
      rate_limits: { primary: { used_percent: 5, window_minutes: 300 } },
    },
  });
}
