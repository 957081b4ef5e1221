import { z } from 'zod';
import { tokenCountSchema, type TokenUsage } from './token-usage';

const text = (max: number) =>
  z
    .string({ error: 'expected a string' })
    .min(1, { error: 'expected a non-empty string' })
    .max(max, { error: `expected at most ${max} characters` });

/** The idempotency key an event may carry: 1..128 of `[A-Za-z0-9._:-]`. */
export const eventIdSchema = z
  .string({ error: 'expected a string' })
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, { error: 'expected 1..128 characters of A-Z a-z 0-9 . _ : -' });

// Each branch carries the message too: a union whose only type-matching branch fails reports that branch's issue.
const TIME_MESSAGE = 'expected an RFC 3339 date-time with a time zone, or integer epoch milliseconds';

/** An event time as sent: an RFC 3339 string with a zone, or integer epoch milliseconds. */
export const eventTimeSchema = z.union(
  [
    z.iso.datetime({ offset: true, local: false, error: TIME_MESSAGE }),
    z.int({ error: TIME_MESSAGE }).min(0, { error: TIME_MESSAGE }),
  ],
  { error: TIME_MESSAGE },
);

const optionalCount = tokenCountSchema.optional();

/** One usage event as an agent sends it (SPEC section 1). Unknown fields are errors. */
export const usageEventWireSchema = z.strictObject(
  {
    model: text(200),
    id: eventIdSchema.optional(),
    ts: eventTimeSchema.optional(),
    provider: text(64).optional(),
    input_tokens: optionalCount,
    output_tokens: optionalCount,
    cache_creation_input_tokens: optionalCount,
    cache_creation_1h_input_tokens: optionalCount,
    cache_read_input_tokens: optionalCount,
    reasoning_tokens: optionalCount,
    cost_usd: z
      .number({ error: 'expected a number' })
      .min(0, { error: 'expected a number >= 0' })
      .max(1_000_000, { error: 'expected at most 1000000' })
      .optional(),
    agent: text(256).optional(),
    session_id: text(256).optional(),
    project: text(256).optional(),
    tool: text(256).optional(),
    request_id: text(256).optional(),
    source: text(64).optional(),
    duration_ms: z
      .int({
        error: (issue) =>
          issue.code === 'too_big'
            ? 'expected at most one year in milliseconds'
            : 'expected a non-negative integer',
      })
      .min(0, { error: 'expected a non-negative integer' })
      .max(31_536_000_000, { error: 'expected at most one year in milliseconds' })
      .optional(),
    status: z.enum(['ok', 'error'], { error: 'expected "ok" or "error"' }).optional(),
    error: z
      .string({ error: 'expected a string' })
      .max(2000, { error: 'expected at most 2000 characters' })
      .optional(),
    tags: z
      .record(
        text(64),
        z.string({ error: 'expected a string' }).max(256, { error: 'expected at most 256 characters' }),
        {
          error: 'expected an object of string to string',
        },
      )
      .refine((tags) => Object.keys(tags).length <= 32, { error: 'expected at most 32 keys' })
      .optional(),
    usage: z.record(z.string(), z.unknown(), { error: 'expected an object' }).optional(),
  },
  { error: 'expected an event object' },
);

export type UsageEventWire = z.input<typeof usageEventWireSchema>;

type WireOutput = z.output<typeof usageEventWireSchema>;

/** A validated, normalized event, ready to be priced and stored. `ts` is epoch milliseconds. */
export type UsageEvent = Omit<
  WireOutput,
  'usage' | 'ts' | 'provider' | 'source' | 'status' | keyof TokenUsage
> &
  TokenUsage & { ts: number; provider: string; source: string; status: 'ok' | 'error' };

/** The optional string fields an event may carry, in the order the export and stored event list them. */
export const EVENT_LABEL_FIELDS = ['agent', 'session_id', 'project', 'tool', 'request_id'] as const;
