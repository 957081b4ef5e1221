import type { ExtensionDir } from './extension-dir';
import type { Colors } from './output';

/** What the banner of `tokentally start` shows. */
export interface BannerFacts {
  version: string;
  url: string;
  home: string;
  dbPath: string;
  tokenPath: string;
  watch: boolean;
  requireToken: boolean;
  extension: ExtensionDir | undefined;
}

function extensionSteps(extension: ExtensionDir | undefined, c: Colors): string[] {
  if (extension === undefined) {
    return [
      '  The extension is built from a tokentally checkout: extension/.output/chrome-mv3 after `pnpm build`.',
    ];
  }
  const notBuilt = extension.built
    ? []
    : [c.yellow("     (not built yet: run 'pnpm build' in the repository first)")];
  return [
    '  1. open chrome://extensions',
    '  2. turn on Developer mode (top right)',
    `  3. click "Load unpacked" and pick ${c.cyan(extension.dir)}`,
    ...notBuilt,
    "  4. open the extension's options and paste the token shown by `tokentally token`",
  ];
}

/** The lines `tokentally start` prints once the daemon listens: where, its files, and how to load the extension. */
export function startBanner(facts: BannerFacts, c: Colors): string[] {
  return [
    `${c.green('●')} ${c.bold(`tokentally ${facts.version}`)} listening on ${c.cyan(facts.url)}`,
    `  data directory  ${facts.home}`,
    `  database        ${facts.dbPath}`,
    `  token file      ${facts.tokenPath}  ${c.dim('(print it with `tokentally token`)')}`,
    `  log watching    ${facts.watch ? 'on: Claude Code and Codex session logs' : 'off (--no-watch)'}`,
    ...(facts.requireToken ? ['  token required  for every request (--require-token)'] : []),
    '',
    c.bold('Load the browser extension:'),
    ...extensionSteps(facts.extension, c),
    '',
    c.dim('Press Ctrl-C to stop.'),
  ];
}
