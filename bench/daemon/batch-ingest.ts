// Ingest in 100-event batches over HTTP, each request acknowledged only once its events are durable, against
// raw batched better-sqlite3 inserts into the same table (the storage floor, no HTTP, no validation).
//   npx tsx bench/daemon/batch-ingest.ts     (BENCH_SECONDS=10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withCpu } from './support/cpu';
import { type LoadResult, runLoad, startDaemonProcess } from './support/load';
import { stop } from './support/processes';
import { rawBatchedInserts } from './support/raw-inserts';
import { type BenchRow, fmt, printTable } from './support/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 16;

async function daemonIngest(
  durability: 'fsync' | 'full' | 'os',
): Promise<{ load: LoadResult; cpuPerEvent: number }> {
  const home = mkdtempSync(join(tmpdir(), 'tokentally-bench-'));
  const daemon = await startDaemonProcess(home, durability);
  await runLoad({ mode: 'http', url: daemon.url, seconds: 1, concurrency: CONCURRENCY, batch: 100 });
  const { value: load, cpuMs } = await withCpu(daemon.pid, () =>
    runLoad({ mode: 'http', url: daemon.url, seconds: SECONDS, concurrency: CONCURRENCY, batch: 100 }),
  );
  await stop(daemon.process);
  rmSync(home, { recursive: true, force: true });
  return { load, cpuPerEvent: (cpuMs * 1000) / Math.max(1, load.events) };
}

/** Runs the benchmark and answers its table rows. */
export async function run(): Promise<BenchRow[]> {
  const ours = await daemonIngest('fsync');
  const raw = rawBatchedInserts(SECONDS);
  const relaxed = await daemonIngest('os');
  return [
    {
      name: 'batched ingest (100/request), events/s',
      ours: fmt(ours.load.events_per_s),
      baseline: `${fmt(raw)} (raw inserts)`,
      ratio: fmt(ours.load.events_per_s / raw, 2),
      target: '>= 150,000 events/s',
    },
    {
      name: 'batched ingest, p50 / p99 ms per request',
      ours: `${fmt(ours.load.p50_ms, 1)} / ${fmt(ours.load.p99_ms, 1)}`,
      baseline: '',
      ratio: '',
      target: '',
    },
    {
      name: 'batched ingest, daemon CPU µs/event',
      ours: fmt(ours.cpuPerEvent, 1),
      baseline: fmt(1e6 / raw, 1),
      ratio: '',
      target: '',
    },
    {
      name: 'batched ingest without fsync, events/s',
      ours: fmt(relaxed.load.events_per_s),
      baseline: fmt(raw),
      ratio: fmt(relaxed.load.events_per_s / raw, 2),
      target: '(durability cost)',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(
    `POST /v1/events, 100 events per request, ${CONCURRENCY} connections, ${SECONDS} s`,
    await run(),
  );
}
