import { type Command, EXIT } from './io';

/** The overview `tokentally help` prints: every command, the environment, and the exit codes. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: tokentally <command> [options]

Tracks what AI agents spend on LLM tokens, locally.

Commands:
${lines.join('\n')}

Run 'tokentally <command> --help' (or 'tokentally help <command>') for a command's options.
Most commands take --json for machine-readable output.

Environment:
  TOKENTALLY_HOME   data directory: database, token, config (default ~/.tokentally)
  TOKENTALLY_PORT   daemon port (default 4747); the CLI talks to http://127.0.0.1:PORT
  NO_COLOR          disable colour (colour is also off when output is not a terminal)

Exit codes:
  ${EXIT.ok}    success; 'budget status': every budget is ok
  ${EXIT.failure}    failure (daemon not running, request refused, unreadable file); 'budget status': a warning
  ${EXIT.exceeded}    'budget status': a budget is exceeded
  ${EXIT.usage}   usage error: unknown command or option, missing or malformed value`;
}
