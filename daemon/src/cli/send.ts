import { z } from 'zod';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import { type CliDaemonClient, describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { wireEventsFrom } from './event-body';
import { type CliIo, EXIT } from './io';
import { fail, writeJson } from './output';
import { readAllText } from './streams';
import { usageError } from './usage';

const COUNT_FLAGS = [
  ['input', 'input_tokens'],
  ['output', 'output_tokens'],
  ['cache-read', 'cache_read_input_tokens'],
  ['cache-write', 'cache_creation_input_tokens'],
  ['reasoning', 'reasoning_tokens'],
  ['duration', 'duration_ms'],
] as const;
const LABEL_FLAGS = [
  ['provider', 'provider'],
  ['agent', 'agent'],
  ['project', 'project'],
  ['session', 'session_id'],
  ['source', 'source'],
  ['tool', 'tool'],
  ['id', 'id'],
] as const;

type FlagName = (typeof COUNT_FLAGS)[number][0] | (typeof LABEL_FLAGS)[number][0] | 'model' | 'cost' | 'ts';
type Flags = Partial<Record<FlagName, string>>;

const integer = z.string().regex(/^\d+$/).transform(Number);
const usd = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number);

/** The event the flags describe, or the flag that is malformed. The daemon validates the rest. */
function eventFromFlags(
  flags: Flags,
): { ok: true; event: Record<string, unknown> } | { ok: false; message: string } {
  if (flags.model === undefined)
    return { ok: false, message: "missing --model (or pass a JSON event with 'send -')" };
  const event: Record<string, unknown> = { model: flags.model };
  for (const [flag, field] of COUNT_FLAGS) {
    const text = flags[flag];
    if (text === undefined) continue;
    const parsed = integer.safeParse(text);
    if (!parsed.success) return { ok: false, message: `--${flag} expects a whole number; got '${text}'` };
    event[field] = parsed.data;
  }
  for (const [flag, field] of LABEL_FLAGS) {
    const text = flags[flag];
    if (text !== undefined) event[field] = text;
  }
  if (flags.cost !== undefined) {
    const parsed = usd.safeParse(flags.cost);
    if (!parsed.success)
      return { ok: false, message: `--cost expects an amount in USD like 0.0123; got '${flags.cost}'` };
    event.cost_usd = parsed.data;
  }
  if (flags.ts !== undefined) event.ts = /^\d+$/.test(flags.ts) ? Number(flags.ts) : flags.ts;
  event.source ??= 'cli';
  return { ok: true, event };
}

function describeResult(result: IngestResult): string {
  const { accepted, duplicates, first_seq: first, last_seq: last } = result;
  const seqs = first === null ? '' : first === last ? ` (seq ${first})` : ` (seq ${first}..${last ?? first})`;
  const stored = `stored ${accepted} event${accepted === 1 ? '' : 's'}${seqs}`;
  return duplicates === 0
    ? stored
    : `${stored}; ${duplicates} duplicate${duplicates === 1 ? '' : 's'} already stored`;
}

async function post(io: CliIo, client: CliDaemonClient, body: unknown, json: boolean): Promise<number> {
  const checked = wireEventsFrom(body);
  if (!checked.ok) return fail(io, `invalid event: ${checked.message}`, EXIT.failure);
  const result = await client.postEvents(checked.events);
  if (!result.ok) return fail(io, describeError(result.error, client.baseUrl), EXIT.failure);
  if (json) writeJson(io.stdout, result.value);
  else io.stdout.write(`${describeResult(result.value)}\n`);
  return EXIT.ok;
}

/** `tokentally send`: posts one event built from flags, or the JSON on stdin with `send -`. */
export const sendCommand = defineCommand({
  name: 'send',
  summary: 'post one usage event from the shell (flags, or JSON on stdin with -)',
  help: `Usage: tokentally send --model MODEL [--input N] [--output N] [options]
       tokentally send -          read one event, an array, or {"events": [...]} as JSON from stdin

Posts usage to the daemon (POST /v1/events). The cost is computed from the model's price unless --cost is given.

Options:
  --model MODEL        model name, e.g. gpt-4o or claude-sonnet-4-5 (required without -)
  --input N            input tokens, excluding cache reads and writes
  --output N           output tokens, including reasoning
  --cache-read N       cache-read input tokens
  --cache-write N      cache-write input tokens
  --reasoning N        the part of --output spent reasoning
  --cost USD           the cost as reported; skips pricing
  --provider NAME      provider (inferred from the model when absent)
  --agent NAME         agent; '/' separates levels, e.g. main/researcher
  --project NAME       project
  --session ID         session id
  --tool NAME          tool
  --source NAME        who reported it (default cli)
  --duration MS        request duration in milliseconds
  --id ID              idempotency key: re-sending the same id stores nothing
  --ts TIME            RFC 3339 time or epoch milliseconds (default now)
  --json               print the daemon's answer as JSON
  -h, --help           show this help

Examples:
  tokentally send --model gpt-4o --input 1200 --output 300 --agent main --project website
  echo '{"model":"claude-sonnet-4-5","input_tokens":10,"output_tokens":5}' | tokentally send -`,
  options: {
    model: { type: 'string' },
    input: { type: 'string' },
    output: { type: 'string' },
    'cache-read': { type: 'string' },
    'cache-write': { type: 'string' },
    reasoning: { type: 'string' },
    cost: { type: 'string' },
    provider: { type: 'string' },
    agent: { type: 'string' },
    project: { type: 'string' },
    session: { type: 'string' },
    tool: { type: 'string' },
    source: { type: 'string' },
    duration: { type: 'string' },
    id: { type: 'string' },
    ts: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 1 },
  async run(io, { values, positionals }) {
    const [from] = positionals;
    if (from !== undefined && from !== '-')
      return usageError(io, 'send', `unexpected argument '${from}' (use - for stdin)`);
    const { json = false, help: _help, ...flags } = values;
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'send', linked.message);
    if (from === undefined) {
      const built = eventFromFlags(flags);
      if (!built.ok) return usageError(io, 'send', built.message);
      return post(io, linked.client, built.event, json);
    }
    if (Object.keys(flags).length > 0)
      return usageError(io, 'send', "'send -' takes the event from stdin; drop the other flags");
    const text = await readAllText(io.stdin);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return fail(
        io,
        `stdin is not JSON: ${error instanceof Error ? error.message : String(error)}`,
        EXIT.failure,
      );
    }
    return post(io, linked.client, body, json);
  },
});
