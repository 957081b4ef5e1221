// Claude Code log import speed: tokentally's importer against ccusage@18 on the same generated tree.
// Run: npx tsx bench/import/run.ts   (BENCH_IMPORT_MB=500 by default; BENCH_CCUSAGE=0 skips ccusage).
// Prints figures only; it never fails on a slow result.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { importLogs, type ImportSummary } from '../../daemon/src/ingest/import';
import { formatTable } from '../tokens/measure';
import { runCcusage } from './ccusage';
import { addToDay, compareDays, type DailyTotals, utcDay } from './day-totals';
import { generateClaudeTree } from './generate-claude-tree';
import { importIntoStore } from './store-import';

const MB = 1_000_000;
const GENERATOR_VERSION = 2;
const targetMb = Number(process.env.BENCH_IMPORT_MB ?? 500);
const treeDir = fileURLToPath(new URL(`../.data/import-claude-${targetMb}mb`, import.meta.url));
const marker = join(treeDir, 'generated.json');
const wanted = JSON.stringify({ targetMb, version: GENERATOR_VERSION });

if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
  rmSync(treeDir, { recursive: true, force: true });
  const started = performance.now();
  const tree = generateClaudeTree(treeDir, targetMb * MB);
  writeFileSync(marker, wanted);
  console.log(
    `generated ${(tree.bytes / MB).toFixed(0)} MB in ${tree.files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Counted {
  summary: ImportSummary;
  seconds: number;
  /** CPU seconds of this process (all threads): less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
  all: DailyTotals;
  sessionsOnly: DailyTotals;
}

async function countOnlyImport(): Promise<Counted> {
  const all: DailyTotals = new Map();
  const sessionsOnly: DailyTotals = new Map();
  const count = (events: UsageEvent[]) => {
    for (const event of events) {
      const totals = {
        input: event.input_tokens,
        output: event.output_tokens,
        cacheWrite: event.cache_creation_input_tokens,
        cacheRead: event.cache_read_input_tokens,
      };
      addToDay(all, utcDay(event.ts), totals);
      if (event.agent === 'claude-code') addToDay(sessionsOnly, utcDay(event.ts), totals);
    }
    return Promise.resolve({ accepted: events.length, duplicates: 0, first_seq: null, last_seq: null });
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await importLogs('claude', { dir: treeDir, ingest: count });
  const used = process.cpuUsage(cpu);
  return {
    summary,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    all,
    sessionsOnly,
  };
}

const mbps = (bytes: number, seconds: number): string => `${(bytes / MB / seconds).toFixed(0)} MB/s`;

const runs = [await countOnlyImport(), await countOnlyImport()];
const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const { summary } = best;
console.log(`\ntree: ${(summary.bytes / MB).toFixed(0)} MB, ${summary.files} files, ${summary.lines} lines`);
console.log(
  `tokentally import (count only): ${runs.map((run) => `${run.seconds.toFixed(2)} s`).join(', ')} -> best ${mbps(summary.bytes, best.seconds)} (${mbps(summary.bytes, best.cpuSeconds)} of CPU time)`,
);
console.log(`  events ${summary.events}, skipped ${JSON.stringify(summary.skipped)}`);

const storeDir = mkdtempSync(join(tmpdir(), 'tt-bench-store-'));
try {
  const stored = await importIntoStore(treeDir, join(storeDir, 'tokentally.db'));
  console.log(
    `tokentally import into the daemon store: ${stored.seconds.toFixed(2)} s -> ${mbps(summary.bytes, stored.seconds)} (${stored.accepted} stored, ${(stored.accepted / stored.seconds).toFixed(0)} events/s)`,
  );
} catch (error) {
  console.log(`daemon store import unavailable: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}

if (process.env.BENCH_CCUSAGE === '0') {
  console.log('ccusage skipped (BENCH_CCUSAGE=0)');
} else {
  const ccusage = await runCcusage(treeDir);
  if (!ccusage.ok) {
    console.log(`ccusage unavailable (${ccusage.reason})`);
  } else {
    console.log(
      `ccusage@18 daily --offline --json: ${ccusage.seconds.toFixed(2)} s -> ${mbps(summary.bytes, ccusage.seconds)}`,
    );
    console.log(`speed ratio tokentally / ccusage: ${(ccusage.seconds / best.seconds).toFixed(1)}x`);
    for (const [label, ours] of [
      ['all files', best.all],
      ['session files only (ccusage 18 may skip subagents/)', best.sessionsOnly],
    ] as const) {
      const { rows, mismatches } = compareDays(ours, ccusage.days);
      console.log(
        `\nper-day totals, tokentally (${label}) vs ccusage: ${mismatches} day(s) differ on input or cache`,
      );
      console.log(
        formatTable(
          [
            'day',
            'input tt',
            'input cc',
            'cache write tt',
            'cache write cc',
            'cache read tt',
            'cache read cc',
            'output tt',
            'output cc',
            'same',
          ],
          rows,
        ),
      );
    }
  }
}
