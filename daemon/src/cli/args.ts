import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed command line, or why it is not one (a usage error, exit 64). */
export type ParsedCommandLine<T extends ParseArgsConfig> =
  | { ok: true; values: ReturnType<typeof parseArgs<T>>['values']; positionals: string[] }
  | { ok: false; message: string };

const isParseArgsError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('ERR_PARSE_ARGS');

/** Parses a command's flags strictly; unknown flags and missing values are values, not throws. */
export function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  { positionals = false }: { positionals?: boolean } = {},
): ParsedCommandLine<{ options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: boolean }> {
  const config = {
    args: [...argv],
    options: { ...options, help: { type: 'boolean', short: 'h' } } as const,
    allowPositionals: positionals,
    allowNegative: true,
    strict: true,
  };
  try {
    const parsed = parseArgs(config);
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (isParseArgsError(error)) return { ok: false, message: error.message };
    throw new Error('could not parse the command line', { cause: error });
  }
}
