// WebSocket ingest with acknowledgements: clients send {"type":"events"} batches of 100 with up to 8 in flight per
// connection and count acknowledged events (each stored event is also streamed back to them, as to any
// subscriber). Baseline: a bare `ws` server that parses and acknowledges without storing.
//   npx tsx bench/daemon/ws-ingest.ts     (BENCH_SECONDS=10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runLoad, startBareWsServer, startDaemonProcess } from './support/load';
import { stop } from './support/processes';
import { type BenchRow, fmt, printTable } from './support/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const load = { mode: 'ws', seconds: SECONDS, concurrency: 2, batch: 100, window: 8 } as const;

/** Runs the benchmark and answers its table rows. */
export async function run(): Promise<BenchRow[]> {
  const bare = await startBareWsServer();
  const base = await runLoad({ ...load, url: bare.url });
  await stop(bare.process);
  const home = mkdtempSync(join(tmpdir(), 'tokentally-bench-'));
  const daemon = await startDaemonProcess(home);
  await runLoad({ ...load, url: daemon.url, seconds: 1 });
  const ours = await runLoad({ ...load, url: daemon.url });
  await stop(daemon.process);
  rmSync(home, { recursive: true, force: true });
  return [
    {
      name: 'WebSocket ingest with acks, events/s',
      ours: fmt(ours.events_per_s),
      baseline: `${fmt(base.events_per_s)} (bare ws, no storage)`,
      ratio: fmt(ours.events_per_s / base.events_per_s, 2),
      target: '>= 100,000 events/s',
    },
    {
      name: 'WebSocket ingest, p50 / p99 ms per batch',
      ours: `${fmt(ours.p50_ms, 1)} / ${fmt(ours.p99_ms, 1)}`,
      baseline: `${fmt(base.p50_ms, 1)} / ${fmt(base.p99_ms, 1)}`,
      ratio: '',
      target: '',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(`/v1/stream, 2 connections × 8 batches of 100 in flight, ${SECONDS} s`, await run());
}
