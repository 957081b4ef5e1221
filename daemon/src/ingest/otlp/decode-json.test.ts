import { describe, expect, it } from 'vitest';
import { decodeJsonTraces } from './decode-json';

const request = (span: Record<string, unknown>, resource: unknown = { attributes: [] }) => ({
  resourceSpans: [{ resource, scopeSpans: [{ scope: { name: 'x' }, spans: [span] }] }],
});

describe('decodeJsonTraces', () => {
  it('reads int64 values given as strings or numbers, and lower-cases hex ids', () => {
    const decoded = decodeJsonTraces(
      request({
        traceId: '0AF7651916CD43DD8448EB211C80319C',
        spanId: 'B7AD6B7169203331',
        name: 'chat',
        kind: 3,
        startTimeUnixNano: '1767323045000000000',
        endTimeUnixNano: 1767323046500000000,
        attributes: [
          { key: 'gen_ai.usage.input_tokens', value: { intValue: '1200' } },
          { key: 'gen_ai.usage.output_tokens', value: { intValue: 300 } },
          { key: 'gen_ai.request.temperature', value: { doubleValue: 0.5 } },
          { key: 'ignored.list', value: { arrayValue: { values: [{ stringValue: 'a' }] } } },
          { key: 'ignored.empty', value: {} },
        ],
        status: { code: 2, message: 'boom' },
      }),
    );
    expect(decoded).toEqual({
      ok: true,
      request: {
        resourceSpans: [
          {
            resource: new Map(),
            spans: [
              {
                traceId: '0af7651916cd43dd8448eb211c80319c',
                spanId: 'b7ad6b7169203331',
                name: 'chat',
                kind: 3,
                startTimeUnixNano: 1_767_323_045_000_000_000n,
                endTimeUnixNano: 1_767_323_046_500_000_000n,
                attributes: new Map<string, unknown>([
                  ['gen_ai.usage.input_tokens', 1200],
                  ['gen_ai.usage.output_tokens', 300],
                  ['gen_ai.request.temperature', 0.5],
                ]),
                status: { code: 2, message: 'boom' },
              },
            ],
          },
        ],
      },
    });
  });

  it('reads enum names as protobuf’s JSON mapping allows', () => {
    const decoded = decodeJsonTraces(
      request({
        traceId: 'ab',
        spanId: 'cd',
        kind: 'SPAN_KIND_INTERNAL',
        status: { code: 'STATUS_CODE_ERROR' },
      }),
    );
    expect(decoded).toMatchObject({
      ok: true,
      request: { resourceSpans: [{ spans: [{ kind: 1, status: { code: 2 } }] }] },
    });
  });

  it('reads null and absent fields as their defaults, and ignores unknown fields', () => {
    const decoded = decodeJsonTraces({
      resourceSpans: [
        { resource: null, scopeSpans: [{ spans: [{ traceId: null, attributes: null, futureField: 1 }] }] },
      ],
    });
    expect(decoded).toEqual({
      ok: true,
      request: {
        resourceSpans: [
          {
            resource: new Map(),
            spans: [
              {
                traceId: '',
                spanId: '',
                name: '',
                kind: 0,
                startTimeUnixNano: 0n,
                endTimeUnixNano: 0n,
                attributes: new Map(),
                status: { code: 0, message: '' },
              },
            ],
          },
        ],
      },
    });
  });

  it('reads an empty object as a request without spans', () => {
    expect(decodeJsonTraces({})).toEqual({ ok: true, request: { resourceSpans: [] } });
  });

  it('names the path of a value of the wrong type', () => {
    const decoded = decodeJsonTraces(
      request({ attributes: [{ key: 'gen_ai.usage.input_tokens', value: { intValue: 'many' } }] }),
    );
    expect(decoded).toEqual({
      ok: false,
      issues: [
        {
          path: 'resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue',
          message: 'expected an integer (a number or a decimal string)',
        },
      ],
    });
  });

  it('refuses a body that is not an object', () => {
    expect(decodeJsonTraces([1, 2])).toEqual({
      ok: false,
      issues: [{ path: '', message: 'expected an ExportTraceServiceRequest object' }],
    });
  });
});
