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

// Checked in order: the first pattern that matches the bare model name wins.
const MODEL_PREFIXES: readonly (readonly [RegExp, string])[] = [
  [
    /^(gpt-|o\d(-|$)|chatgpt|text-embedding-(3|ada)|text-(davinci|moderation)|davinci|babbage|codex|omni-moderation|whisper|tts-|dall-e|sora|computer-use)/,
    'openai',
  ],
  [/^claude/, 'anthropic'],
  [
    /^(gemini|gemma|learnlm|palm|text-bison|chat-bison|text-embedding-0|text-multilingual-embedding|imagen|veo)/,
    'google',
  ],
  [
    /^(mistral|mixtral|codestral|magistral|ministral|pixtral|devstral|voxtral|open-(mistral|mixtral|codestral))/,
    'mistral',
  ],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^(llama|meta-llama)/, 'meta'],
  [/^(command|embed-english|embed-multilingual|embed-v\d|rerank|c4ai)/, 'cohere'],
  [/^(qwen|qwq)/, 'alibaba'],
  [/^(nova|titan)/, 'amazon'],
];

// Names of providers as routers and SDKs spell them (`openai/gpt-4o`, `vertex_ai/…`, LiteLLM's `gemini/…`).
// A Map, not an object literal, so `constructor` or `toString` never resolves to a prototype member.
const PROVIDER_ALIASES: ReadonlyMap<string, string> = new Map([
  ['openai', 'openai'],
  ['azure', 'openai'],
  ['azure_openai', 'openai'],
  ['anthropic', 'anthropic'],
  ['google', 'google'],
  ['gemini', 'google'],
  ['vertex', 'google'],
  ['vertex_ai', 'google'],
  ['mistral', 'mistral'],
  ['mistralai', 'mistral'],
  ['deepseek', 'deepseek'],
  ['deepseek-ai', 'deepseek'],
  ['xai', 'xai'],
  ['x-ai', 'xai'],
  ['meta', 'meta'],
  ['meta-llama', 'meta'],
  ['cohere', 'cohere'],
  ['qwen', 'alibaba'],
]);

// Bedrock ids name the model's maker, optionally behind a cross-region profile (`us.`, `eu.`, `apac.`, `us-gov.`).
const BEDROCK_PREFIX = /^(?:[a-z-]{2,8}\.)?(anthropic|meta|amazon|mistral|cohere|deepseek)\./;

/** Strips routing prefixes (`openai/`, Bedrock's `us.anthropic.`, Vertex's `@date`) to the bare model name, lower-cased. */
export function bareModelName(model: string): string {
  let name = model.trim().toLowerCase();
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  name = name.replace(BEDROCK_PREFIX, '');
  return name.replace(/@.*$/, '');
}

/** Infers the provider from a model name (`gpt-4o` → openai, `anthropic/claude-…` → anthropic), `unknown` otherwise. */
export function inferProvider(model: string): string {
  const segments = model.trim().toLowerCase().split('/');
  const last = segments.pop() ?? '';
  const bedrock = BEDROCK_PREFIX.exec(last)?.[1];
  if (bedrock !== undefined) return bedrock;
  // The model name decides before the route does: `vertex_ai/claude-…` is Anthropic's model served by Google.
  // Fine-tuned OpenAI models are named `ft:gpt-4o-mini-…:org::id`.
  const bare = bareModelName(last).replace(/^ft:/, '');
  for (const [pattern, provider] of MODEL_PREFIXES) if (pattern.test(bare)) return provider;
  for (const segment of segments.reverse()) {
    const alias = PROVIDER_ALIASES.get(segment);
    if (alias !== undefined) return alias;
  }
  return 'unknown';
}

/** Canonical provider id for a name a user or SDK gave (`Gemini`, `vertex_ai`, `azure` …); blank becomes `unknown`. */
export function normalizeProviderName(provider: string): string {
  const lower = provider.trim().toLowerCase();
  if (lower === '') return 'unknown';
  return PROVIDER_ALIASES.get(lower) ?? lower;
}
