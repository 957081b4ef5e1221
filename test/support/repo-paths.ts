import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The built Chrome extension (`pnpm build`, or `cd extension && npx wxt build`); `TOKENTALLY_EXTENSION_DIR` points
 * the tests at another build.
 */
export const EXTENSION_DIR =
  process.env.TOKENTALLY_EXTENSION_DIR ??
  fileURLToPath(new URL('../../extension/.output/chrome-mv3', import.meta.url));

/** The built daemon CLI (`pnpm build`). */
export const DAEMON_CLI = fileURLToPath(new URL('../../daemon/dist/cli.js', import.meta.url));

/** Where browser tests leave screenshots. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));
