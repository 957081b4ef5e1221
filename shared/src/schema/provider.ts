/** Providers tokentally knows by name; any other non-empty string is kept as given. */
export const KNOWN_PROVIDERS = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'deepseek',
  'xai',
  'meta',
  'cohere',
  'alibaba',
  'amazon',
  'groq',
  'unknown',
] as const;

// Checked in order: the first prefix that matches the bare model name wins.
const MODEL_PREFIXES: readonly (readonly [RegExp, string])[] = [
  [/^(gpt-|o\d(-|$)|chatgpt|text-embedding|davinci|babbage|codex|omni-moderation|whisper|tts-|dall-e)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma|learnlm|palm|text-bison|chat-bison)/, 'google'],
  [/^(mistral|mixtral|codestral|magistral|ministral|pixtral|devstral|open-mistral|voxtral)/, 'mistral'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^(llama|meta-llama)/, 'meta'],
  [/^(command|embed-english|embed-multilingual|c4ai)/, 'cohere'],
  [/^(qwen|qwq)/, 'alibaba'],
  [/^(nova|titan)/, 'amazon'],
];

// Routing prefixes whose first segment names a provider (`openai/gpt-4o`, `vertex_ai/gemini-2.5-pro`).
const PREFIX_ALIASES: Readonly<Record<string, string>> = {
  openai: 'openai',
  azure: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  gemini: 'google',
  vertex_ai: 'google',
  mistral: 'mistral',
  mistralai: 'mistral',
  deepseek: 'deepseek',
  xai: 'xai',
  'x-ai': 'xai',
  meta: 'meta',
  'meta-llama': 'meta',
  cohere: 'cohere',
  qwen: 'alibaba',
};

/** Strips routing prefixes (`openai/`, Bedrock's `us.anthropic.`, Vertex's `@date`) to the bare model name, lower-cased. */
export function bareModelName(model: string): string {
  let name = model.trim().toLowerCase();
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  name = name.replace(/^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|amazon|mistral|cohere|deepseek)\./, '');
  return name.replace(/@.*$/, '');
}

/** Infers the provider from a model name (`gpt-4o` → openai, `anthropic/claude-…` → anthropic), `unknown` otherwise. */
export function inferProvider(model: string): string {
  const lower = model.trim().toLowerCase();
  const slash = lower.indexOf('/');
  if (slash > 0) {
    const alias = PREFIX_ALIASES[lower.slice(0, slash)];
    if (alias !== undefined) return alias;
  }
  const bedrock = /^(?:(?:us|eu|apac|global)\.)?(anthropic|meta|amazon|mistral|cohere|deepseek)\./.exec(lower);
  if (bedrock?.[1] !== undefined) return bedrock[1];
  const bare = bareModelName(lower);
  for (const [pattern, provider] of MODEL_PREFIXES) if (pattern.test(bare)) return provider;
  return 'unknown';
}

/** Canonical provider id for a name a user or SDK gave (`Gemini`, `vertex_ai`, `azure` …). */
export function normalizeProviderName(provider: string): string {
  const lower = provider.trim().toLowerCase();
  return PREFIX_ALIASES[lower] ?? (lower === 'vertex' ? 'google' : lower);
}
