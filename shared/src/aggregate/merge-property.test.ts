import { describe, expect, it } from 'vitest';
import { groupBySchema } from '../api/summary';
import { addEvent, emptyAggregate, mergeAggregates } from './aggregate';
import { randomEvents, seededRandom } from './fake-events';
import { groupEvents, mergePartialSummaries } from './group';
import { finalizeSummary, summarize } from './summary';

const SEEDS = [1, 2, 3, 4, 5];
const GROUP_BYS = [undefined, ...groupBySchema.options];
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];
const CASES = ZONES.flatMap((tz) =>
  GROUP_BYS.map((group_by) => [tz, group_by ?? '(totals)', group_by] as const),
);

describe('merging partial summaries', () => {
  it.each(CASES)('in %s by %s equals summarizing all events at once', (tz, _label, group_by) => {
    const results = SEEDS.map((seed) => {
      const events = randomEvents(seed, 150);
      const cut = Math.floor(seededRandom(seed * 97)() * events.length);
      const options = { tz, group_by };
      const halves = mergePartialSummaries(
        groupEvents(events.slice(0, cut), options),
        groupEvents(events.slice(cut), options),
      );
      return { merged: finalizeSummary(halves, group_by), whole: summarize(events, options) };
    });
    expect(results.map((r) => r.merged)).toEqual(results.map((r) => r.whole));
  });
});

describe('mergeAggregates on random events', () => {
  it('is associative and commutative, so any split and order give the same aggregate', () => {
    const events = randomEvents(11, 300);
    const random = seededRandom(12);
    const parts = [0, 1, 2].map(() => events.filter(() => random() < 0.5).reduce(addEvent, emptyAggregate()));
    const [a = emptyAggregate(), b = emptyAggregate(), c = emptyAggregate()] = parts;
    expect(mergeAggregates(mergeAggregates(a, b), c)).toEqual(mergeAggregates(a, mergeAggregates(b, c)));
    expect(mergeAggregates(mergeAggregates(c, a), b)).toEqual(mergeAggregates(a, mergeAggregates(b, c)));
    expect(mergeAggregates(a, emptyAggregate())).toEqual(a);
  });

  it('sums a shuffled stream to exactly the same totals', () => {
    const events = randomEvents(21, 500);
    const forward = events.reduce(addEvent, emptyAggregate());
    const backward = [...events].reverse().reduce(addEvent, emptyAggregate());
    expect(backward).toEqual(forward);
  });
});
