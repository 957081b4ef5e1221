import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker } from './create-tracker';
import { recordAnthropic, recordOpenAI } from './provider-responses';
import { startTestDaemon, type TestDaemon } from './testing/test-daemon';
import type { Tracker } from './tracker-types';

// Responses as the SDKs return them (trimmed of content only).
const chatCompletion = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello!', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 2006,
    completion_tokens: 300,
    total_tokens: 2306,
    prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_fc9f1d7035',
};

const responsesResponse = {
  id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
  object: 'response',
  created_at: 1741476542,
  status: 'incomplete',
  error: null,
  incomplete_details: { reason: 'max_output_tokens' },
  model: 'o4-mini-2025-04-16',
  output: [],
  usage: {
    input_tokens: 36,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 87,
    output_tokens_details: { reasoning_tokens: 64 },
    total_tokens: 123,
  },
};

const anthropicMessage = {
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [{ type: 'text', text: 'Hi' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 12,
    cache_creation_input_tokens: 2048,
    cache_read_input_tokens: 18_000,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 2048 },
    output_tokens: 250,
    service_tier: 'standard',
    server_tool_use: null,
  },
};

let daemon: TestDaemon;
let tracker: Tracker;
beforeAll(async () => {
  daemon = await startTestDaemon();
  tracker = createTracker({ agent: 'helpers', url: daemon.url });
});
afterAll(async () => {
  await tracker.close();
  await daemon.close();
});

const storedById = async (id: string | undefined) => {
  await tracker.flush();
  const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents({ agent: 'helpers' });
  return (page.ok ? page.value.events : []).find((event) => event.id === id);
};

describe('recordOpenAI', () => {
  it('records a Chat Completions response, moving cached prompt tokens to cache reads', async () => {
    const id = recordOpenAI(tracker, chatCompletion, { tool: 'summarize' });
    expect(await storedById(id)).toMatchObject({
      model: 'gpt-4o-2024-08-06',
      provider: 'openai',
      request_id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
      input_tokens: 86,
      cache_read_input_tokens: 1920,
      output_tokens: 300,
      tool: 'summarize',
      source: 'sdk',
      status: 'ok',
    });
  });

  it('records a Responses API response, its reasoning, and an incomplete status as an error', async () => {
    const id = recordOpenAI(tracker, responsesResponse);
    expect(await storedById(id)).toMatchObject({
      model: 'o4-mini-2025-04-16',
      provider: 'openai',
      input_tokens: 36,
      output_tokens: 87,
      reasoning_tokens: 64,
      status: 'error',
      error: 'response incomplete',
    });
  });

  it('leaves the provider of another maker’s model reached through the OpenAI SDK to the daemon', async () => {
    const deepseek = { ...chatCompletion, id: 'b2c1', model: 'deepseek-chat' };
    expect(await storedById(recordOpenAI(tracker, deepseek))).toMatchObject({
      model: 'deepseek-chat',
      provider: 'deepseek',
    });
  });

  it('records nothing for a response without usage', () => {
    expect(recordOpenAI(tracker, { ...chatCompletion, usage: null })).toBeUndefined();
  });
});

describe('recordAnthropic', () => {
  it('records a Messages response with its cache writes, their 1-hour part, and cache reads', async () => {
    const id = recordAnthropic(tracker, anthropicMessage, { session_id: 'sess-1' });
    expect(await storedById(id)).toMatchObject({
      model: 'claude-sonnet-4-5-20250929',
      provider: 'anthropic',
      request_id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      input_tokens: 12,
      cache_creation_input_tokens: 2048,
      cache_creation_1h_input_tokens: 2048,
      cache_read_input_tokens: 18_000,
      output_tokens: 250,
      session_id: 'sess-1',
      cost_source: 'computed',
    });
  });
});
