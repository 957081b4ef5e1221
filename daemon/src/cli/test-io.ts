import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import type { TestDaemon } from '../test-support/temp-daemon';
import { COMMANDS } from './commands';
import type { CliIo, OutputStream } from './io';
import { runCli } from './run';

/** A captured stream: what was written, as text. */
export interface Capture extends OutputStream {
  text(): string;
}

/** An output stream that keeps what is written; a non-terminal unless `isTTY` says otherwise. */
export function capture({ isTTY = false }: { isTTY?: boolean } = {}): Capture {
  const decoder = new TextDecoder();
  let text = '';
  return {
    isTTY,
    write(chunk) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
      return true;
    },
    text: () => text,
  };
}

/** 2025-06-15T12:00:00Z: the fixed "now" of CLI tests. */
export const TEST_NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

/** Options of one in-process CLI run. */
export interface TestRunOptions {
  env?: CliIo['env'];
  stdin?: string;
  signal?: AbortSignal;
  cwd?: string;
  stdout?: Capture;
}

/** The io of one in-process CLI run, with captured output. */
export function testIo(
  argv: readonly string[],
  options: TestRunOptions = {},
): CliIo & { stdout: Capture; stderr: Capture } {
  return {
    argv,
    env: options.env ?? {},
    stdout: options.stdout ?? capture(),
    stderr: capture(),
    stdin: Readable.from([options.stdin ?? '']),
    fetch: globalThis.fetch,
    cwd: options.cwd ?? tmpdir(),
    signal: options.signal ?? new AbortController().signal,
    now: () => TEST_NOW,
  };
}

/** What a CLI run left: its exit code and output. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tokentally ...argv` in-process. */
export async function runTokentally(
  argv: readonly string[],
  options: TestRunOptions = {},
): Promise<RunResult> {
  const io = testIo(argv, options);
  const code = await runCli(io, COMMANDS);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

/** The environment that points the CLI at a test daemon. */
export function envFor(daemon: TestDaemon): CliIo['env'] {
  return { TOKENTALLY_HOME: daemon.home, TOKENTALLY_PORT: String(daemon.daemon.port) };
}

/** An environment whose daemon is not running (nothing listens on port 1). */
export const NO_DAEMON_ENV: CliIo['env'] = { TOKENTALLY_HOME: tmpdir(), TOKENTALLY_PORT: '1' };

/** Waits until `check` holds, polling every 10 ms; throws after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A usage event at a fixed time, for seeding a test daemon. */
export function seedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'gpt-4o',
    input_tokens: 1200,
    output_tokens: 300,
    ts: '2025-06-15T10:00:00Z',
    ...overrides,
  };
}
