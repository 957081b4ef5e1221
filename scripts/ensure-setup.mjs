#!/usr/bin/env node
// Brings a fresh checkout to a runnable state: pnpm 12 (the README installs it first; `npm start` and `npm test`
// still work without it), the workspace's dependencies (better-sqlite3 is compiled from source here), and, for
// the tests, Debian's Chromium. Each step is skipped when already done, so `pnpm start` and `pnpm test` stay
// quick on a set-up machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '12.21.0';
const forTests = process.argv.includes('--for-tests');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(
      `\ntokentally setup: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? 'signal'}).`,
    );
    process.exit(result.status ?? 1);
  }
}

function pnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const version = pnpmVersion();
if (version === null || !version.startsWith('12.')) {
  console.log(`tokentally setup: installing pnpm ${PNPM_VERSION} (found ${version ?? 'none'})`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

// pnpm's node-gyp does not read npm's `nodedir`; machines without internet build native addons against the
// headers Node ships, which npm is configured to use, so pass that setting on.
const env = { ...process.env };
if (!env.npm_config_nodedir) {
  const nodedir = spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).stdout?.trim();
  if (nodedir && nodedir !== 'undefined' && existsSync(`${nodedir}/include/node/common.gypi`)) {
    env.npm_config_nodedir = nodedir;
  } else if (existsSync('/usr/include/node/common.gypi')) {
    env.npm_config_nodedir = '/usr';
  }
}
run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], env);

if (forTests && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'tokentally setup: the browser tests need Debian Chromium: sudo apt-get install -y chromium fonts-liberation',
    );
    process.exit(1);
  }
  console.log('tokentally setup: installing Debian Chromium for the browser tests');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation']);
}

if (!forTests) {
  try {
    execFileSync('pnpm', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    throw new Error('pnpm is still not on PATH after installing it', { cause: error });
  }
}
