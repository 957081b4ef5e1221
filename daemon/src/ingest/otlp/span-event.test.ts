import { describe, expect, it } from 'vitest';
import { spanToEvent } from './span-event';
import { fakeSpan } from './testing/fake-span';

const noResource = new Map<string, string>();
const service = new Map([['service.name', 'billing-bot']]);

describe('spanToEvent', () => {
  it('maps a GenAI chat span to an event keyed by trace and span id, with its times and labels', () => {
    const span = fakeSpan({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.id': 'chatcmpl-123',
      'gen_ai.conversation.id': 'conv-9',
      'gen_ai.agent.name': 'researcher',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 1000,
      'gen_ai.usage.reasoning.output_tokens': 100,
    });
    expect(spanToEvent(span, service)).toEqual({
      kind: 'event',
      event: {
        id: '0af7651916cd43dd8448eb211c80319c:b7ad6b7169203331',
        model: 'gpt-4o-2024-08-06',
        provider: 'openai',
        ts: 1_767_323_045_000,
        duration_ms: 1500,
        input_tokens: 200,
        output_tokens: 300,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 0,
        cache_creation_1h_input_tokens: 0,
        reasoning_tokens: 100,
        agent: 'researcher',
        session_id: 'conv-9',
        request_id: 'chatcmpl-123',
        source: 'otlp',
        status: 'ok',
        tags: { operation: 'chat' },
      },
    });
  });

  it('takes cache reads and writes out of the input count, which includes them', () => {
    const span = fakeSpan({
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': 5000,
      'gen_ai.usage.output_tokens': 10,
      'gen_ai.usage.cache_read.input_tokens': 3000,
      'gen_ai.usage.cache_creation.input_tokens': 1500,
    });
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: { input_tokens: 500, cache_read_input_tokens: 3000, cache_creation_input_tokens: 1500 },
    });
  });

  it('keeps an input count smaller than the cache counts as it is, since it cannot include them', () => {
    const span = fakeSpan({
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 10,
      'gen_ai.usage.cache_read.input_tokens': 40_000,
    });
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: { input_tokens: 12, cache_read_input_tokens: 40_000 },
    });
  });

  it('reads the deprecated prompt_tokens and completion_tokens names and the gen_ai.system provider', () => {
    const span = fakeSpan({
      'gen_ai.system': 'anthropic',
      'gen_ai.request.model': 'claude-3-5-haiku-latest',
      'gen_ai.usage.prompt_tokens': 80,
      'gen_ai.usage.completion_tokens': 20,
    });
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: { model: 'claude-3-5-haiku-latest', provider: 'anthropic', input_tokens: 80, output_tokens: 20 },
    });
  });

  it('reads OpenInference token counts, cache details, model and provider', () => {
    const span = fakeSpan({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'gpt-4o-mini',
      'llm.provider': 'openai',
      'llm.token_count.prompt': 900,
      'llm.token_count.completion': 50,
      'llm.token_count.total': 950,
      'llm.token_count.prompt_details.cache_read': 600,
      'llm.token_count.prompt_details.cache_write': 100,
      'session.id': 'sess-1',
    });
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: {
        model: 'gpt-4o-mini',
        provider: 'openai',
        input_tokens: 200,
        output_tokens: 50,
        cache_read_input_tokens: 600,
        cache_creation_input_tokens: 100,
        session_id: 'sess-1',
      },
    });
  });

  it('accepts token counts sent as integral doubles or digit strings', () => {
    const span = fakeSpan({
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 7.0,
      'gen_ai.usage.output_tokens': '9',
    });
    expect(spanToEvent(span, noResource)).toMatchObject({ event: { input_tokens: 7, output_tokens: 9 } });
  });

  it('adds a reasoning count above the output count, which was reported beside it', () => {
    const span = fakeSpan({
      'gen_ai.request.model': 'grok-4',
      'gen_ai.usage.input_tokens': 10,
      'gen_ai.usage.output_tokens': 40,
      'gen_ai.usage.reasoning.output_tokens': 400,
    });
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: { output_tokens: 440, reasoning_tokens: 400 },
    });
  });

  it('names the agent after service.name when the span names none, and the project after tokentally.project', () => {
    const resource = new Map([
      ['service.name', 'billing-bot'],
      ['tokentally.project', 'acme'],
    ]);
    const span = fakeSpan({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1 });
    expect(spanToEvent(span, resource)).toMatchObject({ event: { agent: 'billing-bot', project: 'acme' } });
  });

  it('leaves the agent out when service.name is the SDK default unknown_service', () => {
    const span = fakeSpan({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1 });
    const outcome = spanToEvent(span, new Map([['service.name', 'unknown_service:node']]));
    expect(outcome).toMatchObject({ kind: 'event' });
    expect(outcome).not.toHaveProperty('event.agent');
  });

  it('records a span with ERROR status as an error carrying its message', () => {
    const span = fakeSpan(
      { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1, 'error.type': 'RateLimitError' },
      { status: { code: 2, message: 'rate limited' } },
    );
    expect(spanToEvent(span, noResource)).toMatchObject({
      event: { status: 'error', error: 'rate limited' },
    });
  });

  it('uses error.type as the message of an ERROR span without one', () => {
    const span = fakeSpan(
      { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1, 'error.type': 'timeout' },
      { status: { code: 2, message: '' } },
    );
    expect(spanToEvent(span, noResource)).toMatchObject({ event: { status: 'error', error: 'timeout' } });
  });

  it('records a span with usage but no model under the model "unknown"', () => {
    const span = fakeSpan({ 'gen_ai.usage.input_tokens': 5 });
    expect(spanToEvent(span, noResource)).toMatchObject({ event: { model: 'unknown', input_tokens: 5 } });
  });

  it('skips a span without usage attributes', () => {
    const span = fakeSpan({ 'http.request.method': 'GET', 'gen_ai.request.model': 'gpt-4o' });
    expect(spanToEvent(span, noResource)).toEqual({ kind: 'skipped', reason: 'no_usage' });
  });

  it('skips a local agent span, whose usage sums the model calls traced beneath it', () => {
    const attributes = { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': 900 };
    expect(spanToEvent(fakeSpan(attributes, { kind: 1 }), noResource)).toEqual({
      kind: 'skipped',
      reason: 'agent_rollup',
    });
  });

  it('counts a remote agent client span, the only record of the calls it made', () => {
    const attributes = { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': 900 };
    expect(spanToEvent(fakeSpan(attributes, { kind: 3 }), noResource)).toMatchObject({ kind: 'event' });
  });

  it('skips an OpenInference agent or chain span', () => {
    const span = fakeSpan({ 'openinference.span.kind': 'AGENT', 'llm.token_count.prompt': 900 });
    expect(spanToEvent(span, noResource)).toEqual({ kind: 'skipped', reason: 'agent_rollup' });
  });

  it('rejects a span whose token count is not a non-negative integer, naming the attribute', () => {
    const span = fakeSpan({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': -3 });
    expect(spanToEvent(span, noResource)).toEqual({
      kind: 'rejected',
      message: 'gen_ai.usage.input_tokens: expected a non-negative integer, got -3',
    });
  });

  it('rejects a span with usage but without valid ids', () => {
    const span = fakeSpan({ 'gen_ai.usage.input_tokens': 5 }, { spanId: '' });
    expect(spanToEvent(span, noResource)).toMatchObject({ kind: 'rejected' });
  });
});
