import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// Inside daemon/node_modules, so the bundles' external imports (better-sqlite3) resolve from the daemon's own
// dependencies, and out of dist/, which the CLI build owns.
const OUT = fileURLToPath(new URL('../../../daemon/node_modules/.tokentally-bench', import.meta.url));

const ENTRIES = {
  'daemon-child': fileURLToPath(new URL('../../../daemon/src/test-support/daemon-child.ts', import.meta.url)),
  'bare-server': fileURLToPath(new URL('../bare-server.ts', import.meta.url)),
  'bare-ws-server': fileURLToPath(new URL('../bare-ws-server.ts', import.meta.url)),
} as const;

export type BenchEntry = keyof typeof ENTRIES;

// As daemon/build.mjs: bundled CommonJS dependencies need require, __filename and __dirname in ESM.
const BANNER = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __dirname_ } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __dirname_(__filename);',
].join('\n');

let built: Promise<void> | undefined;

/**
 * The servers under test bundled like the shipped CLI and run with plain `node`: under tsx, its loader thread
 * and transform cache would add tens of MB to every RSS figure and CPU to every request.
 */
export async function bundled(entry: BenchEntry): Promise<string> {
  built ??= build({
    entryPoints: ENTRIES,
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // As shipped: the tokenizer ranks in chunks of their own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
    banner: { js: BANNER },
    logLevel: 'warning',
  }).then(() => undefined);
  await built;
  return join(OUT, `${entry}.mjs`);
}
