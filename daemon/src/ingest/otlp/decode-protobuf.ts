import { ProtobufError, ProtobufReader, WIRE } from './protobuf-reader';
import type {
  AttributeValue,
  DecodedTraceRequest,
  ResourceSpans,
  TraceRequest,
  TraceSpan,
} from './trace-request';

// Field numbers from opentelemetry-proto (trace/v1/trace.proto, common/v1/common.proto, resource/v1/resource.proto,
// collector/trace/v1/trace_service.proto). Fields tokentally does not read are skipped like unknown ones.

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Calls `read` for each field of an embedded message; `read` must consume or skip the field. */
function eachField(
  bytes: Uint8Array,
  read: (reader: ProtobufReader, field: number, wire: number) => void,
): void {
  const reader = new ProtobufReader(bytes);
  while (!reader.done()) {
    const { field, wire } = reader.tag();
    read(reader, field, wire);
  }
}

// AnyValue: 1 string, 2 bool, 3 int64, 4 double, 5 array, 6 kvlist, 7 bytes (the last three are not kept).
function anyValue(bytes: Uint8Array): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  eachField(bytes, (reader, field, wire) => {
    if (field === 1 && wire === WIRE.bytes) value = reader.string();
    else if (field === 2 && wire === WIRE.varint) value = reader.varint() !== 0n;
    else if (field === 3 && wire === WIRE.varint) value = Number(reader.int64());
    else if (field === 4 && wire === WIRE.fixed64) value = reader.double();
    else reader.skip(wire);
  });
  return value;
}

// KeyValue: 1 key, 2 value.
function keyValue(bytes: Uint8Array, into: Map<string, AttributeValue>): void {
  let key = '';
  let value: AttributeValue | undefined;
  eachField(bytes, (reader, field, wire) => {
    if (field === 1 && wire === WIRE.bytes) key = reader.string();
    else if (field === 2 && wire === WIRE.bytes) value = anyValue(reader.bytesField());
    else reader.skip(wire);
  });
  if (value !== undefined) into.set(key, value);
}

// Resource: 1 attributes.
function resource(bytes: Uint8Array): Map<string, AttributeValue> {
  const attributes = new Map<string, AttributeValue>();
  eachField(bytes, (reader, field, wire) => {
    if (field === 1 && wire === WIRE.bytes) keyValue(reader.bytesField(), attributes);
    else reader.skip(wire);
  });
  return attributes;
}

// Status: 2 message, 3 code.
function status(bytes: Uint8Array): TraceSpan['status'] {
  const result = { code: 0, message: '' };
  eachField(bytes, (reader, field, wire) => {
    if (field === 2 && wire === WIRE.bytes) result.message = reader.string();
    else if (field === 3 && wire === WIRE.varint) result.code = Number(reader.int64());
    else reader.skip(wire);
  });
  return result;
}

// Span: 1 trace_id, 2 span_id, 5 name, 6 kind, 7 start_time_unix_nano, 8 end_time_unix_nano, 9 attributes, 15 status.
function span(bytes: Uint8Array): TraceSpan {
  const attributes = new Map<string, AttributeValue>();
  const result: TraceSpan = {
    traceId: '',
    spanId: '',
    name: '',
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes,
    status: { code: 0, message: '' },
  };
  eachField(bytes, (reader, field, wire) => {
    if (field === 1 && wire === WIRE.bytes) result.traceId = hex(reader.bytesField());
    else if (field === 2 && wire === WIRE.bytes) result.spanId = hex(reader.bytesField());
    else if (field === 5 && wire === WIRE.bytes) result.name = reader.string();
    else if (field === 6 && wire === WIRE.varint) result.kind = Number(reader.int64());
    else if (field === 7 && wire === WIRE.fixed64) result.startTimeUnixNano = reader.fixed64();
    else if (field === 8 && wire === WIRE.fixed64) result.endTimeUnixNano = reader.fixed64();
    else if (field === 9 && wire === WIRE.bytes) keyValue(reader.bytesField(), attributes);
    else if (field === 15 && wire === WIRE.bytes) result.status = status(reader.bytesField());
    else reader.skip(wire);
  });
  return result;
}

// ScopeSpans: 2 spans. ResourceSpans: 1 resource, 2 scope_spans.
function resourceSpans(bytes: Uint8Array): ResourceSpans {
  const result: ResourceSpans = { resource: new Map(), spans: [] };
  eachField(bytes, (reader, field, wire) => {
    if (field === 1 && wire === WIRE.bytes) result.resource = resource(reader.bytesField());
    else if (field === 2 && wire === WIRE.bytes) {
      eachField(reader.bytesField(), (scope, scopeField, scopeWire) => {
        if (scopeField === 2 && scopeWire === WIRE.bytes) result.spans.push(span(scope.bytesField()));
        else scope.skip(scopeWire);
      });
    } else reader.skip(wire);
  });
  return result;
}

/** Decodes an OTLP `ExportTraceServiceRequest` in protobuf's binary encoding. */
export function decodeProtobufTraces(body: Uint8Array): DecodedTraceRequest {
  const request: TraceRequest = { resourceSpans: [] };
  try {
    eachField(body, (reader, field, wire) => {
      if (field === 1 && wire === WIRE.bytes) request.resourceSpans.push(resourceSpans(reader.bytesField()));
      else reader.skip(wire);
    });
  } catch (error) {
    if (!(error instanceof ProtobufError)) throw error;
    return { ok: false, issues: [{ path: '', message: error.message }] };
  }
  return { ok: true, request };
}
