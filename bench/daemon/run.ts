// Every daemon benchmark in turn, then one table of all their figures.   npx tsx bench/daemon/run.ts
import { run as batchIngest } from './batch-ingest';
import { run as ingestCeiling } from './ingest-ceiling';
import { run as memory } from './memory';
import { run as postRate } from './post-rate';
import { run as summary } from './summary';
import { type BenchRow, printTable } from './support/table';
import { run as wsIngest } from './ws-ingest';

const rows: BenchRow[] = [];
for (const [name, bench] of [
  ['post-rate', postRate],
  ['batch-ingest', batchIngest],
  ['ws-ingest', wsIngest],
  ['ingest-ceiling', ingestCeiling],
  ['summary', summary],
  ['memory', memory],
] as const) {
  process.stderr.write(`running ${name}...\n`);
  const result = await bench();
  printTable(name, result);
  rows.push(...result);
}
printTable('tokentally daemon benchmarks', rows);
