import picocolors from 'picocolors';
import type { CliIo, OutputStream } from './io';

/** The colour functions a command uses; identity functions when colour is off. */
export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colour only for a terminal, never when NO_COLOR is set (https://no-color.org), always when FORCE_COLOR asks. */
export function colorsFor(stream: OutputStream, env: CliIo['env']): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = !noColor && (force || (stream.isTTY === true && env.TERM !== 'dumb'));
  return picocolors.createColors(enabled);
}

/** Writes lines, each ending in a newline. */
export function writeLines(stream: OutputStream, lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
}

/** Writes a value as pretty JSON, for `--json`. */
export function writeJson(stream: OutputStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes `tokentally: message` to stderr and returns the exit code, so commands can `return fail(...)`. */
export function fail(io: Pick<CliIo, 'stderr' | 'env'>, message: string, code: number): number {
  const c = colorsFor(io.stderr, io.env);
  io.stderr.write(`${c.red('tokentally:')} ${message}\n`);
  return code;
}
