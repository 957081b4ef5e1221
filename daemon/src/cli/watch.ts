import { z } from 'zod';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { formatBudgetLine, formatEventLine } from './event-line';
import { EXIT } from './io';
import { colorsFor, fail } from './output';
import { usageError } from './usage';

const seqSchema = z.string().regex(/^\d+$/).transform(Number);

/** `tokentally watch`: prints each event as the daemon stores it, until Ctrl-C. */
export const watchCommand = defineCommand({
  name: 'watch',
  summary: 'live tail: one line per event as it is stored (Ctrl-C to stop)',
  help: `Usage: tokentally watch [--after SEQ] [--json]

Follows the daemon's live stream (/v1/stream) and prints one line per stored event:
  time (UTC)  #seq  model  input  output  cache read/write  cost  agent  project
and a line whenever a budget's status changes. Stops on Ctrl-C (exit 0); exits 1 if the daemon goes away.

Options:
  --after SEQ   first replay the events stored after SEQ (0: everything)
  --json        print each stream message as one JSON line (NDJSON)
  -h, --help    show this help`,
  options: { after: { type: 'string' }, json: { type: 'boolean' } },
  async run(io, { values }) {
    const after = values.after === undefined ? undefined : seqSchema.safeParse(values.after);
    if (after?.success === false)
      return usageError(io, 'watch', `--after expects a seq number; got '${values.after ?? ''}'`);
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'watch', linked.message);
    const { client } = linked;
    // Asking for health first turns "nothing listening" into the same message every command gives.
    const health = await client.health();
    if (!health.ok) return fail(io, describeError(health.error, client.baseUrl), EXIT.failure);
    const c = colorsFor(io.stdout, io.env);
    const json = values.json === true;
    const stream = client.stream({
      after: after?.data,
      signal: io.signal,
      onOpen: () => io.stderr.write(c.dim(`watching ${client.baseUrl} (Ctrl-C to stop)\n`)),
      onMessage: (message) => {
        if (json) io.stdout.write(`${JSON.stringify(message)}\n`);
        else if (message.type === 'event') io.stdout.write(`${formatEventLine(message.event, c)}\n`);
        else if (message.type === 'budget') io.stdout.write(`${formatBudgetLine(message.status, c)}\n`);
      },
      onInvalid: (error) => io.stderr.write(`tokentally: skipped a stream message: ${error.message}\n`),
    });
    const closed = await stream.closed;
    if (io.signal.aborted) return EXIT.ok;
    return fail(
      io,
      `the stream closed (${closed.code}${closed.reason === '' ? '' : ` ${closed.reason}`})`,
      EXIT.failure,
    );
  },
});
