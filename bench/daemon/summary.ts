// Summary latency over 1,000,000 stored events: the daemon answering over HTTP from its rollups, against a plain
// GROUP BY over the events table (in process, no HTTP) on the same database.
//   npx tsx bench/daemon/summary.ts     (BENCH_EVENTS=1000000; the seeded database is kept in bench/.data)
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../../daemon/src/logger';
import { openEventStore } from '../../daemon/src/store/event-store';
import { Database } from '../../daemon/src/test-support/bench-deps';
import { startDaemonProcess } from './support/load';
import { stop } from './support/processes';
import { seededHome } from './support/seed';
import { type BenchRow, fmt, printTable } from './support/table';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAY = 86_400_000;

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(times: number, work: () => unknown): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return p50(samples);
}

const SUMS = `count(*), sum(input_tokens), sum(output_tokens), sum(cache_creation_input_tokens),
  sum(cache_creation_1h_input_tokens), sum(cache_read_input_tokens), sum(reasoning_tokens), sum(cost_usd),
  sum(cost_usd IS NULL), sum(status = 'error'), sum(duration_ms)`;

/** Runs the benchmark and answers its table rows. */
export async function run(): Promise<BenchRow[]> {
  const { home, end } = await seededHome(EVENTS);
  const since = end - 30 * DAY;
  const daemon = await startDaemonProcess(home);
  // node:http with keep-alive: fetch() adds milliseconds of its own per call, which are not the daemon's.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(daemon.url);
  const get = (query: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request({ agent, host: hostname, port, path: `/v1/summary?${query}` }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
  const lastMonth = `from=${new Date(since).toISOString()}&group_by=model`;
  const oursMonth = await timed(50, () => get(lastMonth));
  const oursDaily = await timed(50, () => get('group_by=day'));
  agent.destroy();
  await stop(daemon.process);

  // The same queries without HTTP: what the store itself spends.
  const store = openEventStore({
    dbPath: join(home, 'tokentally.db'),
    clock: { now: () => Date.now() },
    logger: silentLogger,
    timeZone: 'UTC',
  });
  const storeMonth = await timed(50, () =>
    store.summary({ filter: {}, from: since, groupBy: 'model', tz: 'UTC' }),
  );
  const storeDaily = await timed(50, () => store.summary({ filter: {}, groupBy: 'day', tz: 'UTC' }));
  await store.close();

  const db = new Database(join(home, 'tokentally.db'), { readonly: true });
  const byModel = db.prepare(`SELECT model, ${SUMS} FROM events WHERE ts >= ? GROUP BY model`);
  const byDay = db.prepare(`SELECT ts - ts % ${DAY}, ${SUMS} FROM events GROUP BY 1`);
  const baseMonth = await timed(5, () => byModel.all(since));
  const baseDaily = await timed(5, () => byDay.all());
  db.close();
  const row = (name: string, ours: number, base: number): BenchRow => ({
    name,
    ours: `${fmt(ours, 2)} ms`,
    baseline: `${fmt(base, 1)} ms (GROUP BY over events)`,
    ratio: `${fmt(base / ours, 0)}x faster`,
    target: '<= 10 ms',
  });
  return [
    row(`summary p50 over HTTP, last 30 days by model (${fmt(EVENTS)} events)`, oursMonth, baseMonth),
    row(`summary p50 over HTTP, all time by day (${fmt(EVENTS)} events)`, oursDaily, baseDaily),
    row('  the same in the store, last 30 days by model', storeMonth, baseMonth),
    row('  the same in the store, all time by day', storeDaily, baseDaily),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable('GET /v1/summary over HTTP (client in the bench process, daemon in its own)', await run());
}
