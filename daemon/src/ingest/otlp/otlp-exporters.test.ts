import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../../tracker/testing/test-daemon';
import { emitSpans, type SdkSpanSpec, sdkTracerProvider } from './testing/sdk-spans';

const START_MS = Date.UTC(2026, 0, 2, 3, 4, 5);

// A traced agent: one LLM call per model, a tool call without usage, and the agent's own span summing them.
const agentRun: SdkSpanSpec[] = [
  {
    name: 'chat claude-sonnet-4-5',
    startMs: START_MS,
    durationMs: 2000,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.conversation.id': 'conv-1',
      'gen_ai.usage.input_tokens': 12_000,
      'gen_ai.usage.cache_read.input_tokens': 10_000,
      'gen_ai.usage.cache_creation.input_tokens': 1500,
      'gen_ai.usage.output_tokens': 800,
    },
  },
  {
    name: 'chat gpt-4o-mini',
    startMs: START_MS + 3000,
    durationMs: 400,
    error: 'rate limited',
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.agent.name': 'summarizer',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.usage.prompt_tokens': 90,
      'gen_ai.usage.completion_tokens': 0,
    },
  },
  {
    name: 'execute_tool search',
    startMs: START_MS + 2100,
    durationMs: 800,
    attributes: { 'gen_ai.tool.name': 'search' },
  },
  {
    name: 'invoke_agent researcher',
    startMs: START_MS - 100,
    durationMs: 4000,
    kind: SpanKind.INTERNAL,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': 12_090 },
  },
];

let daemon: TestDaemon;
beforeAll(async () => {
  daemon = await startTestDaemon();
});
afterAll(() => daemon.close());

// Each test exports under its own project, so each reads back only its own events.
async function exportWith(exporter: SpanExporter, project: string): Promise<void> {
  const provider = sdkTracerProvider(new BatchSpanProcessor(exporter), {
    'service.name': 'researcher',
    'tokentally.project': project,
  });
  emitSpans(provider, agentRun);
  await provider.forceFlush();
  await provider.shutdown();
}

async function storedFor(project: string) {
  const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents({ project });
  return page.ok ? page.value.events : [];
}

const expectedEvents = (project: string) => [
  {
    ts: '2026-01-02T03:04:05.000Z',
    model: 'claude-sonnet-4-5-20250929',
    provider: 'anthropic',
    input_tokens: 500,
    cache_read_input_tokens: 10_000,
    cache_creation_input_tokens: 1500,
    output_tokens: 800,
    total_tokens: 12_800,
    agent: 'researcher',
    project,
    session_id: 'conv-1',
    source: 'otlp',
    duration_ms: 2000,
    status: 'ok',
    cost_source: 'computed',
    tags: { operation: 'chat' },
  },
  {
    ts: '2026-01-02T03:04:08.000Z',
    model: 'gpt-4o-mini',
    provider: 'openai',
    input_tokens: 90,
    output_tokens: 0,
    agent: 'summarizer',
    project,
    status: 'error',
    error: 'rate limited',
    duration_ms: 400,
  },
];

describe('OTLP export from the OpenTelemetry SDK', () => {
  it('stores the LLM calls the official OTLP/HTTP JSON exporter sends', async () => {
    await exportWith(new JsonExporter({ url: `${daemon.url}/v1/traces` }), 'via-json');
    expect(await storedFor('via-json')).toMatchObject(expectedEvents('via-json'));
  });

  it('stores the LLM calls the official protobuf exporter sends, configured by the documented variables', async () => {
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', `${daemon.url}/v1/traces`);
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_COMPRESSION', 'gzip');
    const exporter = new ProtobufExporter();
    vi.unstubAllEnvs();
    await exportWith(exporter, 'via-protobuf');
    const stored = await storedFor('via-protobuf');
    expect(stored).toMatchObject(expectedEvents('via-protobuf'));
    expect(stored.map((event) => event.id)).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}:[0-9a-f]{16}$/),
      expect.stringMatching(/^[0-9a-f]{32}:[0-9a-f]{16}$/),
    ]);
  });
});
