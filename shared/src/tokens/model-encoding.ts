import type { EncodingName } from './encoding-name';

/** Which encoding counts a model's tokens, and whether that count is the model's own. */
export interface ModelEncoding {
  encoding: EncodingName;
  exact: boolean;
}

// Families by name prefix, so dated snapshots (`gpt-4o-2024-08-06`) and variants (`-mini`, `-nano`, `-pro`,
// `-search-preview`, `-codex`) follow their family without a list to keep up.
const O200K = [
  /^gpt-4o/,
  /^chatgpt-4o/,
  /^gpt-4\.1/,
  /^gpt-4\.5/,
  /^gpt-5/,
  /^o[134](-|$)/,
  /^gpt-oss/,
  /^codex-mini/,
  /^gpt-realtime/,
  /^gpt-audio/,
  /^omni-moderation/,
];
const CL100K = [
  /^gpt-4(-|$)/,
  /^gpt-3\.5-turbo/,
  /^gpt-35-turbo/,
  /^text-embedding-ada-002/,
  /^text-embedding-3-/,
];

/**
 * The bare model id: lower case, without provider prefixes (`openai/`, `azure/openai/`), a Bedrock-style
 * `openai.` prefix, a fine-tune wrapper (`ft:gpt-4o-mini:org::id`) or a router suffix (`:free`).
 */
export function bareModelName(model: string): string {
  let name = model.trim().toLowerCase();
  if (name.startsWith('ft:')) name = name.slice(3);
  name = name.slice(name.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  if (name.startsWith('openai.')) name = name.slice('openai.'.length);
  return name;
}

/**
 * The encoding for a model. OpenAI models count exactly with their own encoding. Other models (Claude,
 * Gemini, Llama, ...) publish no tokenizer usable here, so their count is an estimate (`exact: false`) made
 * with o200k_base as the proxy: a large modern vocabulary whose counts come near theirs for prose and code
 * without matching them, and stay the same for the same text.
 */
export function encodingForModel(model: string): ModelEncoding {
  const name = bareModelName(model);
  if (O200K.some((family) => family.test(name))) return { encoding: 'o200k_base', exact: true };
  if (CL100K.some((family) => family.test(name))) return { encoding: 'cl100k_base', exact: true };
  return { encoding: 'o200k_base', exact: false };
}
