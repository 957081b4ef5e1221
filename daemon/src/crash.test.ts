import { describe, expect, it } from 'vitest';
import { eventPageSchema } from '@tokentally/shared/api/ingest';
import { summarySchema } from '@tokentally/shared/api/summary';
import { postUntilStopped } from './test-support/acked-load';
import { spawnChildDaemon } from './test-support/child-daemon';
import { tempHome } from './test-support/temp-daemon';

async function allEvents(url: string): Promise<{ id: string; seq: number }[]> {
  const events: { id: string; seq: number }[] = [];
  let after = 0;
  for (;;) {
    const page = eventPageSchema.parse(
      await (await fetch(`${url}/v1/events?after=${after}&limit=5000`)).json(),
    );
    events.push(...page.events);
    if (page.events.length < 5000) return events;
    after = page.next_after;
  }
}

describe('durability under SIGKILL', () => {
  it(
    'keeps every acknowledged event exactly once across kills at random moments',
    { timeout: 90_000 },
    async () => {
      const home = tempHome();
      const acked: string[] = [];
      for (let round = 0; round < 4; round += 1) {
        const daemon = await spawnChildDaemon(home);
        const stop = new AbortController();
        const load = postUntilStopped(daemon.url, acked, { signal: stop.signal });
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
        daemon.child.kill('SIGKILL');
        await daemon.exited;
        stop.abort();
        await load;
      }
      const daemon = await spawnChildDaemon(home);
      const stored = await allEvents(daemon.url);
      const summary = summarySchema.parse(await (await fetch(`${daemon.url}/v1/summary`)).json());
      daemon.child.kill('SIGTERM');
      await daemon.exited;
      const storedIds = new Set(stored.map((event) => event.id));
      expect(acked.length).toBeGreaterThan(100);
      expect(acked.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(storedIds.size).toBe(stored.length);
      expect(stored.map((event) => event.seq)).toEqual(stored.map((_, i) => i + 1));
      expect(summary.totals.requests).toBe(stored.length);
    },
  );
});
