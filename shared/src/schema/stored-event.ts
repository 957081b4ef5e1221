import { z } from 'zod';
import { tokenCountSchema } from './token-usage';

/** How an event's cost was obtained: reported by the agent, computed from prices, or no price known. */
export const costSourceSchema = z.enum(['reported', 'computed', 'unpriced']);
export type CostSource = z.infer<typeof costSourceSchema>;

const label = z.string().nullable();

/**
 * An event as the daemon stores and returns it: the sent fields, normalized, plus `seq`, `received_at`,
 * `total_tokens`, `cost_usd` (null when unpriced) and `cost_source`. Absent optional labels are null.
 * Validated wherever stored events cross a boundary (the extension's sync, the CLI).
 */
export const storedEventSchema = z.strictObject({
  seq: z.int().positive(),
  id: z.string().min(1),
  ts: z.iso.datetime({ offset: true }),
  received_at: z.iso.datetime({ offset: true }),
  model: z.string(),
  provider: z.string(),
  input_tokens: tokenCountSchema,
  output_tokens: tokenCountSchema,
  cache_creation_input_tokens: tokenCountSchema,
  cache_creation_1h_input_tokens: tokenCountSchema,
  cache_read_input_tokens: tokenCountSchema,
  reasoning_tokens: tokenCountSchema,
  total_tokens: z.int().min(0),
  cost_usd: z.number().min(0).nullable(),
  cost_source: costSourceSchema,
  agent: label,
  session_id: label,
  project: label,
  tool: label,
  request_id: label,
  source: z.string(),
  duration_ms: z.int().min(0).nullable(),
  status: z.enum(['ok', 'error']),
  error: label,
  tags: z.record(z.string(), z.string()),
});

export type StoredEvent = z.infer<typeof storedEventSchema>;
