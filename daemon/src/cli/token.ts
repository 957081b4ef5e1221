import { daemonPaths, ensureToken } from '../config';
import { defineCommand } from './define-command';
import { resolveHome } from './env';
import { EXIT } from './io';
import { writeJson } from './output';

/** `tokentally token`: prints the daemon's token, creating it if there is none yet. */
export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'print the access token for the extension (created if needed)',
  help: `Usage: tokentally token [--json]

Prints the daemon's access token, creating $TOKENTALLY_HOME/token (32 random bytes as hex, mode 0600)
if it does not exist yet. Paste it into the extension's options page.

Options:
  --json       print {"token", "path"}
  -h, --help   show this help`,
  options: { json: { type: 'boolean' } },
  async run(io, { values }) {
    const home = resolveHome(io);
    const token = await ensureToken(home);
    if (values.json === true) writeJson(io.stdout, { token, path: daemonPaths(home).token });
    else io.stdout.write(`${token}\n`);
    return EXIT.ok;
  },
});
