/** What an export answers: how many spans were rejected, and why (OTLP's `ExportTracePartialSuccess`). */
export interface ExportOutcome {
  rejectedSpans: number;
  errorMessage: string | undefined;
}

/** `ExportTraceServiceResponse` in OTLP/JSON: `{}` when every span was taken, else a partial success. */
export function jsonExportResponse({ rejectedSpans, errorMessage }: ExportOutcome): Record<string, unknown> {
  if (rejectedSpans === 0 && errorMessage === undefined) return {};
  return { partialSuccess: { rejectedSpans, ...(errorMessage === undefined ? {} : { errorMessage }) } };
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function lengthDelimited(field: number, payload: Uint8Array | number[]): number[] {
  return [...varint((field << 3) | 2), ...varint(payload.length), ...payload];
}

/**
 * `ExportTraceServiceResponse` in protobuf: empty when every span was taken, else field 1 (`partial_success`)
 * holding 1 `rejected_spans` (int64) and 2 `error_message` (string).
 */
export function protobufExportResponse({
  rejectedSpans,
  errorMessage,
}: ExportOutcome): Uint8Array<ArrayBuffer> {
  if (rejectedSpans === 0 && errorMessage === undefined) return new Uint8Array(0);
  const partial = [
    ...(rejectedSpans === 0 ? [] : [0x08, ...varint(rejectedSpans)]),
    ...(errorMessage === undefined ? [] : lengthDelimited(2, new TextEncoder().encode(errorMessage))),
  ];
  return Uint8Array.from(lengthDelimited(1, partial));
}
