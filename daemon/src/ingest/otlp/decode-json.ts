import { z } from 'zod';
import { issuesFromZod } from '@tokentally/shared/schema/event-issues';
import type { AttributeValue, DecodedTraceRequest, ResourceSpans, TraceSpan } from './trace-request';

// OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding) is protobuf's JSON mapping with
// lowerCamelCase keys, hex trace and span ids, and int64 as a decimal string or a number. Unknown fields are
// ignored, as the spec asks of receivers, so every object is loose; protobuf's JSON mapping reads null as absent.

const INTEGER_MESSAGE = 'expected an integer (a number or a decimal string)';

// Nanosecond times pass 2^53, so numbers are taken whole rather than as safe integers. Each branch carries the
// message: a union whose only type-matching branch fails reports that branch's issue.
const int64 = z
  .union(
    [
      z.number({ error: INTEGER_MESSAGE }).refine(Number.isInteger, { error: INTEGER_MESSAGE }),
      z.string({ error: INTEGER_MESSAGE }).regex(/^-?\d{1,20}$/, { error: INTEGER_MESSAGE }),
    ],
    { error: INTEGER_MESSAGE },
  )
  .transform((value) => BigInt(value));

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
};
const double = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])], {
  error: 'expected a number',
});

/** An enum as protobuf's JSON mapping allows it: its number or its value's name. */
const protoEnum = (names: readonly string[]) =>
  z
    .union([z.int(), z.enum(names)], { error: `expected an integer or one of ${names.join(', ')}` })
    .transform((value) => (typeof value === 'number' ? value : names.indexOf(value)));

const anyValue = z
  .looseObject({
    stringValue: z.string().nullish(),
    boolValue: z.boolean().nullish(),
    intValue: int64.nullish(),
    doubleValue: double.nullish(),
  })
  .transform((value): AttributeValue | undefined => {
    if (value.stringValue != null) return value.stringValue;
    if (value.boolValue != null) return value.boolValue;
    if (value.intValue != null) return Number(value.intValue);
    if (value.doubleValue == null) return undefined;
    return typeof value.doubleValue === 'number' ? value.doubleValue : SPECIAL_DOUBLES[value.doubleValue];
  });

const attributes = z
  .array(z.looseObject({ key: z.string(), value: anyValue.nullish() }))
  .nullish()
  .transform((list) => {
    const map = new Map<string, AttributeValue>();
    for (const { key, value } of list ?? []) if (value != null) map.set(key, value);
    return map;
  });

const id = z
  .string()
  .nullish()
  .transform((value) => (value ?? '').toLowerCase());

const span = z
  .looseObject({
    traceId: id,
    spanId: id,
    name: z.string().nullish(),
    kind: protoEnum([
      'SPAN_KIND_UNSPECIFIED',
      'SPAN_KIND_INTERNAL',
      'SPAN_KIND_SERVER',
      'SPAN_KIND_CLIENT',
      'SPAN_KIND_PRODUCER',
      'SPAN_KIND_CONSUMER',
    ]).nullish(),
    startTimeUnixNano: int64.nullish(),
    endTimeUnixNano: int64.nullish(),
    attributes,
    status: z
      .looseObject({
        code: protoEnum(['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR']).nullish(),
        message: z.string().nullish(),
      })
      .nullish(),
  })
  .transform((raw): TraceSpan => ({
    traceId: raw.traceId,
    spanId: raw.spanId,
    name: raw.name ?? '',
    kind: raw.kind ?? 0,
    startTimeUnixNano: raw.startTimeUnixNano ?? 0n,
    endTimeUnixNano: raw.endTimeUnixNano ?? 0n,
    attributes: raw.attributes,
    status: { code: raw.status?.code ?? 0, message: raw.status?.message ?? '' },
  }));

const resourceSpans = z
  .looseObject({
    resource: z.looseObject({ attributes }).nullish(),
    scopeSpans: z.array(z.looseObject({ spans: z.array(span).nullish() })).nullish(),
  })
  .transform((raw): ResourceSpans => ({
    resource: raw.resource?.attributes ?? new Map(),
    spans: (raw.scopeSpans ?? []).flatMap((scope) => scope.spans ?? []),
  }));

const traceRequestSchema = z.looseObject(
  { resourceSpans: z.array(resourceSpans).nullish() },
  { error: 'expected an ExportTraceServiceRequest object' },
);

/** Decodes an OTLP `ExportTraceServiceRequest` already parsed from JSON. */
export function decodeJsonTraces(body: unknown): DecodedTraceRequest {
  const parsed = traceRequestSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: issuesFromZod(null, parsed.error.issues).map(({ path, message }) => ({ path, message })),
    };
  }
  return { ok: true, request: { resourceSpans: parsed.data.resourceSpans ?? [] } };
}
