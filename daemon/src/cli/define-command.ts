import type { ParseArgsConfig, parseArgs } from 'node:util';
import { parseCommandLine } from './args';
import { type CliIo, type Command, EXIT, type ExitCode } from './io';
import { usageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };

/** A command's parsed flags and positional arguments. */
export interface CommandArgs<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: WithHelp<O>; allowPositionals: boolean }>>['values'];
  positionals: string[];
}

/** What a command declares: its flags, its help, and what it does with parsed flags. */
export interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  help: string;
  options: O;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number };
  run(io: CliIo, args: CommandArgs<O>): Promise<ExitCode>;
}

/** Builds a command that parses its flags strictly, answers `--help`, and turns bad input into exit 64. */
export function defineCommand<const O extends Options>(spec: CommandSpec<O>): Command {
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(io) {
      const args = parseCommandLine(io.argv, spec.options, { positionals: max > 0 });
      if (!args.ok) return usageError(io, spec.name, args.message);
      // The generic values type cannot be narrowed here; every command has --help, so read it as a plain record.
      const flags: Readonly<Record<string, unknown>> = args.values;
      if (flags.help === true) {
        io.stdout.write(`${spec.help}\n`);
        return EXIT.ok;
      }
      if (args.positionals.length < min) return usageError(io, spec.name, 'missing argument');
      if (args.positionals.length > max) {
        return usageError(io, spec.name, `unexpected argument '${args.positionals[max] ?? ''}'`);
      }
      return spec.run(io, { values: args.values, positionals: args.positionals });
    },
  };
}
