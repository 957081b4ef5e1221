import { describe, expect, it } from 'vitest';
import { toQueryString } from './query-string';

describe('toQueryString', () => {
  it('joins parameters in key order', () => {
    expect(toQueryString({ after: 10, limit: 500, model: 'gpt-4o' })).toBe(
      '?after=10&limit=500&model=gpt-4o',
    );
  });

  it('skips undefined and null values', () => {
    expect(toQueryString({ model: undefined, agent: 'main', project: null })).toBe('?agent=main');
  });

  it('is empty when no value is left', () => {
    expect(toQueryString({ model: undefined })).toBe('');
  });

  it('percent-encodes keys and values', () => {
    expect(
      toQueryString({ agent: 'main/researcher', from: '2025-03-01T00:00:00+02:00', tz: 'Europe/Paris' }),
    ).toBe('?agent=main%2Fresearcher&from=2025-03-01T00%3A00%3A00%2B02%3A00&tz=Europe%2FParis');
  });
});
