// Daemon memory (bundled like the shipped CLI, run with plain node): RSS idle (empty and with a million events), the peak under batched load, and over a soak at a
// steady rate (BENCH_SOAK_SECONDS, default 60; 300 for the full five minutes). Baseline: a bare node:http server
// under the same load.   npx tsx bench/daemon/memory.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LoadOptions, runLoad, startBareServer, startDaemonProcess } from './support/load';
import { rssMb, stop } from './support/processes';
import { seededHome } from './support/seed';
import { type BenchRow, fmt, printTable } from './support/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const SOAK_RATE = Number(process.env.BENCH_SOAK_RATE ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// "Idle" is a daemon left alone long enough for V8's memory reducer to run (it does after ~8 s without work).
const SETTLE_MS = 15_000;
// After a load, the daemon itself releases memory 10 s after the last write and once more 6 s later
// (store-parts.ts), so "idle again" is read once both have had their turn.
const IDLE_AGAIN_MS = 20_000;
// The soak starts from that idle daemon, whose RSS climbs for its first seconds as V8 grows the heap back: those
// samples are warm-up, not growth, and are left out of the comparison (they still count towards the max).
const SOAK_WARM_UP_SECONDS = 15;
const SOAK_SAMPLE_MS = 1000;

/** Samples a process's RSS every `everyMs` while `work` runs. */
async function sampled<T>(
  pid: number,
  everyMs: number,
  work: () => Promise<T>,
): Promise<{ value: T; samples: number[] }> {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(pid)), everyMs);
  const value = await work();
  clearInterval(timer);
  return { value, samples };
}

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Runs the benchmark and answers its table rows. */
export async function run(): Promise<BenchRow[]> {
  const batched = (url: string): LoadOptions => ({
    mode: 'http',
    url,
    seconds: SECONDS,
    concurrency: 16,
    batch: 100,
  });

  const bare = await startBareServer();
  await sleep(SETTLE_MS);
  const bareIdle = rssMb(bare.process.child.pid ?? 0);
  const bareLoad = await sampled(bare.process.child.pid ?? 0, 250, () => runLoad(batched(bare.url)));
  await stop(bare.process);

  const home = mkdtempSync(join(tmpdir(), 'tokentally-bench-'));
  const daemon = await startDaemonProcess(home);
  await sleep(SETTLE_MS);
  const idle = rssMb(daemon.pid);
  const load = await sampled(daemon.pid, 250, () => runLoad(batched(daemon.url)));
  await sleep(IDLE_AGAIN_MS);
  const afterLoad = rssMb(daemon.pid);
  const soak = await sampled(daemon.pid, SOAK_SAMPLE_MS, () =>
    runLoad({
      mode: 'http',
      url: daemon.url,
      seconds: SOAK_SECONDS,
      concurrency: 4,
      batch: 100,
      rate: SOAK_RATE,
    }),
  );
  await stop(daemon.process);
  rmSync(home, { recursive: true, force: true });

  const seeded = await seededHome(EVENTS);
  const big = await startDaemonProcess(seeded.home);
  await fetch(`${big.url}/v1/summary?group_by=day`);
  await fetch(`${big.url}/v1/budgets/status`);
  await sleep(SETTLE_MS);
  const bigIdle = rssMb(big.pid);
  await stop(big.process);

  // A soak no longer than its warm-up is compared whole rather than not at all.
  const warmUpSamples = (SOAK_WARM_UP_SECONDS * 1000) / SOAK_SAMPLE_MS;
  const skipsWarmUp = soak.samples.length > warmUpSamples;
  const steady = skipsWarmUp ? soak.samples.slice(warmUpSamples) : soak.samples;
  const fifth = Math.max(1, Math.floor(steady.length / 5));
  const soakStart = mean(steady.slice(0, fifth));
  const soakEnd = mean(steady.slice(-fifth));
  return [
    {
      name: 'RSS idle, empty database',
      ours: `${fmt(idle)} MB`,
      baseline: `${fmt(bareIdle)} MB (bare node:http)`,
      ratio: '',
      target: '<= 80 MB',
    },
    {
      name: `RSS idle, ${fmt(EVENTS)} events stored`,
      ours: `${fmt(bigIdle)} MB`,
      baseline: '',
      ratio: '',
      target: '<= 80 MB',
    },
    {
      name: `RSS peak, batched load (${fmt(load.value.events_per_s)} events/s)`,
      ours: `${fmt(Math.max(...load.samples))} MB`,
      baseline: `${fmt(Math.max(...bareLoad.samples))} MB`,
      ratio: '',
      target: '<= 200 MB',
    },
    {
      name: 'RSS idle again after the load',
      ours: `${fmt(afterLoad)} MB`,
      baseline: '',
      ratio: '',
      target: '',
    },
    {
      name: `RSS over a ${SOAK_SECONDS} s soak at ${fmt(soak.value.events_per_s)} events/s, after ${skipsWarmUp ? SOAK_WARM_UP_SECONDS : 0} s: first → last fifth (max)`,
      ours: `${fmt(soakStart)} → ${fmt(soakEnd)} MB (${fmt(Math.max(...soak.samples))})`,
      baseline: '',
      ratio: `${soakEnd - soakStart >= 0 ? '+' : ''}${fmt(soakEnd - soakStart, 1)} MB`,
      target: 'flat',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable('daemon memory (RSS of the daemon process)', await run());
}
