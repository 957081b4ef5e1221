import { overview } from './help';
import { type CliIo, type Command, EXIT, type ExitCode } from './io';
import { usageError } from './usage';
import { CLI_VERSION } from './version';

/** Runs `tokentally <command> ...args` against a table of commands; `io.argv` is everything after `tokentally`. */
export async function runCli(io: CliIo, commands: readonly Command[]): Promise<ExitCode> {
  const [name, ...rest] = io.argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = commands.find((candidate) => candidate.name === topic);
    if (topic !== undefined && command === undefined) return usageError(io, '', `unknown command '${topic}'`);
    // Bare `tokentally` is a mistake worth a usage code; its overview goes to stderr, away from pipes.
    (name === undefined ? io.stderr : io.stdout).write(`${command?.help ?? overview(commands)}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const what = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
    return usageError(io, '', what);
  }
  return command.run({ ...io, argv: rest });
}
