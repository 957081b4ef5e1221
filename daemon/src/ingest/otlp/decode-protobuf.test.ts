import { SpanKind } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, it } from 'vitest';
import { decodeJsonTraces } from './decode-json';
import { decodeProtobufTraces } from './decode-protobuf';
import { finishedSpans, type SdkSpanSpec } from './testing/sdk-spans';

const START_MS = Date.UTC(2026, 0, 2, 3, 4, 5);

const specs: SdkSpanSpec[] = [
  {
    name: 'chat gpt-4o',
    startMs: START_MS,
    durationMs: 1500,
    attributes: {
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.stream': true,
      'gen_ai.response.finish_reasons': ['stop'],
      'test.negative': -5,
      'test.large': 2 ** 40,
    },
  },
  {
    name: 'chat failed',
    startMs: START_MS + 10,
    durationMs: 20,
    attributes: {},
    error: 'rate limited',
    kind: SpanKind.INTERNAL,
  },
];

const resource = { 'service.name': 'billing-bot' };

const protobufBody = (): Uint8Array =>
  ProtobufTraceSerializer.serializeRequest(finishedSpans(specs, resource)) ?? new Uint8Array();

describe('decodeProtobufTraces', () => {
  it('decodes what the official protobuf serializer writes into what the official JSON serializer writes', () => {
    const spans = finishedSpans(specs, resource);
    const json: unknown = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    const binary = ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array();
    expect(decodeProtobufTraces(binary)).toEqual(decodeJsonTraces(json));
  });

  it('reads ids as hex, times as nanoseconds, scalar attributes, kind and status', () => {
    const spans = finishedSpans(specs, resource);
    const decoded = decodeProtobufTraces(ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array());
    const [first, second] = spans;
    expect(decoded).toEqual({
      ok: true,
      request: {
        resourceSpans: [
          {
            resource: new Map([['service.name', 'billing-bot']]),
            spans: [
              {
                traceId: first?.spanContext().traceId,
                spanId: first?.spanContext().spanId,
                name: 'chat gpt-4o',
                kind: 3,
                startTimeUnixNano: 1_767_323_045_000_000_000n,
                endTimeUnixNano: 1_767_323_046_500_000_000n,
                attributes: new Map<string, unknown>([
                  ['gen_ai.request.model', 'gpt-4o'],
                  ['gen_ai.usage.input_tokens', 1200],
                  ['gen_ai.request.temperature', 0.2],
                  ['gen_ai.request.stream', true],
                  ['test.negative', -5],
                  ['test.large', 1_099_511_627_776],
                ]),
                status: { code: 0, message: '' },
              },
              {
                traceId: second?.spanContext().traceId,
                spanId: second?.spanContext().spanId,
                name: 'chat failed',
                kind: 1,
                startTimeUnixNano: 1_767_323_045_010_000_000n,
                endTimeUnixNano: 1_767_323_045_030_000_000n,
                attributes: new Map(),
                status: { code: 2, message: 'rate limited' },
              },
            ],
          },
        ],
      },
    });
  });

  it('reads an empty body as a request without spans', () => {
    expect(decodeProtobufTraces(new Uint8Array())).toEqual({ ok: true, request: { resourceSpans: [] } });
  });

  it('refuses a body whose field overruns it, saying where', () => {
    const body = protobufBody();
    expect(decodeProtobufTraces(body.subarray(0, body.length - 3))).toEqual({
      ok: false,
      issues: [{ path: '', message: `a field of ${body.length - 3} bytes overruns the body at byte 3` }],
    });
  });

  it('refuses a body cut inside a varint', () => {
    expect(decodeProtobufTraces(Uint8Array.from([0x0a, 0x85]))).toEqual({
      ok: false,
      issues: [{ path: '', message: 'truncated varint at byte 2' }],
    });
  });

  it('refuses JSON sent as protobuf', () => {
    const body = new TextEncoder().encode('{"resourceSpans":[]}');
    expect(decodeProtobufTraces(body)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'unsupported wire type 3 at byte 1' }],
    });
  });
});
