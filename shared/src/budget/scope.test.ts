import { describe, expect, it } from 'vitest';
import { matchesScope } from './scope';

const event = { model: 'gpt-4o', provider: 'openai', agent: 'main/researcher', project: 'alpha' };

describe('matchesScope', () => {
  it('counts every event toward a budget with an empty scope', () => {
    expect(matchesScope({}, event)).toBe(true);
    expect(matchesScope({}, { model: 'x', provider: 'y' })).toBe(true);
  });

  it('counts sub-agents toward an agent budget', () => {
    expect(matchesScope({ agent: 'main' }, event)).toBe(true);
    expect(matchesScope({ agent: 'main/researcher' }, event)).toBe(true);
    expect(matchesScope({ agent: 'main/writer' }, event)).toBe(false);
    expect(matchesScope({ agent: 'main' }, { ...event, agent: null })).toBe(false);
  });

  it('requires every scope field to match', () => {
    expect(matchesScope({ project: 'alpha', provider: 'openai', model: 'gpt-4o' }, event)).toBe(true);
    expect(matchesScope({ project: 'alpha', provider: 'anthropic' }, event)).toBe(false);
    expect(matchesScope({ project: 'beta' }, event)).toBe(false);
  });
});
