import { emptyTokenUsage, type TokenUsage } from './token-usage';

/** Test support: the successful normalization result with the given token fields and zero elsewhere. */
export function normalizedUsage(fields: Partial<TokenUsage>): { ok: true; usage: TokenUsage } {
  return { ok: true, usage: { ...emptyTokenUsage(), ...fields } };
}
