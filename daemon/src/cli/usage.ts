import type { CliIo } from './io';
import { EXIT } from './io';
import { colorsFor } from './output';

/** Reports a bad command line with a pointer to the command's help; returns exit code 64. */
export function usageError(io: Pick<CliIo, 'stderr' | 'env'>, command: string, message: string): number {
  const c = colorsFor(io.stderr, io.env);
  const helpFor = command === '' ? 'tokentally help' : `tokentally ${command} --help`;
  const who = command === '' ? 'tokentally:' : `tokentally ${command}:`;
  // node:util's parseArgs capitalizes its messages; ours read as one sentence after the prefix.
  const text = /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  io.stderr.write(`${c.red(who)} ${text}\nRun '${helpFor}' for usage.\n`);
  return EXIT.usage;
}
