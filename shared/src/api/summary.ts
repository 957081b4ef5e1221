import { z } from 'zod';

/** The dimensions and time buckets a summary can be grouped by (SPEC `group_by`). */
export const groupBySchema = z.enum([
  'model',
  'provider',
  'agent',
  'project',
  'session_id',
  'source',
  'tool',
  'hour',
  'day',
  'week',
  'month',
]);
export type GroupBy = z.infer<typeof groupBySchema>;

/** The figures every summary total and group carries (SPEC `GET /v1/summary`). */
export const summaryMetricsSchema = z.object({
  requests: z.int().min(0),
  input_tokens: z.int().min(0),
  output_tokens: z.int().min(0),
  cache_creation_input_tokens: z.int().min(0),
  cache_creation_1h_input_tokens: z.int().min(0),
  cache_read_input_tokens: z.int().min(0),
  reasoning_tokens: z.int().min(0),
  total_tokens: z.int().min(0),
  cost_usd: z.number().min(0),
  unpriced_requests: z.int().min(0),
  errors: z.int().min(0),
  avg_tokens_per_request: z.number().min(0),
  avg_cost_per_request: z.number().min(0),
  cost_per_1k_tokens: z.number().min(0),
  duration_ms: z.int().min(0),
});
export type SummaryMetrics = z.infer<typeof summaryMetricsSchema>;

/** One group of a summary: its key (a model name, an agent, or a bucket start as RFC 3339) and its share of cost. */
export const summaryGroupSchema = summaryMetricsSchema.extend({
  key: z.string(),
  share_of_cost: z.number().min(0).max(1),
});
export type SummaryGroup = z.infer<typeof summaryGroupSchema>;

/** The answer of `GET /v1/summary`. */
export const summarySchema = z.object({
  totals: summaryMetricsSchema,
  groups: z.array(summaryGroupSchema),
});
export type Summary = z.infer<typeof summarySchema>;
