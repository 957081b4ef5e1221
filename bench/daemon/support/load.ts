import { fileURLToPath } from 'node:url';
import { z } from '../../../daemon/src/test-support/bench-deps';
import { bundled } from './build';
import { runTs, type TsProcess } from './processes';

const CLIENT = fileURLToPath(new URL('../load-client.ts', import.meta.url));

export const loadResultSchema = z.object({
  requests: z.number(),
  events: z.number(),
  errors: z.number(),
  seconds: z.number(),
  events_per_s: z.number(),
  requests_per_s: z.number(),
  p50_ms: z.number(),
  p99_ms: z.number(),
});
export type LoadResult = z.infer<typeof loadResultSchema>;

/** Options of load-client.ts. */
export interface LoadOptions {
  mode: 'http' | 'ws';
  url: string;
  path?: string;
  seconds: number;
  concurrency: number;
  batch: number;
  window?: number;
  rate?: number;
}

/** Runs the load client in its own process and answers what it measured. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const client = runTs(CLIENT, [JSON.stringify(options)]);
  return loadResultSchema.parse(await client.first);
}

/** A daemon in its own process (daemon-child.ts) on a random port. */
export async function startDaemonProcess(
  home: string,
  durability: 'fsync' | 'full' | 'os' = 'fsync',
): Promise<{ process: TsProcess; url: string; pid: number }> {
  const daemon = runTs(await bundled('daemon-child'), [home, '0', durability]);
  const ready = z.object({ url: z.string(), pid: z.int() }).parse(await daemon.first);
  return { process: daemon, url: ready.url, pid: ready.pid };
}

/** The bare node:http baseline in its own process. */
export async function startBareServer(): Promise<{ process: TsProcess; url: string }> {
  const bare = runTs(await bundled('bare-server'));
  const ready = z.object({ port: z.int() }).parse(await bare.first);
  return { process: bare, url: `http://127.0.0.1:${ready.port}` };
}

/** The bare `ws` baseline in its own process. */
export async function startBareWsServer(): Promise<{ process: TsProcess; url: string }> {
  const bare = runTs(await bundled('bare-ws-server'));
  const ready = z.object({ port: z.int() }).parse(await bare.first);
  return { process: bare, url: `http://127.0.0.1:${ready.port}` };
}
