import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireHomeLock } from './home-lock';
import { tempHome } from './test-support/temp-daemon';

describe('acquireHomeLock', () => {
  it('is held once: a second taker learns who holds it', () => {
    const path = join(tempHome(), 'daemon.pid');
    const first = acquireHomeLock(path);
    const second = acquireHomeLock(path);
    expect(second).toEqual({ ok: false, holder: { pid: process.pid, port: null } });
    expect(first.ok).toBe(true);
  });

  it('records the port and frees the lock on release', () => {
    const path = join(tempHome(), 'daemon.pid');
    const first = acquireHomeLock(path);
    const lock = first.ok ? first.lock : undefined;
    lock?.update(4747);
    const recorded: unknown = JSON.parse(readFileSync(path, 'utf8'));
    lock?.release();
    expect(recorded).toEqual({ pid: process.pid, port: 4747 });
    expect(acquireHomeLock(path).ok).toBe(true);
  });

  it('takes over a lock whose process is gone', () => {
    const path = join(tempHome(), 'daemon.pid');
    writeFileSync(path, JSON.stringify({ pid: 999_999_999, port: 4747 }));
    expect(acquireHomeLock(path).ok).toBe(true);
  });
});
