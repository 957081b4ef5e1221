import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { FILTER_HELP, FILTER_OPTIONS, filterParams, RANGE_HELP } from './filters';
import { EXIT } from './io';
import { fail } from './output';
import { writeChunk } from './streams';
import { timeRangeFrom } from './time-range';
import { usageError } from './usage';

const formatSchema = z.enum(['csv', 'json', 'ndjson']);

/** `tokentally export`: every stored event in a range as CSV, JSON or NDJSON, to a file or stdout. */
export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export events as CSV, JSON or NDJSON (--format, --out)',
  help: `Usage: tokentally export [--format csv|json|ndjson] [--out FILE] [--since 7d | --from TIME --to TIME] [filters]

Writes stored events, streamed from the daemon (GET /v1/export), to FILE or to stdout.
CSV has a header row; JSON is {"statistics", "events"}; NDJSON is one event per line.

Options:
  --format FORMAT      csv (default), json or ndjson
  --out FILE           write to FILE instead of stdout
${RANGE_HELP}
${FILTER_HELP}
  -h, --help           show this help

Examples:
  tokentally export --since 30d --out usage.csv
  tokentally export --format ndjson --project website | jq .cost_usd`,
  options: {
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    since: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    ...FILTER_OPTIONS,
  },
  async run(io, { values }) {
    const format = formatSchema.safeParse(values.format ?? 'csv');
    if (!format.success)
      return usageError(io, 'export', `--format expects csv, json or ndjson; got '${values.format ?? ''}'`);
    const range = timeRangeFrom(values, io.now());
    if (!range.ok) return usageError(io, 'export', range.message);
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'export', linked.message);
    const result = await linked.client.export({ ...filterParams(values, range.range), format: format.data });
    if (!result.ok) return fail(io, describeError(result.error, linked.client.baseUrl), EXIT.failure);
    const body = result.value.body;
    if (values.out !== undefined) {
      const path = resolve(io.cwd, values.out);
      const file = createWriteStream(path);
      try {
        await pipeline(body === null ? Readable.from([]) : Readable.fromWeb(body), file);
      } catch (error) {
        return fail(
          io,
          `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`,
          EXIT.failure,
        );
      }
      io.stderr.write(`exported ${format.data} to ${path} (${file.bytesWritten} bytes)\n`);
      return EXIT.ok;
    }
    if (body === null) return EXIT.ok;
    const reader = body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      // Node types fetch bodies loosely; the bytes are Uint8Array chunks.
      const chunk: unknown = read.value;
      if (chunk instanceof Uint8Array) await writeChunk(io.stdout, chunk);
    }
    return EXIT.ok;
  },
});
