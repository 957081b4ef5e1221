import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningDaemon, type StartDaemonOptions, startDaemon } from '../server';

/** A daemon on a random port in a fresh temporary home, with helpers to call it. */
export interface TestDaemon {
  daemon: RunningDaemon;
  home: string;
  /** fetch() against the daemon; `path` starts with `/`. JSON bodies are sent as application/json. */
  request(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Like `request`, answering the status and parsed JSON body. */
  json(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Makes an empty temporary directory to use as `$TOKENTALLY_HOME`. */
export function tempHome(config?: Record<string, unknown>): string {
  const home = mkdtempSync(join(tmpdir(), 'tokentally-test-'));
  if (config !== undefined) writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  return home;
}

/** Starts a daemon in a temporary home (removed on close). */
export async function startTestDaemon(
  options: Partial<StartDaemonOptions> & { config?: Record<string, unknown> } = {},
): Promise<TestDaemon> {
  const { config, ...rest } = options;
  const home = rest.home ?? tempHome(config);
  const daemon = await startDaemon({ port: 0, ...rest, home });
  const request: TestDaemon['request'] = (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const hasBody = init.body !== undefined;
    if (hasBody) headers['content-type'] ??= 'application/json';
    const method = init.method ?? (hasBody ? 'POST' : 'GET');
    if (!hasBody) return fetch(`${daemon.url}${path}`, { method, headers });
    const body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    return fetch(`${daemon.url}${path}`, { method, headers, body });
  };
  return {
    daemon,
    home,
    request,
    async json(path, init) {
      const response = await request(path, init);
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
    async close() {
      await daemon.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
