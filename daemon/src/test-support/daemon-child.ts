// Runs a daemon in its own process, for the crash test and the benchmarks:
//   node --import tsx daemon/src/test-support/daemon-child.ts <home> [port] [fsync|full|os]
// Prints one JSON line ({url, port, token, pid}) once listening; SIGTERM closes it cleanly.
import { getHeapSpaceStatistics } from 'node:v8';
import { exposedGarbageCollector } from '../memory/garbage-collector';
import { startDaemon } from '../server';

const [home, port = '0', durability = 'fsync'] = process.argv.slice(2);
if (home === undefined) throw new Error('usage: daemon-child.ts <home> [port] [fsync|full|os]');
const daemon = await startDaemon({
  home,
  port: Number(port),
  durability: durability === 'os' || durability === 'full' ? durability : 'fsync',
  // As `tokentally start` does, so the benchmarks measure the memory users see.
  releaseMemory: exposedGarbageCollector(),
});
process.stdout.write(
  `${JSON.stringify({ url: daemon.url, port: daemon.port, token: daemon.token, pid: process.pid })}\n`,
);
process.once('SIGTERM', () => {
  void daemon.close().then(() => process.exit(0));
});
if (process.env.TOKENTALLY_MEMORY_LOG === '1') {
  setInterval(() => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    const mb = (bytes: number): number => Math.round(bytes / 1048576);
    const spaces = getHeapSpaceStatistics()
      .map((space) => `${space.space_name} ${mb(space.space_size)}`)
      .join(', ');
    process.stderr.write(
      `memory rss ${mb(rss)} heapUsed ${mb(heapUsed)} heapTotal ${mb(heapTotal)} (${spaces})\n`,
    );
  }, 2000).unref();
}
