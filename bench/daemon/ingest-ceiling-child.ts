// Runs the daemon's ingest work in-process, without HTTP, in three arrangements, and prints one JSON line with the
// best of three rounds of each (a ceiling: what this machine does when nothing else disturbs it):
//   node ingest-ceiling-child.mjs <dir> <batches>
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { batchJson, idPrefix } from './support/event-json';
import { openPipelineStore, parseBody } from './support/ingest-pipeline';

const BATCH = 100;
const IN_FLIGHT = 8;
const ROUNDS = 3;
const [dirArgument, count = '2000'] = process.argv.slice(2);
if (dirArgument === undefined) throw new Error('usage: ingest-ceiling-child <dir> [batches]');
const dir = dirArgument;
const batches = Number(count);

// Bodies are built before the clock starts, so that no client work is counted.
function bodies(): string[] {
  const prefix = idPrefix();
  const now = Date.now();
  return Array.from({ length: batches }, (_, i) => batchJson(prefix, i * BATCH, BATCH, now));
}

function perSecond(events: number, started: number): number {
  return events / ((performance.now() - started) / 1000);
}

function parseOnly(): number {
  const all = bodies();
  const started = performance.now();
  let events = 0;
  for (const body of all) events += parseBody(body).length;
  return perSecond(events, started);
}

function oneThread(path: string): number {
  const all = bodies();
  const store = openPipelineStore(path);
  const started = performance.now();
  let events = 0;
  for (const body of all) events += store.write(parseBody(body));
  const rate = perSecond(events, started);
  store.close();
  return rate;
}

async function twoThreads(path: string): Promise<number> {
  const all = bodies();
  const writer = new Worker(new URL('./ingest-ceiling-writer.mjs', import.meta.url), {
    workerData: { path },
  });
  // The first answer says the worker has opened its database; the clock starts after it.
  writer.postMessage([]);
  await new Promise((resolve) => writer.once('message', resolve));
  const started = performance.now();
  let sent = 0;
  let events = 0;
  let answered = 0;
  await new Promise<void>((resolve, reject) => {
    const send = (): void => {
      const body = all[sent];
      if (body === undefined) return;
      sent += 1;
      writer.postMessage(parseBody(body));
    };
    writer.on('error', reject);
    writer.on('message', (accepted: number) => {
      events += accepted;
      answered += 1;
      if (answered === all.length) resolve();
      else send();
    });
    for (let i = 0; i < IN_FLIGHT; i += 1) send();
  });
  const rate = perSecond(events, started);
  await writer.terminate();
  return rate;
}

// Each round starts from an empty database, as the first round does.
async function onFreshDatabase(measure: (path: string) => number | Promise<number>): Promise<number> {
  const path = join(dir, 'ceiling.db');
  const rate = await measure(path);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return rate;
}

const best = { parse_only: 0, one_thread: 0, two_threads: 0 };
for (let round = 0; round < ROUNDS; round += 1) {
  best.parse_only = Math.max(best.parse_only, parseOnly());
  best.one_thread = Math.max(best.one_thread, await onFreshDatabase(oneThread));
  best.two_threads = Math.max(best.two_threads, await onFreshDatabase(twoThreads));
}
process.stdout.write(`${JSON.stringify(best)}\n`);
