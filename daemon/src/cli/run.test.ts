import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';
import { runCli } from './run';
import { testIo } from './test-io';
import { CLI_VERSION } from './version';

describe('runCli', () => {
  it('lists every command and the exit codes in help', async () => {
    const io = testIo(['help']);
    expect(await runCli(io, COMMANDS)).toBe(0);
    expect(io.stdout.text()).toContain(
      '  budget  set, list, remove budgets; status exits 0 ok, 1 warning, 2 exceeded\n',
    );
    expect(io.stdout.text()).toContain(
      '  64   usage error: unknown command or option, missing or malformed value',
    );
  });

  it('prints a command help with help <command>', async () => {
    const io = testIo(['help', 'token']);
    expect(await runCli(io, COMMANDS)).toBe(0);
    expect(io.stdout.text()).toMatch(/^Usage: tokentally token \[--json\]\n/);
  });

  it('answers --help for every command with its usage and exit 0', async () => {
    const runs = await Promise.all(
      COMMANDS.map(async (command) => {
        const io = testIo([command.name, '--help']);
        return [
          command.name,
          await runCli(io, COMMANDS),
          io.stdout.text().startsWith(`Usage: tokentally ${command.name}`),
        ];
      }),
    );
    expect(runs).toEqual(COMMANDS.map((command) => [command.name, 0, true]));
  });

  it('refuses an unknown command with exit 64 and a pointer to help', async () => {
    const io = testIo(['frobnicate']);
    expect(await runCli(io, COMMANDS)).toBe(64);
    expect(io.stderr.text()).toBe(
      "tokentally: unknown command 'frobnicate'\nRun 'tokentally help' for usage.\n",
    );
  });

  it('refuses an unknown flag with exit 64 naming the command', async () => {
    const io = testIo(['report', '--bogus']);
    expect(await runCli(io, COMMANDS)).toBe(64);
    expect(io.stderr.text()).toContain("tokentally report: unknown option '--bogus'");
    expect(io.stderr.text()).toContain("Run 'tokentally report --help' for usage.\n");
  });

  it('refuses a missing flag value with exit 64', async () => {
    const io = testIo(['export', '--format']);
    expect(await runCli(io, COMMANDS)).toBe(64);
    expect(io.stderr.text()).toBe(
      "tokentally export: option '--format <value>' argument missing\nRun 'tokentally export --help' for usage.\n",
    );
  });

  it('prints the usage and exits 64 when no command is given', async () => {
    const io = testIo([]);
    expect(await runCli(io, COMMANDS)).toBe(64);
    expect(io.stderr.text()).toMatch(/^Usage: tokentally <command> \[options\]/);
  });

  it('prints its version', async () => {
    const io = testIo(['--version']);
    expect(await runCli(io, COMMANDS)).toBe(0);
    expect(io.stdout.text()).toBe(`${CLI_VERSION}\n`);
  });

  it('refuses a malformed TOKENTALLY_PORT with exit 64', async () => {
    const io = testIo(['status'], { env: { TOKENTALLY_PORT: 'eighty' } });
    expect(await runCli(io, COMMANDS)).toBe(64);
    expect(io.stderr.text()).toBe(
      "tokentally status: TOKENTALLY_PORT expects a port number from 0 to 65535; got 'eighty'\nRun 'tokentally status --help' for usage.\n",
    );
  });
});
