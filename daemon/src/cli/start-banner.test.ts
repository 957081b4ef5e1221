import picocolors from 'picocolors';
import { describe, expect, it } from 'vitest';
import { startBanner } from './start-banner';

const plain = picocolors.createColors(false);
const facts = {
  version: '0.1.0',
  url: 'http://127.0.0.1:4747',
  home: '/home/ada/.tokentally',
  dbPath: '/home/ada/.tokentally/tokentally.db',
  tokenPath: '/home/ada/.tokentally/token',
  watch: true,
  requireToken: false,
  extension: { dir: '/src/tokentally/extension/.output/chrome-mv3', built: true },
};

describe('startBanner', () => {
  it('says where the daemon listens, where its files are, and how to load the extension', () => {
    expect(startBanner(facts, plain)).toEqual([
      '● tokentally 0.1.0 listening on http://127.0.0.1:4747',
      '  data directory  /home/ada/.tokentally',
      '  database        /home/ada/.tokentally/tokentally.db',
      '  token file      /home/ada/.tokentally/token  (print it with `tokentally token`)',
      '  log watching    on: Claude Code and Codex session logs',
      '',
      'Load the browser extension:',
      '  1. open chrome://extensions',
      '  2. turn on Developer mode (top right)',
      '  3. click "Load unpacked" and pick /src/tokentally/extension/.output/chrome-mv3',
      "  4. open the extension's options and paste the token shown by `tokentally token`",
      '',
      'Press Ctrl-C to stop.',
    ]);
  });

  it('tells to build the extension first when it is not built', () => {
    const banner = startBanner({ ...facts, extension: { ...facts.extension, built: false } }, plain);
    expect(banner[10]).toBe("     (not built yet: run 'pnpm build' in the repository first)");
  });

  it('points to a checkout when the CLI runs outside one', () => {
    const banner = startBanner({ ...facts, extension: undefined }, plain);
    expect(banner.slice(7, 8)).toEqual([
      '  The extension is built from a tokentally checkout: extension/.output/chrome-mv3 after `pnpm build`.',
    ]);
  });
});
