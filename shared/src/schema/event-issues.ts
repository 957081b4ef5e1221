import type { z } from 'zod';

/** One problem with a sent event: which event (null for the body as a whole), which field, and why. */
export interface EventIssue {
  index: number | null;
  path: string;
  message: string;
}

/** Renders a path like `tags.team` or `usage.prompt_tokens_details.cached_tokens`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      // An empty key is shown as `""` so `tags.""` does not read as a path cut short.
      .map((part) => (typeof part === 'number' ? `[${part}]` : part === '' ? '""' : String(part)))
      .join('.')
      .replace(/\.\[/g, '[')
  );
}

// zod keeps `input` on an issue only when parsing with `{ reportInput: true }`; without it a missing field cannot be
// told from a wrong one, so the schema's own message stands.
const isMissing = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;

function messageOf(issue: z.core.$ZodIssue): string {
  if (isMissing(issue)) return 'required';
  // A record key's own message (`expected at most 64 characters`) says more than zod's "Invalid key in record".
  if (issue.code === 'invalid_key') return `invalid key (${issue.issues[0]?.message ?? issue.message})`;
  return issue.message;
}

/**
 * Parses `input`, and a failure a second time with `reportInput` (which `issuesFromZod` needs to tell a missing
 * field): it doubles the cost of a parse, so valid input, the hot path, never pays for it.
 */
export function safeParseForIssues<T extends z.ZodType>(
  schema: T,
  input: unknown,
): z.ZodSafeParseResult<z.output<T>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed : schema.safeParse(input, { reportInput: true });
}

/** Turns zod issues (parsed with `reportInput` to tell missing fields) into issues that name their field. */
export function issuesFromZod(index: number | null, issues: readonly z.core.$ZodIssue[]): EventIssue[] {
  const all = issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        index,
        path: formatPath([...issue.path, key]),
        message: 'unknown field',
      }));
    }
    return [{ index, path: formatPath(issue.path), message: messageOf(issue) }];
  });
  // Two checks can fail the same way on one value (1e20 is both beyond 2^53 and beyond the maximum): say it once.
  const seen = new Set<string>();
  return all.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one-line summary of a list of issues: `events[3].input_tokens: expected a non-negative integer (and 2 more)`. */
export function summarizeIssues(issues: readonly EventIssue[]): string {
  const [first] = issues;
  if (first === undefined) return 'invalid request';
  const where =
    first.index === null ? first.path : `events[${first.index}]${first.path ? `.${first.path}` : ''}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where ? `${where}: ` : ''}${first.message}${more}`;
}
