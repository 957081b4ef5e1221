import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { silentLogger } from '../../../daemon/src/logger';
import { z } from '../../../daemon/src/test-support/bench-deps';
import { openEventStore } from '../../../daemon/src/store/event-store';
import { ROOT } from './processes';

const DAY = 86_400_000;
const PROJECTS = ['tokentally', 'website', 'infra', 'notebooks', 'mobile', 'docs'] as const;
const SOURCES = ['claude-code', 'sdk', 'codex'] as const;
const MAIN_MODELS = [
  'claude-sonnet-4-20250514',
  'claude-opus-4-1-20250805',
  'gpt-4o',
  'gpt-5',
  'gemini-2.5-pro',
] as const;
const AGENTS = ['main', 'main/explore', 'main/explore/read', 'main/review'] as const;

const at = <T>(items: readonly [T, ...T[]], index: number): T => items[index % items.length] ?? items[0];

/**
 * `count` events over the 180 days before `end`, shaped like one busy user's: sessions of 100 requests, each in one
 * project and tool, whose main agent uses one model and whose sub-agents use a small one.
 */
export function seedEvents(count: number, end: number, from: number, to: number): UsageEvent[] {
  const span = 180 * DAY;
  const events: UsageEvent[] = [];
  for (let i = from; i < to; i += 1) {
    const session = Math.floor(i / 100);
    const agent = at(AGENTS, (i * 7) % 11);
    const small = agent !== 'main';
    events.push({
      id: `seed-${i}`,
      ts: end - span + Math.floor((i * span) / count),
      model: small ? 'claude-3-5-haiku-20241022' : at(MAIN_MODELS, session * 3),
      provider: small
        ? 'anthropic'
        : at(['anthropic', 'anthropic', 'openai', 'openai', 'google'], session * 3),
      input_tokens: 500 + ((i * 31) % 4000),
      output_tokens: 100 + ((i * 17) % 1500),
      cache_creation_input_tokens: i % 10 === 0 ? 2000 : 0,
      cache_creation_1h_input_tokens: 0,
      cache_read_input_tokens: (i * 13) % 20_000,
      reasoning_tokens: 0,
      agent,
      project: at(PROJECTS, session * 5),
      session_id: `s-${session}`,
      source: at(SOURCES, session),
      status: i % 50 === 0 ? 'error' : 'ok',
      duration_ms: 800 + ((i * 7) % 6000),
    });
  }
  return events;
}

/** A home holding `count` seeded events, kept in bench/.data between runs (made once, in about a minute). */
export async function seededHome(count: number): Promise<{ home: string; end: number }> {
  const home = join(ROOT, 'bench', '.data', `daemon-${count}`);
  const marker = join(home, 'seeded.json');
  if (existsSync(marker)) {
    const seeded = z
      .object({ count: z.number(), end: z.number() })
      .parse(JSON.parse(readFileSync(marker, 'utf8')));
    if (seeded.count === count) return { home, end: seeded.end };
  }
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const end = Date.now() - 3_600_000;
  const store = openEventStore({
    dbPath: join(home, 'tokentally.db'),
    clock: { now: () => Date.now() },
    logger: silentLogger,
    timeZone: 'UTC',
    durability: 'os',
  });
  for (let from = 0; from < count; from += 10_000)
    await store.ingest(seedEvents(count, end, from, Math.min(count, from + 10_000)));
  await store.close();
  writeFileSync(marker, JSON.stringify({ count, end }));
  return { home, end };
}
