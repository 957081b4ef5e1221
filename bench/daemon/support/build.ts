import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DAEMON_BUNDLE_OPTIONS } from '../../../daemon/bundle-options.mjs';

// Inside daemon/node_modules, so the bundles' external imports (better-sqlite3) resolve from the daemon's own
// dependencies, and out of dist/, which the CLI build owns.
const OUT = fileURLToPath(new URL('../../../daemon/node_modules/.tokentally-bench', import.meta.url));

const ENTRIES = {
  'daemon-child': fileURLToPath(new URL('../../../daemon/src/test-support/daemon-child.ts', import.meta.url)),
  'bare-server': fileURLToPath(new URL('../bare-server.ts', import.meta.url)),
  'bare-ws-server': fileURLToPath(new URL('../bare-ws-server.ts', import.meta.url)),
  'ingest-ceiling-child': fileURLToPath(new URL('../ingest-ceiling-child.ts', import.meta.url)),
  'ingest-ceiling-writer': fileURLToPath(new URL('../ingest-ceiling-writer.ts', import.meta.url)),
} as const;

export type BenchEntry = keyof typeof ENTRIES;

let built: Promise<void> | undefined;

/**
 * The servers under test bundled like the shipped CLI and run with plain `node`: under tsx, its loader thread
 * and transform cache would add tens of MB to every RSS figure and CPU to every request.
 */
export async function bundled(entry: BenchEntry): Promise<string> {
  built ??= build({
    ...DAEMON_BUNDLE_OPTIONS,
    entryPoints: ENTRIES,
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
  }).then(() => undefined);
  await built;
  return join(OUT, `${entry}.mjs`);
}
