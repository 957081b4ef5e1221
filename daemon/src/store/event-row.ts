import { boundedMemo } from '@tokentally/shared/bounded-memo';
import type { CostSource, StoredEvent } from '@tokentally/shared/schema/stored-event';

/** The columns of `events`, in table order; insert parameters and raw rows follow it. */
export const EVENT_COLUMNS = [
  'seq',
  'id',
  'ts',
  'received_at',
  'model',
  'provider',
  'input_tokens',
  'output_tokens',
  'cache_creation_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'reasoning_tokens',
  'cost_usd',
  'cost_source',
  'agent',
  'session_id',
  'project',
  'tool',
  'request_id',
  'source',
  'duration_ms',
  'status',
  'error',
  'tags',
] as const;

/** One `events` row as stored: times in epoch ms, absent labels null, tags as JSON text or null. */
export type EventRow = [
  seq: number,
  id: string,
  ts: number,
  received_at: number,
  model: string,
  provider: string,
  input_tokens: number,
  output_tokens: number,
  cache_creation_input_tokens: number,
  cache_creation_1h_input_tokens: number,
  cache_read_input_tokens: number,
  reasoning_tokens: number,
  cost_usd: number | null,
  cost_source: CostSource,
  agent: string | null,
  session_id: string | null,
  project: string | null,
  tool: string | null,
  request_id: string | null,
  source: string,
  duration_ms: number | null,
  status: 'ok' | 'error',
  error: string | null,
  tags: string | null,
];

// Formatting a date is the dearest part of turning a row into an event, and a commit's rows share their
// `received_at` and mostly a few `ts` values: the latest answers are remembered.
const iso = boundedMemo((ms: number): string => new Date(ms).toISOString(), 512);

function parseTags(text: string | null): Record<string, string> {
  if (text === null) return {};
  const parsed: unknown = JSON.parse(text);
  const tags: Record<string, string> = {};
  if (typeof parsed !== 'object' || parsed === null) return tags;
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') tags[key] = value;
  return tags;
}

/** A stored row as the API returns it (SPEC section 1: `seq`, RFC 3339 times, `total_tokens`, cost). */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    seq: row[0],
    id: row[1],
    ts: iso(row[2]),
    received_at: iso(row[3]),
    model: row[4],
    provider: row[5],
    input_tokens: row[6],
    output_tokens: row[7],
    cache_creation_input_tokens: row[8],
    cache_creation_1h_input_tokens: row[9],
    cache_read_input_tokens: row[10],
    reasoning_tokens: row[11],
    total_tokens: row[6] + row[7] + row[8] + row[10],
    cost_usd: row[12],
    cost_source: row[13],
    agent: row[14],
    session_id: row[15],
    project: row[16],
    tool: row[17],
    request_id: row[18],
    source: row[19],
    duration_ms: row[20],
    status: row[21],
    error: row[22],
    tags: parseTags(row[23]),
  };
}

function fail(index: number): never {
  throw new Error(`events row column ${EVENT_COLUMNS[index] ?? index} has an unexpected type`);
}

const int = (row: readonly unknown[], i: number): number => {
  const value = row[i];
  return typeof value === 'number' ? value : fail(i);
};
const text = (row: readonly unknown[], i: number): string => {
  const value = row[i];
  return typeof value === 'string' ? value : fail(i);
};
const nullableText = (row: readonly unknown[], i: number): string | null => {
  const value = row[i];
  return value === null || typeof value === 'string' ? value : fail(i);
};
const nullableNumber = (row: readonly unknown[], i: number): number | null => {
  const value = row[i];
  return value === null || typeof value === 'number' ? value : fail(i);
};

function costSource(row: readonly unknown[], i: number): CostSource {
  const value = row[i];
  return value === 'reported' || value === 'computed' || value === 'unpriced' ? value : fail(i);
}

function status(row: readonly unknown[], i: number): 'ok' | 'error' {
  const value = row[i];
  return value === 'ok' || value === 'error' ? value : fail(i);
}

/** Checks a raw row read with `.raw()` (columns in table order) and types it. */
export function readEventRow(row: readonly unknown[]): EventRow {
  return [
    int(row, 0),
    text(row, 1),
    int(row, 2),
    int(row, 3),
    text(row, 4),
    text(row, 5),
    int(row, 6),
    int(row, 7),
    int(row, 8),
    int(row, 9),
    int(row, 10),
    int(row, 11),
    nullableNumber(row, 12),
    costSource(row, 13),
    nullableText(row, 14),
    nullableText(row, 15),
    nullableText(row, 16),
    nullableText(row, 17),
    nullableText(row, 18),
    text(row, 19),
    nullableNumber(row, 20),
    status(row, 21),
    nullableText(row, 22),
    nullableText(row, 23),
  ];
}
