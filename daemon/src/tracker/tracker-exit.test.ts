import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { describe, expect, it } from 'vitest';
import { freePort, startTestDaemon } from './testing/test-daemon';

const script = fileURLToPath(new URL('./testing/exit-without-close.ts', import.meta.url));
const daemonDir = fileURLToPath(new URL('../..', import.meta.url));

// A program that records events and ends without closing its tracker, run in a process of its own.
const runForgetfulProgram = (url: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: daemonDir,
    env: { ...process.env, TOKENTALLY_URL: url },
  });

describe('a tracker in a process that ends without close()', () => {
  it('sends what is buffered before the process exits', async () => {
    const daemon = await startTestDaemon();
    const { stdout } = await runForgetfulProgram(daemon.url);
    const page = await createDaemonClient({ baseUrl: daemon.url, fetch }).listEvents({ agent: 'forgetful' });
    expect(stdout).toBe('');
    expect(page.ok ? page.value.events.map((event) => event.input_tokens) : []).toEqual([1, 2]);
    await daemon.close();
  });

  it('reports the events as dropped when the daemon cannot be reached', async () => {
    const { stdout } = await runForgetfulProgram(`http://127.0.0.1:${await freePort()}`);
    expect(stdout).toBe('closed 2\n');
  });
});
