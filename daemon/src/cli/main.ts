import { COMMANDS, LONG_RUNNING } from './commands';
import { EXIT } from './io';
import { runCli } from './run';

const argv = process.argv.slice(2);
const shutdown = new AbortController();

// Only commands that run until stopped take over the signals; for the others Ctrl-C keeps its default (exit now).
if (argv[0] !== undefined && LONG_RUNNING.has(argv[0]) && !argv.includes('--help') && !argv.includes('-h')) {
  const stop = (): void => {
    // A second Ctrl-C while shutting down means "now".
    if (shutdown.signal.aborted) process.exit(130);
    shutdown.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// `tokentally export | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

try {
  process.exitCode = await runCli(
    {
      argv,
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      fetch: globalThis.fetch,
      cwd: process.cwd(),
      signal: shutdown.signal,
      now: Date.now,
    },
    COMMANDS,
  );
} catch (error) {
  process.stderr.write(
    `tokentally: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = EXIT.failure;
}
