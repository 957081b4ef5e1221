// Bundles the CLI (and with it the daemon) into daemon/dist/cli.js, ESM for Node 20; the tokenizer ranks go to
// dist/chunks/, loaded on first use.
import { build } from 'esbuild';
import { chmod, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

// Bundled CommonJS dependencies call require(), __filename and __dirname, which ESM lacks; define them once.
const banner = [
  '#!/usr/bin/env node',
  "import { createRequire as __tokentallyCreateRequire } from 'node:module';",
  "import { fileURLToPath as __tokentallyFileURLToPath } from 'node:url';",
  "import { dirname as __tokentallyDirname } from 'node:path';",
  'const require = __tokentallyCreateRequire(import.meta.url);',
  'const __filename = __tokentallyFileURLToPath(import.meta.url);',
  'const __dirname = __tokentallyDirname(__filename);',
].join('\n');

const result = await build({
  absWorkingDir: here,
  entryPoints: { cli: join(here, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  // The tokenizer ranks (3.4 MB) are imported dynamically; as their own chunks only `count` and the daemon's
  // token route pay for parsing them, not every `tokentally status`.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads a native addon; ws's accelerators are optional native modules it probes for.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  banner: { js: banner },
  sourcemap: 'linked',
  legalComments: 'none',
  // Whitespace-free, one-byte (ASCII-escaped) source: V8 keeps it as a one-byte string, ~3 MB less idle RSS.
  minifyWhitespace: true,
  charset: 'ascii',
  logLevel: 'warning',
  metafile: true,
});

// Chunk names carry content hashes: drop the ones an earlier build left. (Not `rm -rf dist` first, so a CLI
// running from dist/ meanwhile keeps working.)
const current = new Set(Object.keys(result.metafile.outputs));
for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  if (entry.isFile() && !current.has(relative(here, path))) await rm(path);
}
await chmod(join(outdir, 'cli.js'), 0o755);
