// Bundles the CLI (and with it the daemon) into daemon/dist/cli.js, ESM for Node 20; the tokenizer ranks go to
// dist/chunks/, loaded on first use.
import { build } from 'esbuild';
import { chmod, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAEMON_BUNDLE_OPTIONS } from './bundle-options.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

const result = await build({
  ...DAEMON_BUNDLE_OPTIONS,
  absWorkingDir: here,
  entryPoints: { cli: join(here, 'src', 'cli', 'main.ts') },
  outdir,
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
