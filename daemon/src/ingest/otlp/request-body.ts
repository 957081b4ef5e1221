import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import type { Context } from 'hono';
import { ApiError } from '../../http-error';

/** The two encodings OTLP/HTTP defines. */
export type OtlpFormat = 'json' | 'protobuf';

/** The most bytes a compressed body may expand to: a zip bomb is refused rather than inflated. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const DECOMPRESS = { gzip: promisify(gunzip), deflate: promisify(inflate) } as const;

/** The OTLP encoding a Content-Type names; anything else is a 415. */
export function otlpFormat(contentType: string | undefined): OtlpFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf') return 'protobuf';
  throw new ApiError(
    415,
    'unsupported_media_type',
    `expected Content-Type: application/json or application/x-protobuf, got "${contentType ?? 'none'}"`,
  );
}

/** Reads the body's bytes, inflated when the exporter compressed it (`OTEL_EXPORTER_OTLP_COMPRESSION=gzip`). */
export async function readOtlpBody(c: Context): Promise<Uint8Array> {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  if (encoding !== 'gzip' && encoding !== 'deflate') {
    throw new ApiError(
      415,
      'unsupported_encoding',
      `expected Content-Encoding gzip, deflate or none, got "${encoding}"`,
    );
  }
  try {
    return new Uint8Array(await DECOMPRESS[encoding](raw, { maxOutputLength: MAX_INFLATED_BYTES }));
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new ApiError(413, 'payload_too_large', `the body inflates past ${MAX_INFLATED_BYTES} bytes`, {
        cause,
      });
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(400, 'invalid_encoding', `the body is not valid ${encoding}: ${detail}`, { cause });
  }
}

/** Parses a JSON body's bytes; malformed JSON is a 400 saying where it broke. */
export function parseJsonBytes(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${detail}`, {
      issues: [{ index: null, path: '', message: detail }],
    });
  }
}
