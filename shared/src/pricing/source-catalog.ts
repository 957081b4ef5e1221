import { findProvider } from '@pydantic/genai-prices';
import type { MatchLogic, ModelInfo, Provider } from '@pydantic/genai-prices';
import { dashDates, nameCandidates } from './model-names';
import type { NameCandidate } from './model-names';

/** A model found in genai-prices' bundled catalog, with the provider whose list it came from. */
export interface SourceMatch {
  readonly model: ModelInfo;
  readonly providerId: string;
}

// Model makers, searched when neither the caller nor the name says who serves a model. Hosts and resellers
// (aws, azure, openrouter, groq, together ...) are searched only when named, since their prices differ and
// an open model served by many hosts has no single price.
const MODEL_MAKERS = [
  'anthropic',
  'openai',
  'google',
  'mistral',
  'deepseek',
  'x-ai',
  'cohere',
  'moonshotai',
  'zai',
  'minimax',
  'perplexity',
  'voyageai',
] as const;

const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

/** Whether a genai-prices match rule accepts a lower-cased model name (its own semantics, regexes cached). */
export function matchesRule(rule: MatchLogic, name: string): boolean {
  if ('or' in rule) return rule.or.some((inner) => matchesRule(inner, name));
  if ('and' in rule) return rule.and.every((inner) => matchesRule(inner, name));
  if ('equals' in rule) return name === rule.equals.toLowerCase();
  if ('starts_with' in rule) return name.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return name.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return name.includes(rule.contains.toLowerCase());
  return regex(rule.regex).test(name);
}

// As genai-prices does: the provider's own list first, then the lists it falls back on, then the same with
// dates dashed.
function findIn(provider: Provider, name: string): SourceMatch | undefined {
  for (const spelling of new Set([name, dashDates(name)])) {
    const own = provider.models.find((model) => matchesRule(model.match, spelling));
    if (own !== undefined) return { model: own, providerId: provider.id };
    for (const fallbackId of provider.fallback_model_providers ?? []) {
      const fallback = findProvider({ providerId: fallbackId });
      const model = fallback?.models.find((candidate) => matchesRule(candidate.match, spelling));
      if (fallback !== undefined && model !== undefined) return { model, providerId: fallback.id };
    }
  }
  return undefined;
}

// Providers to search, in order, each with the spellings to try there.
function* searchPlan(
  candidates: readonly NameCandidate[],
  providerHint: string | undefined,
): Generator<[Provider | undefined, readonly string[]]> {
  const names = candidates.map((candidate) => candidate.name);
  if (providerHint !== undefined) yield [findProvider({ providerId: providerHint }), names];
  for (const { name, provider } of candidates) {
    if (provider !== undefined) yield [findProvider({ providerId: provider }), [name]];
  }
  for (const { name } of candidates) yield [findProvider({ modelId: name }), [name]];
  for (const maker of MODEL_MAKERS) yield [findProvider({ providerId: maker }), names];
}

/**
 * Finds a model in genai-prices' bundled data: first with the provider the caller names (`aws`, `google`,
 * `openrouter` ...), then the one the name's prefix names, then the maker its name suggests, then every maker.
 */
export function findSourceModel(model: string, providerHint?: string): SourceMatch | undefined {
  const tried = new Set<string>();
  for (const [provider, names] of searchPlan(nameCandidates(model), providerHint?.trim().toLowerCase())) {
    if (provider === undefined) continue;
    for (const name of names) {
      const key = `${provider.id}\u0000${name}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const found = findIn(provider, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
