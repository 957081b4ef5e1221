/**
 * A scalar attribute value as OTLP carries it. Integers arrive as int64 and are kept as numbers (token counts stay
 * far below 2^53); arrays, maps and bytes are dropped, since no attribute tokentally reads has those types.
 */
export type AttributeValue = string | number | boolean;

/** A span's or resource's attributes by key; the last of repeated keys wins, as OTLP leaves repeats undefined. */
export type Attributes = ReadonlyMap<string, AttributeValue>;

/** OTLP's `Status.code`: 0 unset, 1 ok, 2 error. */
export const STATUS_CODE_ERROR = 2;

/** OTLP's `SpanKind`: 1 internal, 2 server, 3 client, 4 producer, 5 consumer (0 unspecified). */
export const SPAN_KIND_INTERNAL = 1;

/** The parts of an OTLP span that become a usage event. Ids are lower-case hex (empty when absent). */
export interface TraceSpan {
  traceId: string;
  spanId: string;
  name: string;
  kind: number;
  /** Unix nanoseconds; 0n when absent. */
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  status: { code: number; message: string };
}

/** One `ResourceSpans`: the resource's attributes and every span of its scopes, flattened. */
export interface ResourceSpans {
  resource: Attributes;
  spans: TraceSpan[];
}

/** An `ExportTraceServiceRequest`, decoded from JSON or protobuf into the same shape. */
export interface TraceRequest {
  resourceSpans: ResourceSpans[];
}

/** Why a body could not be decoded: a message for the 400, and where in the body it broke. */
export interface DecodeIssue {
  path: string;
  message: string;
}

/** A decoded request, or the issues that make it unreadable. */
export type DecodedTraceRequest = { ok: true; request: TraceRequest } | { ok: false; issues: DecodeIssue[] };
