#!/usr/bin/env node
// Runs every benchmark in turn and lets each print its own table. Benchmarks measure; they never fail the
// run on a figure (targets are printed beside the figures), only on a crash.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const entries = [
  'tokens.ts',
  ...['daemon', 'import', 'extension'].flatMap((dir) =>
    existsSync(join(here, dir))
      ? readdirSync(join(here, dir))
          .filter((file) => /^(run|bench-.*)\.ts$/.test(file))
          .map((file) => `${dir}/${file}`)
      : [],
  ),
];

let failed = 0;
for (const entry of entries) {
  if (only.length > 0 && !only.some((name) => entry.includes(name))) continue;
  console.log(`\n=== bench/${entry} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, entry)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench/${entry} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
