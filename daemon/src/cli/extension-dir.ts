import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the unpacked extension is, and whether it has been built yet. */
export interface ExtensionDir {
  dir: string;
  built: boolean;
}

/**
 * Finds `extension/.output/chrome-mv3` in the checkout this CLI runs from, looking upward from the CLI file
 * (daemon/dist/cli.js when bundled, daemon/src/cli/ from source). Undefined outside a checkout.
 */
export function findExtensionDir(moduleUrl: string): ExtensionDir | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'extension', 'package.json'))) {
      const unpacked = join(dir, 'extension', '.output', 'chrome-mv3');
      return { dir: unpacked, built: existsSync(join(unpacked, 'manifest.json')) };
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
