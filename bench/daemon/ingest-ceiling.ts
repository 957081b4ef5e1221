// How fast the daemon's ingest work can go on this machine at all, measured in-process without HTTP, a client
// or fsync: the ceiling that the batched and WebSocket ingest figures are bounded by.
//   - parse + validate: JSON.parse and the event schema, as the ingest routes run them;
//   - one thread: that, then pricing, the insert and the rollups in one transaction per 100 events, as the
//     daemon runs it today;
//   - two threads: parse + validate on the main thread, the storage half in a worker thread, 8 batches in
//     flight: the most a writer thread could give.
//   npx tsx bench/daemon/ingest-ceiling.ts     (BENCH_CEILING_BATCHES=2000; the best of 3 rounds of each)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from '../../daemon/src/test-support/bench-deps';
import { bundled } from './support/build';
import { runTs, stop } from './support/processes';
import { rawBatchedInserts } from './support/raw-inserts';
import { type BenchRow, fmt, printTable } from './support/table';

const BATCHES = Number(process.env.BENCH_CEILING_BATCHES ?? 2000);

const resultSchema = z.object({ parse_only: z.number(), one_thread: z.number(), two_threads: z.number() });

/** Runs the benchmark and answers its table rows. */
export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tokentally-ceiling-'));
  await bundled('ingest-ceiling-writer');
  const child = runTs(await bundled('ingest-ceiling-child'), [dir, String(BATCHES)]);
  const result = resultSchema.parse(await child.first);
  await stop(child);
  rmSync(dir, { recursive: true, force: true });
  const raw = rawBatchedInserts(5);
  const row = (name: string, value: number, target = ''): BenchRow => ({
    name,
    ours: fmt(value),
    baseline: `${fmt(raw)} (raw inserts)`,
    ratio: fmt(value / raw, 2),
    target,
  });
  return [
    row('ceiling: parse + validate alone, one thread, events/s', result.parse_only),
    row(
      'ceiling: parse, validate, price, insert, rollups, one thread, events/s',
      result.one_thread,
      'bounds the 150,000 and 100,000 targets',
    ),
    row('ceiling: the same with storage in a writer thread, events/s', result.two_threads),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(
    `ingest work in-process, ${fmt(BATCHES * 100)} events in batches of 100, no HTTP, no fsync, best of 3`,
    await run(),
  );
}
