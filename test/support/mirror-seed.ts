import type { Page } from 'playwright-core';
import { type Aggregate, addEvent, emptyAggregate } from '@tokentally/shared/aggregate/aggregate';
import type { SummarizableEvent } from '@tokentally/shared/aggregate/event-time';
import { type HourRow, utcHourStart } from '@tokentally/shared/aggregate/hour-row';
import { storedEventSchema } from '@tokentally/shared/schema/stored-event';
import type { NewestChunk, RollupHour } from '../../extension/src/db/mirror-db';
import { rollupKey } from '../../extension/src/db/rollup-key';
import { SEED_EVENT_SOURCE, SEED_WRITER_SOURCE } from './mirror-seed-source';

/** How many events to seed, and over which span of time up to when. */
export interface SeedPlan {
  count: number;
  newest: number;
  spanMs: number;
}

const CHUNK = 50_000;

// The generator is trusted source text (see mirror-seed-source.ts); each event it makes is validated before use.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- Node must run the very source the page runs
const generator: unknown = Reflect.apply(new Function(`return ${SEED_EVENT_SOURCE}`), undefined, []);

function makeEvent(i: number, count: number, newest: number, spanMs: number): unknown {
  if (typeof generator !== 'function') throw new Error('the seed generator is not a function');
  return Reflect.apply(generator, undefined, [i, count, newest, spanMs]);
}

const field = (event: object, key: string): unknown => Reflect.get(event, key);
const numberOf = (event: object, key: string): number => {
  const value = field(event, key);
  if (typeof value !== 'number') throw new Error(`seeded event: ${key} is not a number`);
  return value;
};
const text = (event: object, key: string): string => {
  const value = field(event, key);
  if (typeof value !== 'string') throw new Error(`seeded event: ${key} is not a string`);
  return value;
};
const label = (event: object, key: string): string | null =>
  field(event, key) === null ? null : text(event, key);

// Schema-checking a million events takes minutes; the first is checked in full, the rest read field by field.
function summarizable(made: unknown, checkFully: boolean): SummarizableEvent {
  if (typeof made !== 'object' || made === null) throw new Error('seeded event: not an object');
  if (checkFully)
    storedEventSchema.parse(Object.fromEntries(Object.entries(made).filter(([key]) => key !== 'ts_ms')));
  return {
    ts: text(made, 'ts'),
    model: text(made, 'model'),
    provider: text(made, 'provider'),
    source: text(made, 'source'),
    agent: label(made, 'agent'),
    project: label(made, 'project'),
    input_tokens: numberOf(made, 'input_tokens'),
    output_tokens: numberOf(made, 'output_tokens'),
    cache_creation_input_tokens: numberOf(made, 'cache_creation_input_tokens'),
    cache_creation_1h_input_tokens: numberOf(made, 'cache_creation_1h_input_tokens'),
    cache_read_input_tokens: numberOf(made, 'cache_read_input_tokens'),
    reasoning_tokens: numberOf(made, 'reasoning_tokens'),
    cost_usd: numberOf(made, 'cost_usd'),
    status: 'ok',
    duration_ms: numberOf(made, 'duration_ms'),
  };
}

type RowLabels = Pick<HourRow, 'hour_start_ms' | 'model' | 'provider' | 'agent' | 'project' | 'source'>;

/** Each hour's rows as labels and aggregate while folding, and its newest chunk (that of the last seeding call). */
interface HourFold {
  rows: Map<string, { labels: RowLabels; aggregate: Aggregate }>;
  newest: NewestChunk & { call: number };
}

/**
 * Folds the plan's events into the mirror's hour records exactly as the extension keys and merges their rows
 * (each event added to its row's aggregate with shared's `addEvent`; a row built once per key, spreads being slow
 * per event). Each seeding call of `CHUNK` events writes one chunk per hour, so an hour's newest chunk is the one
 * of the last call holding its events.
 */
export function seedRollupHours({ count, newest, spanMs }: SeedPlan): RollupHour[] {
  const hours = new Map<number, HourFold>();
  for (let i = 0; i < count; i++) {
    const event = summarizable(makeEvent(i, count, newest, spanMs), i === 0);
    const hour = utcHourStart(Date.parse(String(event.ts)));
    const labels: RowLabels = {
      hour_start_ms: hour,
      model: event.model,
      provider: event.provider,
      agent: event.agent ?? null,
      project: event.project ?? null,
      source: event.source,
    };
    const call = Math.floor(i / CHUNK);
    let fold = hours.get(hour);
    if (fold === undefined) {
      fold = { rows: new Map(), newest: { call, first_seq: i + 1, count: 0 } };
      hours.set(hour, fold);
    }
    if (fold.newest.call !== call) fold.newest = { call, first_seq: i + 1, count: 0 };
    fold.newest.count += 1;
    const key = rollupKey(labels);
    const known = fold.rows.get(key);
    if (known === undefined) fold.rows.set(key, { labels, aggregate: addEvent(emptyAggregate(), event) });
    else known.aggregate = addEvent(known.aggregate, event);
  }
  return [...hours].map(([hour, { rows, newest: chunk }]) => ({
    hour_start_ms: hour,
    rows: [...rows.values()].map(({ labels, aggregate }) => ({ ...aggregate, ...labels })),
    newest_chunk: { first_seq: chunk.first_seq, count: chunk.count },
  }));
}

/**
 * Seeds the extension's mirror from an extension page: the events in chunks per hour and seeding call, their hour
 * records, and the meta written with them (`last_seq`, `last_event`, `event_count`), with raw IndexedDB in the
 * mirror's own schema (the database must exist: any extension page or the worker creates it). Resolves the
 * number of rollup rows.
 */
export async function seedMirror(
  page: Page,
  plan: SeedPlan,
  onProgress: (written: number) => void,
): Promise<number> {
  const hours = seedRollupHours(plan);
  await page.evaluate(
    `globalThis.seedEvent = ${SEED_EVENT_SOURCE}; globalThis.seedMirror = ${SEED_WRITER_SOURCE}; true`,
  );
  const { count, newest, spanMs } = plan;
  const meta = JSON.stringify([
    { key: 'last_seq', value: count },
    { key: 'last_event', value: { seq: count, id: `seed-${String(count)}` } },
    { key: 'event_count', value: count },
  ]);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    const last = to === count;
    const records = last ? JSON.stringify(hours) : 'null';
    await page.evaluate(
      `seedMirror(${String(from)}, ${String(to)}, ${String(count)}, ${String(newest)}, ${String(spanMs)}, ${records}, ${last ? meta : 'null'})`,
    );
    onProgress(to);
  }
  return hours.reduce((rows, hour) => rows + hour.rows.length, 0);
}
