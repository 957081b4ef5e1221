import { z } from 'zod';

/** The period a budget resets on, in the user's time zone; `total` never resets. */
export const budgetPeriodSchema = z.enum(['day', 'week', 'month', 'total']);
export type BudgetPeriod = z.infer<typeof budgetPeriodSchema>;

const scopeValue = z.string().min(1).max(256);

/** What a budget counts: events matching every given field (an agent scope includes its sub-agents). */
export const budgetScopeSchema = z.strictObject({
  project: scopeValue.optional(),
  agent: scopeValue.optional(),
  model: scopeValue.optional(),
  provider: scopeValue.optional(),
});
export type BudgetScope = z.infer<typeof budgetScopeSchema>;

/** A budget id as it appears in `PUT /v1/budgets/:id`. */
export const budgetIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, { error: 'expected 1..64 characters of A-Z a-z 0-9 . _ : -' })
  // Budget ids key plain-object records (the extension's alert state), where these names are not own keys.
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), { error: 'reserved id' });

/** The body of `PUT /v1/budgets/:id` (the id comes from the path); `warn_at` defaults to 0.9. */
export const budgetInputSchema = z.strictObject({
  id: budgetIdSchema.optional(),
  name: z.string().min(1).max(200).optional(),
  period: budgetPeriodSchema,
  limit_usd: z.number({ error: 'expected a number' }).positive({ error: 'expected a number > 0' }).max(1e9),
  warn_at: z.number({ error: 'expected a number' }).min(0).max(1).default(0.9),
  scope: budgetScopeSchema.default({}),
});
export type BudgetInput = z.input<typeof budgetInputSchema>;

/** A stored budget, as `GET /v1/budgets` returns it. */
export const budgetSchema = z.strictObject({
  id: budgetIdSchema,
  name: z.string(),
  period: budgetPeriodSchema,
  limit_usd: z.number().positive(),
  warn_at: z.number().min(0).max(1),
  scope: budgetScopeSchema,
});
export type Budget = z.infer<typeof budgetSchema>;

/** ok below `warn_at`, warning from it, exceeded once spend reaches the limit (nothing is left to spend). */
export const budgetLevelSchema = z.enum(['ok', 'warning', 'exceeded']);
export type BudgetLevel = z.infer<typeof budgetLevelSchema>;

/** One budget's standing in its current period. Period bounds are RFC 3339; `total` has a null end. */
export const budgetStatusEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  period: budgetPeriodSchema,
  spent_usd: z.number().min(0),
  limit_usd: z.number().positive(),
  utilization: z.number().min(0),
  status: budgetLevelSchema,
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  projected_usd: z.number().min(0),
});
export type BudgetStatusEntry = z.infer<typeof budgetStatusEntrySchema>;

/** The answer of `GET /v1/budgets/status`: the worst level and each budget. */
export const budgetStatusSchema = z.object({
  status: budgetLevelSchema,
  budgets: z.array(budgetStatusEntrySchema),
});
export type BudgetStatus = z.infer<typeof budgetStatusSchema>;
