import { inferProvider } from '@tokentally/shared/schema/provider';
import { stringAttribute } from './span-attributes';
import type { Attributes } from './trace-request';

/** Where the provider is read from: the GenAI conventions (current, then deprecated), then OpenInference. */
export const PROVIDER_ATTRIBUTES = [
  'gen_ai.provider.name',
  'gen_ai.system',
  'llm.provider',
  'llm.system',
] as const;

// Platforms that serve many makers' models (Bedrock, Vertex, Azure AI Inference): the model name tells the maker,
// whose prices apply, so the daemon infers the provider from it.
const MULTI_MAKER_PLATFORMS = new Set([
  'aws.bedrock',
  'aws',
  'bedrock',
  'azure.ai.inference',
  'az.ai.inference',
  'gcp.vertex_ai',
  'vertex_ai',
  'vertexai',
  'gcp.gen_ai',
  '_other',
]);

// The conventions' spellings of providers tokentally names otherwise; the rest pass through to the daemon's own
// normalization (`Gemini`, `azure`, `mistralai`...).
const CONVENTION_NAMES: ReadonlyMap<string, string> = new Map([
  ['azure.ai.openai', 'openai'],
  ['az.ai.openai', 'openai'],
  ['gcp.gemini', 'google'],
  ['mistral_ai', 'mistral'],
  ['x_ai', 'xai'],
]);

/**
 * The provider a span names, mapped to tokentally's names, or undefined to let the daemon infer it from the model.
 * OpenAI-compatible clients report `openai` for every model they reach (the conventions say so), so `openai`
 * with a model another maker's name is left to inference too.
 */
export function spanProvider(sources: readonly Attributes[], model: string): string | undefined {
  const named = stringAttribute(sources, PROVIDER_ATTRIBUTES)?.toLowerCase();
  if (named === undefined || MULTI_MAKER_PLATFORMS.has(named)) return undefined;
  const provider = CONVENTION_NAMES.get(named) ?? named;
  const inferred = inferProvider(model);
  if (provider === 'openai' && inferred !== 'openai' && inferred !== 'unknown') return undefined;
  return provider;
}
