// The esbuild options of the shipped daemon bundle, shared by daemon/build.mjs and the benchmarks' bundles, so
// the benchmarks measure what users run (the whitespace and charset options alone change idle RSS by ~3 MB).

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

/** esbuild options for a Node 20 ESM bundle of daemon code; add entryPoints and outdir. */
export const DAEMON_BUNDLE_OPTIONS = {
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
};
