/** One spelling of a model name to look up, with the provider its prefix names, if any. */
export interface NameCandidate {
  readonly name: string;
  readonly provider: string | undefined;
}

// Bedrock model ids: optional inference-profile region, then the vendor, then the model and its version
// (`us.anthropic.claude-sonnet-4-20250514-v1:0`, `anthropic.claude-3-5-sonnet-20240620-v1:0`, `meta.llama3-70b-instruct-v1:0`).
const BEDROCK_ID =
  /^(?:(?:us|eu|apac|au|jp|ca|us-gov|global)\.)?(anthropic|meta|amazon|mistral|cohere|ai21|deepseek|openai|qwen|writer)\.(.+)$/;

// A trailing release date (`-20250514`, `-2024-08-06`) or `-latest`: dropped only to match overrides.
const RELEASE_SUFFIX = /-(?:\d{8}|\d{4}-\d{2}-\d{2}|latest)$/;

// genai-prices writes some dates with dashes (`-2024-08-06`) where callers send them bare (`-20240806`).
const COMPACT_DATE = /-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

/** The same name with compact dates dashed (`gpt-4o-20240806` → `gpt-4o-2024-08-06`), as genai-prices retries. */
export function dashDates(name: string): string {
  return name.replace(COMPACT_DATE, '-$1-$2-$3');
}

function bedrockVersions(model: string): string[] {
  const noColon = model.replace(/:\d+$/, '');
  return [noColon.replace(/-v\d+$/, ''), noColon, model];
}

/**
 * Spellings of a model name to try, most literal first: lower-cased as given, then without routing prefixes
 * (`openai/`, `vertex_ai/`, `openrouter/anthropic/`), Bedrock's region, vendor and version
 * (`us.anthropic.…-v1:0`) and Vertex's `@date` (`claude-sonnet-4@20250514` → `claude-sonnet-4-20250514`).
 */
export function nameCandidates(model: string): NameCandidate[] {
  const found = new Map<string, NameCandidate>();
  const visit = (name: string, provider: string | undefined): void => {
    if (name === '') return;
    const key = `${provider ?? ''}\u0000${name}`;
    if (found.has(key)) return;
    found.set(key, { name, provider });
    const slash = name.indexOf('/');
    if (slash > 0) visit(name.slice(slash + 1), name.slice(0, slash));
    const bedrock = BEDROCK_ID.exec(name);
    if (bedrock?.[1] !== undefined && bedrock[2] !== undefined) {
      visit(name, 'aws');
      for (const bare of bedrockVersions(bedrock[2])) visit(bare, bedrock[1]);
    }
    if (name.includes('@')) visit(name.replace('@', '-'), provider);
  };
  visit(model.trim().toLowerCase(), undefined);
  return [...found.values()];
}

/** Keys an override may be stored under for this model, best first: as given, unprefixed, then undated. */
export function overrideKeys(model: string): string[] {
  const names = nameCandidates(model).map((candidate) => candidate.name);
  const undated = names.map((name) => name.replace(RELEASE_SUFFIX, ''));
  return [...new Set([...names, ...undated])];
}

/** The form an override key is stored and compared in. */
export function normalizeOverrideKey(model: string): string {
  return model.trim().toLowerCase();
}
