import { describe, expect, it } from 'vitest';
import { agentMatches, topLevelAgent } from './agent';
import { matchesLabelFilter } from './event-filter';
import { fakeStoredEvent } from './fake-events';

describe('topLevelAgent', () => {
  it('keeps the first level of a path', () => {
    expect(topLevelAgent('main/researcher/summarizer')).toBe('main');
    expect(topLevelAgent('main')).toBe('main');
    expect(topLevelAgent('/odd')).toBe('/odd');
  });
});

describe('agentMatches', () => {
  it('selects the agent and everything below it', () => {
    expect(agentMatches('main', 'main')).toBe(true);
    expect(agentMatches('main', 'main/researcher/summarizer')).toBe(true);
    expect(agentMatches('main/researcher', 'main/researcher/summarizer')).toBe(true);
    expect(agentMatches('main/', 'main/researcher')).toBe(true);
  });

  it('does not select siblings, parents, look-alikes or missing agents', () => {
    expect(agentMatches('main', 'mainframe')).toBe(false);
    expect(agentMatches('main/researcher', 'main')).toBe(false);
    expect(agentMatches('main/researcher', 'main/writer')).toBe(false);
    expect(agentMatches('main', null)).toBe(false);
  });
});

describe('matchesLabelFilter', () => {
  const event = fakeStoredEvent({
    model: 'gpt-4o',
    provider: 'openai',
    agent: 'main/researcher',
    project: 'alpha',
  });

  it('passes an event matching every given filter', () => {
    expect(matchesLabelFilter({}, event)).toBe(true);
    expect(
      matchesLabelFilter({ model: 'gpt-4o', agent: 'main', project: 'alpha', source: 'api' }, event),
    ).toBe(true);
  });

  it('drops an event that misses any filter', () => {
    expect(matchesLabelFilter({ model: 'gpt-4o', project: 'beta' }, event)).toBe(false);
    expect(matchesLabelFilter({ session_id: 's1' }, event)).toBe(false);
    expect(matchesLabelFilter({ agent: 'ops' }, event)).toBe(false);
  });
});
