/** Where a command writes: process.stdout in production, a string sink in tests. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  readonly isTTY?: boolean | undefined;
  /** Terminal width, when the stream is a terminal. */
  readonly columns?: number | undefined;
  /** Node streams have it: lets big outputs wait for `drain` instead of buffering in memory. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Everything a command touches outside itself, passed in so tests run commands in-process. */
export interface CliIo {
  /** The arguments after the command name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly fetch: typeof fetch;
  readonly cwd: string;
  /** Aborted on SIGINT or SIGTERM: long-running commands (`start`, `watch`) stop when it fires. */
  readonly signal: AbortSignal;
  /** The current time in epoch milliseconds. */
  readonly now: () => number;
}

/** A command's result: the process exit code. */
export type ExitCode = number;

/** Exit codes every command shares; `tokentally help` documents them. */
export const EXIT = {
  ok: 0,
  /** The command failed: daemon down, request refused, file unreadable; `budget status`: a warning. */
  failure: 1,
  /** `budget status`: a budget is exceeded. */
  exceeded: 2,
  /** Bad command line: unknown command or flag, missing or malformed value (BSD sysexits EX_USAGE). */
  usage: 64,
} as const;

/** One subcommand of `tokentally`. */
export interface Command {
  readonly name: string;
  /** One line for `tokentally help`. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  run(io: CliIo): Promise<ExitCode>;
}
