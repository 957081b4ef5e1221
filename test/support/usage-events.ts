import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { IngestResult } from '@tokentally/shared/api/ingest';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';

const MODELS = [
  ['gpt-4o', 'openai'],
  ['claude-sonnet-4-5', 'anthropic'],
  ['gemini-2.5-pro', 'google'],
  ['gpt-4.1-mini', 'openai'],
  ['my-local-model', 'unknown'],
] as const;
const AGENTS = ['main', 'main/researcher', 'reviewer', undefined] as const;
const PROJECTS = ['alpha', 'beta', undefined] as const;

/** Where and how densely events are spread. */
export interface SpreadOptions {
  /** The newest event's time (epoch ms); the others go back from it. */
  newest: number;
  /** How far back they go, in ms. */
  spanMs: number;
  /** Prefix of the events' ids (ids make re-sending idempotent). */
  idPrefix: string;
}

/**
 * `count` varied usage events (five models, one unpriced; nested agents; projects; some with a reported cost,
 * some errors) spread evenly over `spanMs` up to `newest`. The same arguments give the same events.
 */
export function spreadEvents(count: number, { newest, spanMs, idPrefix }: SpreadOptions): UsageEventWire[] {
  return Array.from({ length: count }, (_, index): UsageEventWire => {
    const [model, provider] = MODELS[index % MODELS.length] ?? MODELS[0];
    const agent = AGENTS[index % AGENTS.length];
    const project = PROJECTS[index % PROJECTS.length];
    const event: UsageEventWire = {
      id: `${idPrefix}-${String(index)}`,
      ts: Math.round(newest - (spanMs * index) / Math.max(1, count - 1)),
      model,
      provider,
      input_tokens: 200 + ((index * 7919) % 5000),
      output_tokens: 50 + ((index * 104729) % 2000),
      cache_read_input_tokens: index % 3 === 0 ? 1000 : 0,
      source: index % 4 === 0 ? 'sdk' : 'api',
      duration_ms: 300 + (index % 900),
    };
    if (agent !== undefined) event.agent = agent;
    if (project !== undefined) event.project = project;
    if (index % 11 === 0) event.cost_usd = 0.0125;
    if (index % 17 === 0) event.status = 'error';
    return event;
  });
}

/** Posts events in batches the daemon accepts (at most 10,000 each); throws on the first refusal. */
export async function postAll(
  client: DaemonClient,
  events: readonly UsageEventWire[],
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (let start = 0; start < events.length; start += 5000) {
    const answer = await client.postEvents({ events: events.slice(start, start + 5000) });
    if (!answer.ok) throw new Error(`the daemon refused events: ${JSON.stringify(answer.error)}`);
    results.push(answer.value);
  }
  return results;
}

/** Every seq the daemon holds, ascending, read page by page from `GET /v1/events`. */
export async function daemonSeqs(client: DaemonClient): Promise<number[]> {
  const seqs: number[] = [];
  let after = 0;
  for (;;) {
    const page = await client.listEvents({ after, limit: 5000 });
    if (!page.ok) throw new Error(`GET /v1/events failed: ${JSON.stringify(page.error)}`);
    seqs.push(...page.value.events.map((event) => event.seq));
    if (page.value.events.length === 0) return seqs;
    after = page.value.next_after;
  }
}
