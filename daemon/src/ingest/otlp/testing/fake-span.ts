import type { AttributeValue, TraceSpan } from '../trace-request';

/** 2026-01-02T03:04:05.000Z in unix nanoseconds, the start of every fake span. */
export const FAKE_START_NANOS = 1_767_323_045_000_000_000n;

/** A span as the decoders produce it: a chat call started at FAKE_START_NANOS that took 1.5 s, with `attributes`. */
export function fakeSpan(
  attributes: Readonly<Record<string, AttributeValue>>,
  overrides: Partial<Omit<TraceSpan, 'attributes'>> = {},
): TraceSpan {
  return {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    name: 'chat',
    kind: 3,
    startTimeUnixNano: FAKE_START_NANOS,
    endTimeUnixNano: FAKE_START_NANOS + 1_500_000_000n,
    status: { code: 0, message: '' },
    ...overrides,
    attributes: new Map(Object.entries(attributes)),
  };
}
