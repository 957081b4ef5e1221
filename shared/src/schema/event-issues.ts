import type { z } from 'zod';

/** One problem with a sent event: which event (null for the body as a whole), which field, and why. */
export interface EventIssue {
  index: number | null;
  path: string;
  message: string;
}

/** Renders a path like `tags.team` or `usage.prompt_tokens_details.cached_tokens`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

/** Turns zod issues into field-naming issues; an unknown key becomes its own issue naming that key. */
export function issuesFromZod(index: number | null, issues: readonly z.core.$ZodIssue[]): EventIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ index, path: formatPath([...issue.path, key]), message: 'unknown field' }));
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ index, path: formatPath(issue.path), message: missing ? 'required' : issue.message }];
  });
}

/** The one-line summary of a list of issues: `events[3].input_tokens: expected a non-negative integer (and 2 more)`. */
export function summarizeIssues(issues: readonly EventIssue[]): string {
  const [first] = issues;
  if (first === undefined) return 'invalid request';
  const where = first.index === null ? first.path : `events[${first.index}]${first.path ? `.${first.path}` : ''}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where ? `${where}: ` : ''}${first.message}${more}`;
}
