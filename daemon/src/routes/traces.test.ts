import { gzipSync } from 'node:zlib';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedSpans } from '../ingest/otlp/testing/sdk-spans';
import { startTestDaemon, type TestDaemon } from '../tracker/testing/test-daemon';

const START_NANOS = '1767323045000000000';
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

const span = (spanId: string, attributes: Record<string, unknown>) => ({
  traceId: TRACE_ID,
  spanId,
  name: 'chat',
  kind: 3,
  startTimeUnixNano: START_NANOS,
  endTimeUnixNano: '1767323045250000000',
  attributes: Object.entries(attributes).map(([key, value]) => ({
    key,
    value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value },
  })),
});

const exportBody = (...spans: unknown[]) => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'support-bot' } }] },
      scopeSpans: [{ scope: { name: 'test' }, spans }],
    },
  ],
});

const usageSpan = (spanId: string) =>
  span(spanId, {
    'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.usage.input_tokens': 40,
    'gen_ai.usage.output_tokens': 2,
  });

let daemon: TestDaemon;
const post = (body: string | Uint8Array, headers: Record<string, string>) =>
  fetch(`${daemon.url}/v1/traces`, { method: 'POST', body, headers });
const postJson = (body: unknown) => post(JSON.stringify(body), { 'content-type': 'application/json' });
const events = async (source = 'otlp') => {
  const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents({ source });
  return page.ok ? page.value.events : [];
};

beforeAll(async () => {
  daemon = await startTestDaemon();
});
afterAll(() => daemon.close());

describe('POST /v1/traces', () => {
  it('stores the spans with token usage of a JSON export, skips the others, and answers {}', async () => {
    const response = await postJson(
      exportBody(usageSpan('00000000000000a1'), span('00000000000000a2', { 'http.route': '/x' })),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await events()).toMatchObject([
      {
        id: `${TRACE_ID}:00000000000000a1`,
        ts: '2026-01-02T03:04:05.000Z',
        model: 'gpt-4o-mini',
        provider: 'openai',
        input_tokens: 40,
        output_tokens: 2,
        agent: 'support-bot',
        source: 'otlp',
        duration_ms: 250,
        status: 'ok',
      },
    ]);
  });

  it('stores a re-sent export once', async () => {
    await postJson(exportBody(usageSpan('00000000000000b1')));
    await postJson(exportBody(usageSpan('00000000000000b1')));
    expect((await events()).filter((event) => event.id.endsWith('b1'))).toHaveLength(1);
  });

  it('answers a protobuf export with an empty protobuf response', async () => {
    const spans = finishedSpans(
      [
        {
          name: 'chat',
          startMs: 1_767_323_045_000,
          durationMs: 5,
          attributes: { 'gen_ai.usage.input_tokens': 3 },
        },
      ],
      {},
    );
    const response = await post(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans) ?? []), {
      'content-type': 'application/x-protobuf',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers a partial success naming the span whose usage is unreadable, and stores the rest', async () => {
    const bad = span('00000000000000c2', {
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 'lots',
    });
    const response = await postJson(exportBody(usageSpan('00000000000000c1'), bad));
    expect(await response.json()).toEqual({
      partialSuccess: {
        rejectedSpans: 1,
        errorMessage:
          '1 span(s) with token usage could not be stored: span 00000000000000c2: gen_ai.usage.input_tokens: expected a non-negative integer, got "lots"',
      },
    });
    expect((await events()).filter((event) => event.id.endsWith('c1'))).toHaveLength(1);
  });

  it('answers a partial success in protobuf that the official deserializer reads', async () => {
    const spans = finishedSpans(
      [
        {
          name: 'chat',
          startMs: 1_767_323_045_000,
          durationMs: 5,
          attributes: { 'gen_ai.usage.output_tokens': -1 },
        },
      ],
      {},
    );
    const response = await post(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans) ?? []), {
      'content-type': 'application/x-protobuf',
    });
    const answer = ProtobufTraceSerializer.deserializeResponse(new Uint8Array(await response.arrayBuffer()));
    expect(answer).toEqual({
      partialSuccess: {
        rejectedSpans: 1,
        errorMessage: `1 span(s) with token usage could not be stored: span ${spans[0]?.spanContext().spanId ?? ''}: gen_ai.usage.output_tokens: expected a non-negative integer, got -1`,
      },
    });
  });

  it('inflates a gzip-compressed body', async () => {
    const body = gzipSync(JSON.stringify(exportBody(usageSpan('00000000000000d1'))));
    const response = await post(body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect((await events()).filter((event) => event.id.endsWith('d1'))).toHaveLength(1);
  });

  it('refuses malformed JSON with a 400', async () => {
    const response = await post('{"resourceSpans": [', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('refuses a wrongly typed field with a 400 naming it', async () => {
    const response = await postJson({
      resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: 'soon' }] }] }],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_otlp',
        message:
          'the body is not an OTLP/JSON ExportTraceServiceRequest: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: expected an integer (a number or a decimal string)',
        issues: [
          {
            index: null,
            path: 'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano',
            message: 'expected an integer (a number or a decimal string)',
          },
        ],
      },
    });
  });

  it('refuses a truncated protobuf body with a 400', async () => {
    const response = await post(Buffer.from([0x0a, 0x05, 0x01]), {
      'content-type': 'application/x-protobuf',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'invalid_otlp',
        message:
          'the body is not an OTLP/protobuf ExportTraceServiceRequest: a field of 5 bytes overruns the body at byte 2',
      },
    });
  });

  it('refuses a body of another content type with a 415', async () => {
    const response = await post('resourceSpans=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
  });
});
