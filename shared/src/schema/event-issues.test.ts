import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatPath, issuesFromZod, safeParseForIssues, summarizeIssues } from './event-issues';

const schema = z.strictObject({
  name: z.string({ error: 'expected a string' }),
  count: z.int({ error: 'expected an integer' }).optional(),
  tags: z.record(z.string().min(2, { error: 'expected 2 characters or more' }), z.string()).optional(),
});

const zodIssues = (value: unknown, reportInput: boolean) => {
  const parsed = schema.safeParse(value, { reportInput });
  return parsed.success ? [] : parsed.error.issues;
};

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['input_tokens'], 'input_tokens'],
    [['tags', 'team'], 'tags.team'],
    [['usage', 'prompt_tokens_details', 'cached_tokens'], 'usage.prompt_tokens_details.cached_tokens'],
    [['usage', 'promptTokensDetails', 0, 'tokenCount'], 'usage.promptTokensDetails[0].tokenCount'],
    [[3, 'model'], '[3].model'],
    [['tags', ''], 'tags.""'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('issuesFromZod', () => {
  it('says a missing field is required when parsed with reportInput', () => {
    expect(issuesFromZod(2, zodIssues({}, true))).toEqual([{ index: 2, path: 'name', message: 'required' }]);
  });

  it('keeps the schema message for a missing field parsed without reportInput', () => {
    expect(issuesFromZod(2, zodIssues({}, false))).toEqual([
      { index: 2, path: 'name', message: 'expected a string' },
    ]);
  });

  it('keeps the schema message for a value of the wrong type', () => {
    expect(issuesFromZod(0, zodIssues({ name: 5 }, true))).toEqual([
      { index: 0, path: 'name', message: 'expected a string' },
    ]);
  });

  it('turns each unknown key into its own issue', () => {
    expect(issuesFromZod(null, zodIssues({ name: 'a', extra: 1, other: 2 }, true))).toEqual([
      { index: null, path: 'extra', message: 'unknown field' },
      { index: null, path: 'other', message: 'unknown field' },
    ]);
  });

  it("shows a record key's own problem", () => {
    expect(issuesFromZod(0, zodIssues({ name: 'a', tags: { x: 'y' } }, true))).toEqual([
      { index: 0, path: 'tags.x', message: 'invalid key (expected 2 characters or more)' },
    ]);
  });

  it('says the same thing about the same field once', () => {
    const issue: z.core.$ZodIssue = { code: 'custom', path: ['count'], message: 'too many', input: 5 };
    expect(issuesFromZod(1, [issue, issue])).toEqual([{ index: 1, path: 'count', message: 'too many' }]);
  });
});

describe('safeParseForIssues', () => {
  it('answers valid input as zod does', () => {
    expect(safeParseForIssues(schema, { name: 'a', count: 2 })).toEqual({
      success: true,
      data: { name: 'a', count: 2 },
    });
  });

  it('reports invalid input with what tells a missing field from a wrong one', () => {
    const parsed = safeParseForIssues(schema, { count: 'x' });
    expect(parsed.success).toBe(false);
    expect(issuesFromZod(0, parsed.error?.issues ?? [])).toEqual([
      { index: 0, path: 'name', message: 'required' },
      { index: 0, path: 'count', message: 'expected an integer' },
    ]);
  });
});

describe('summarizeIssues', () => {
  it('names the event and field', () => {
    expect(
      summarizeIssues([{ index: 3, path: 'input_tokens', message: 'expected a non-negative integer' }]),
    ).toBe('events[3].input_tokens: expected a non-negative integer');
  });

  it('counts the other issues', () => {
    const issues = [
      { index: 3, path: 'input_tokens', message: 'expected a non-negative integer' },
      { index: 4, path: 'model', message: 'required' },
      { index: 4, path: 'ts', message: 'expected a time on or after 2000-01-01' },
    ];
    expect(summarizeIssues(issues)).toBe(
      'events[3].input_tokens: expected a non-negative integer (and 2 more)',
    );
  });

  it('names the event alone when the issue is about the whole event', () => {
    expect(summarizeIssues([{ index: 1, path: '', message: 'expected an event object' }])).toBe(
      'events[1]: expected an event object',
    );
  });

  it('names the field alone for an issue with the body as a whole', () => {
    expect(summarizeIssues([{ index: null, path: 'events', message: 'expected an array of events' }])).toBe(
      'events: expected an array of events',
    );
  });

  it('gives the message alone when there is neither event nor field', () => {
    expect(summarizeIssues([{ index: null, path: '', message: 'expected an event object' }])).toBe(
      'expected an event object',
    );
  });

  it('has a fallback for an empty list', () => {
    expect(summarizeIssues([])).toBe('invalid request');
  });
});
