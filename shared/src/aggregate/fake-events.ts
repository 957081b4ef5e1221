// Test support: event factories and a seeded generator (no dependency, reproducible across runs).
import { fakeStoredEvent as baseStoredEvent } from '../export/fake-stored-event';
import type { StoredEvent } from '../schema/stored-event';
import { totalTokens } from '../schema/token-usage';

// The aggregate tests' own defaults (older dates and small counts than the export's), on the one stored event.
const AGGREGATE_DEFAULTS = {
  ts: '2026-03-08T12:00:00Z',
  received_at: '2026-03-08T12:00:00Z',
  model: 'claude-sonnet-4',
  input_tokens: 100,
  output_tokens: 50,
  cost_usd: 0.001,
} satisfies Partial<StoredEvent>;

/** A stored event with plausible defaults, overridden field by field; `total_tokens` follows the token fields. */
export function fakeStoredEvent(overrides: Partial<StoredEvent> = {}): StoredEvent {
  const event = baseStoredEvent({ ...AGGREGATE_DEFAULTS, ...overrides });
  return { ...event, total_tokens: totalTokens(event) };
}

/** A seeded pseudo-random generator (mulberry32) giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

const MODELS = [
  ['claude-sonnet-4', 'anthropic'],
  ['gpt-4o', 'openai'],
  ['gemini-2.5-pro', 'google'],
  ['mystery-model', 'unknown'],
] as const;
const AGENTS = [null, 'main', 'main/researcher', 'main/researcher/summarizer', 'ops', 'ops/deploy'] as const;
const PROJECTS = [null, 'alpha', 'beta'] as const;
const SOURCES = ['api', 'sdk', 'claude-code'] as const;
const TOOLS = [null, 'search', 'shell'] as const;
const SESSIONS = [null, 's1', 's2', 's3'] as const;
// From 2026-02-20 UTC, 49 days span month ends and the March DST changes of New York and London.
const RANGE_START = Date.UTC(2026, 1, 20);
const DAY_MS = 24 * 3_600_000;

/** `count` varied stored events from a seed, spread over `spanDays` days from 2026-02-20 UTC. */
export function randomEvents(
  seed: number,
  count: number,
  spanDays = 49,
): (StoredEvent & { ts_ms: number })[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const [model, provider] = pick(random, MODELS);
    const tsMs = RANGE_START + Math.floor(random() * spanDays * DAY_MS);
    const output = Math.floor(random() * 4000);
    const cacheWrite = random() < 0.3 ? Math.floor(random() * 20_000) : 0;
    const event = fakeStoredEvent({
      seq: index + 1,
      id: `evt-${seed}-${index}`,
      ts: new Date(tsMs).toISOString(),
      model,
      provider,
      input_tokens: Math.floor(random() * 10_000),
      output_tokens: output,
      reasoning_tokens: Math.floor(random() * output),
      cache_creation_input_tokens: cacheWrite,
      cache_creation_1h_input_tokens: Math.floor(random() * cacheWrite),
      cache_read_input_tokens: random() < 0.5 ? Math.floor(random() * 50_000) : 0,
      cost_usd: provider === 'unknown' ? null : Math.round(random() * 2e8) / 1e9 + random() * 1e-10,
      agent: pick(random, AGENTS),
      project: pick(random, PROJECTS),
      session_id: pick(random, SESSIONS),
      tool: pick(random, TOOLS),
      source: pick(random, SOURCES),
      duration_ms: random() < 0.2 ? null : Math.floor(random() * 30_000),
      status: random() < 0.1 ? 'error' : 'ok',
    });
    return { ...event, ts_ms: tsMs };
  });
}
