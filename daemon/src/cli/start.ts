import type { LogFields, Logger } from '../logger';
import { exposedGarbageCollector } from '../memory/garbage-collector';
import { DaemonStartError, startDaemon } from '../server';
import { daemonPaths } from '../config';
import { defineCommand } from './define-command';
import { resolveHome, resolvePort } from './env';
import { findExtensionDir } from './extension-dir';
import { type CliIo, EXIT } from './io';
import { colorsFor, fail, writeLines } from './output';
import { startBanner } from './start-banner';
import { usageError } from './usage';
import { CLI_VERSION } from './version';

function ioLogger(io: Pick<CliIo, 'stderr'>): Logger {
  const line = (level: string) => (message: string, fields?: LogFields) => {
    const extra =
      fields === undefined || Object.keys(fields).length === 0 ? '' : ` ${JSON.stringify(fields)}`;
    io.stderr.write(`[tokentally] ${level} ${message}${extra}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

function describeStartError(error: DaemonStartError, port: number): string {
  switch (error.code) {
    case 'port_in_use':
      return `port ${port} is already in use; stop what uses it, or pick another with --port or TOKENTALLY_PORT`;
    case 'already_running':
    case 'home_unusable':
      return error.message;
    default:
      return error.code satisfies never;
  }
}

/** `tokentally start`: runs the daemon in the foreground until SIGINT or SIGTERM. */
export const startCommand = defineCommand({
  name: 'start',
  summary: 'run the daemon in the foreground (prints where it listens and how to load the extension)',
  help: `Usage: tokentally start [--port PORT] [--no-watch] [--require-token]

Runs the daemon in the foreground on 127.0.0.1 and prints where it listens, its data directory, the token
file, and how to load the browser extension. Ctrl-C (SIGINT) or SIGTERM stops it cleanly: it stops accepting,
finishes writing what it received, closes the database, and exits 0.

Only one daemon runs per data directory: a second 'start' on the same TOKENTALLY_HOME exits 1.

Options:
  --port PORT       listen on PORT (default $TOKENTALLY_PORT or 4747; 0 picks a free one)
  --no-watch        do not follow Claude Code and Codex session logs
  --require-token   refuse every request without the token, local programs included
  -h, --help        show this help`,
  options: { port: { type: 'string' }, watch: { type: 'boolean' }, 'require-token': { type: 'boolean' } },
  async run(io, { values }) {
    const port = resolvePort(io.env, values.port);
    if (!port.ok) return usageError(io, 'start', port.message);
    const home = resolveHome(io);
    const watch = values.watch ?? true;
    let daemon;
    try {
      daemon = await startDaemon({
        home,
        port: port.port,
        watch,
        logger: ioLogger(io),
        releaseMemory: exposedGarbageCollector(),
        ...(values['require-token'] === true ? { requireToken: true } : {}),
      });
    } catch (error) {
      if (error instanceof DaemonStartError)
        return fail(io, describeStartError(error, port.port), EXIT.failure);
      throw error;
    }
    const c = colorsFor(io.stdout, io.env);
    writeLines(
      io.stdout,
      startBanner(
        {
          version: CLI_VERSION,
          url: daemon.url,
          home: daemon.home,
          dbPath: daemon.dbPath,
          tokenPath: daemonPaths(daemon.home).token,
          watch,
          requireToken: values['require-token'] === true,
          extension: findExtensionDir(import.meta.url),
        },
        c,
      ),
    );
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else
        io.signal.addEventListener(
          'abort',
          () => {
            resolve();
          },
          { once: true },
        );
    });
    io.stderr.write('tokentally: stopping: finishing writes and closing the database...\n');
    await daemon.close();
    io.stderr.write('tokentally: stopped\n');
    return EXIT.ok;
  },
});
