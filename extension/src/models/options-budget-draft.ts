import {
  type Budget,
  budgetIdSchema,
  type BudgetInput,
  budgetInputSchema,
  type BudgetPeriod,
  budgetPeriodSchema,
} from '@tokentally/shared/api/budget';

/** The budget form as typed. */
export interface BudgetDraft {
  id: string;
  name: string;
  period: BudgetPeriod;
  limit_usd: string;
  warn_at_percent: string;
  project: string;
  agent: string;
  model: string;
  provider: string;
}

/** An empty form for a new budget: daily, warning at 90 %. */
export function newBudgetDraft(): BudgetDraft {
  return {
    id: '',
    name: '',
    period: 'day',
    limit_usd: '',
    warn_at_percent: '90',
    project: '',
    agent: '',
    model: '',
    provider: '',
  };
}

/** The form of an existing budget. */
export function draftOf(budget: Budget): BudgetDraft {
  return {
    id: budget.id,
    name: budget.name,
    period: budget.period,
    limit_usd: String(budget.limit_usd),
    warn_at_percent: String(Math.round(budget.warn_at * 1000) / 10),
    project: budget.scope.project ?? '',
    agent: budget.scope.agent ?? '',
    model: budget.scope.model ?? '',
    provider: budget.scope.provider ?? '',
  };
}

/** The draft with one field changed as typed (a period that is not one is ignored). */
export function withBudgetField(draft: BudgetDraft, field: keyof BudgetDraft, value: string): BudgetDraft {
  if (field !== 'period') return { ...draft, [field]: value };
  const period = budgetPeriodSchema.safeParse(value);
  return period.success ? { ...draft, period: period.data } : draft;
}

/** A budget id from its name when none is given: `Daily OpenAI` → `daily-openai`. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

const FIELD_LABELS: Partial<Record<string, string>> = {
  name: 'Name',
  period: 'Period',
  limit_usd: 'Limit (USD)',
  scope: 'Scope',
};

const numberOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** A draft checked for `PUT /v1/budgets/:id`: the id and body, or what is wrong, field by field. */
export type DraftCheck = { ok: true; id: string; body: BudgetInput } | { ok: false; issues: string[] };

/** Checks a draft with the same schema the daemon uses. */
export function checkBudgetDraft(draft: BudgetDraft): DraftCheck {
  const id = draft.id.trim() === '' ? idFromName(draft.name) : draft.id.trim();
  const scopeEntries = (['project', 'agent', 'model', 'provider'] as const)
    .map((key) => [key, draft[key].trim()] as const)
    .filter(([, value]) => value !== '');
  const body = {
    name: draft.name.trim() === '' ? undefined : draft.name.trim(),
    period: draft.period,
    limit_usd: numberOrNaN(draft.limit_usd),
    warn_at: numberOrNaN(draft.warn_at_percent) / 100,
    scope: Object.fromEntries(scopeEntries),
  };
  const issues: string[] = [];
  const warnAt = numberOrNaN(draft.warn_at_percent);
  if (!(warnAt >= 0 && warnAt <= 100)) issues.push('Warn at (%): expected a number from 0 to 100');
  const idCheck = budgetIdSchema.safeParse(id);
  if (!idCheck.success)
    issues.push(id === '' ? 'ID: give a name or an ID' : `ID: ${idCheck.error.issues[0]?.message ?? ''}`);
  const bodyCheck = budgetInputSchema.safeParse(body);
  if (!bodyCheck.success) {
    for (const issue of bodyCheck.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field !== 'warn_at') issues.push(`${FIELD_LABELS[field] ?? field}: ${issue.message}`);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, id, body };
}
