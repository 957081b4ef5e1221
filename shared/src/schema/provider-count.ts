import { tokenCountSchema } from './token-usage';

// Provider usage objects evolve (new detail fields appear), so their schemas keep unknown keys rather than reject
// them; the counts read are still validated. Providers send `null` for absent details, and Gemini omits zeros.
/** A token count inside a provider's usage object: validated like ours, but may be null or absent. */
export const providerCountSchema = tokenCountSchema.nullish();

/** A provider count that may be null or absent, as a number. */
export function countOf(value: number | null | undefined): number {
  return value ?? 0;
}

/** For `refine({ when })`: compare counts only once each is valid, so a bad count is reported once, by itself. */
export function countsAreValid(payload: { issues: readonly unknown[] }): boolean {
  return payload.issues.length === 0;
}
