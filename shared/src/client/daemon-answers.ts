import { z } from 'zod';
import { budgetSchema, budgetStatusEntrySchema } from '../api/budget';
import { modelPriceSchema, tokenRatesSchema } from '../pricing/model-price';

// SPEC names these answers but shared/src/api/ does not define them yet; they live here until it does.

/** The answer of `GET /healthz`: liveness, the daemon's version and how many events it stores. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  events: z.int().min(0),
  db_path: z.string().optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** The answer of `GET /v1/budgets`. */
export const budgetListSchema = z.object({ budgets: z.array(budgetSchema) });

/** What `GET /v1/budgets/check` tells: spending may go on, or this budget is exceeded (a 402). */
export type BudgetCheck = { ok: true } | { ok: false; budget: z.infer<typeof budgetStatusEntrySchema> };

/** The body of a 402 from `GET /v1/budgets/check`: it names the exceeded budget (and may carry an error too). */
export const budgetExceededSchema = z.looseObject({ budget: budgetStatusEntrySchema });

/** A stored price override as the daemon answers it: the body converted to USD per million tokens. */
export const storedPriceOverrideSchema = tokenRatesSchema;
export type StoredPriceOverride = z.infer<typeof storedPriceOverrideSchema>;

/** One stored override as listed by `GET /v1/pricing`: the model key and its rates per million tokens. */
export const listedPriceOverrideSchema = storedPriceOverrideSchema.extend({ model: z.string() });
export type ListedPriceOverride = z.infer<typeof listedPriceOverrideSchema>;

/** The answer of `GET /v1/pricing[?model=M]`: the overrides, and with `model` its resolved price (null: unpriced). */
export const pricingSchema = z.object({
  model: z.string().optional(),
  price: modelPriceSchema.nullable().optional(),
  overrides: z.array(listedPriceOverrideSchema),
});
export type Pricing = z.infer<typeof pricingSchema>;

/** One chat message to count tokens for. */
export interface ChatMessage {
  role: string;
  content: string;
}

/** The body of `POST /v1/tokens/count`: `text` or `messages`, with a `model` or an `encoding`. */
export type CountTokensBody = ({ text: string } | { messages: readonly ChatMessage[] }) & {
  model?: string;
  encoding?: string;
};

/** The answer of `POST /v1/tokens/count`; `exact` is false when the model's tokenizer is approximated. */
export const tokenCountAnswerSchema = z.object({
  tokens: z.int().min(0),
  encoding: z.string(),
  exact: z.boolean(),
});
export type TokenCount = z.infer<typeof tokenCountAnswerSchema>;

/** The answer of `POST /v1/traces` (OTLP/HTTP JSON): empty, or a partial success. */
export const otlpExportAnswerSchema = z.looseObject({
  partialSuccess: z.looseObject({ rejectedSpans: z.union([z.int(), z.string()]).optional() }).optional(),
});
export type OtlpExportAnswer = z.infer<typeof otlpExportAnswerSchema>;
