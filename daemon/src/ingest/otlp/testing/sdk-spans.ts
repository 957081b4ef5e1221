import { type Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A span to create with the OpenTelemetry SDK. */
export interface SdkSpanSpec {
  name: string;
  attributes: Attributes;
  /** Epoch milliseconds. */
  startMs: number;
  durationMs: number;
  kind?: SpanKind;
  /** Ends the span with status ERROR and this message. */
  error?: string;
}

/** A tracer provider of the real SDK, with `resource` attributes, sending finished spans to `processor`. */
export function sdkTracerProvider(processor: SpanProcessor, resource: Attributes): BasicTracerProvider {
  return new BasicTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [processor] });
}

/** Creates and ends one span per spec with the provider's tracer. */
export function emitSpans(provider: BasicTracerProvider, specs: readonly SdkSpanSpec[]): void {
  const tracer = provider.getTracer('tokentally-test', '1.0.0');
  for (const spec of specs) {
    const span = tracer.startSpan(spec.name, {
      attributes: spec.attributes,
      startTime: spec.startMs,
      kind: spec.kind ?? SpanKind.CLIENT,
    });
    if (spec.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: spec.error });
    span.end(spec.startMs + spec.durationMs);
  }
}

/** The SDK's finished spans for `specs`, as an exporter receives them. */
export function finishedSpans(specs: readonly SdkSpanSpec[], resource: Attributes): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  emitSpans(sdkTracerProvider(new SimpleSpanProcessor(exporter), resource), specs);
  return exporter.getFinishedSpans();
}
