// A load generator in its own process, so the daemon's figures are not bent by the client sharing its event loop:
//   node --import tsx bench/daemon/load-client.ts '<json options>'
// Prints one JSON line with what was acknowledged.
import { Agent, request } from 'node:http';
import { WebSocket, z } from '../../daemon/src/test-support/bench-deps';
import { batchJson, idPrefix } from './support/event-json';

const optionsSchema = z.object({
  mode: z.enum(['http', 'ws']),
  url: z.string(),
  path: z.string().optional(),
  seconds: z.number(),
  concurrency: z.int(),
  /** Events per request (1 sends a single event object). */
  batch: z.int(),
  /** Outstanding WebSocket batches per connection. */
  window: z.int().optional(),
  /** Cap on events per second across all workers (absent: as fast as acknowledged). */
  rate: z.number().optional(),
});
const ackSchema = z.object({ ref: z.number(), accepted: z.number() });
const healthSchema = z.object({ last_seq: z.number().optional() });

const options = optionsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const prefix = idPrefix();
let next = 0;
const latencies: number[] = [];
let events = 0;
let errors = 0;
const started = performance.now();
const deadline = started + options.seconds * 1000;

function body(): string {
  const start = next;
  next += options.batch;
  const json = batchJson(prefix, start, options.batch, Date.now());
  return options.batch === 1 ? json.slice(1, -1) : json;
}

async function paced(): Promise<void> {
  if (!options.rate) return;
  const due = started + (next / options.rate) * 1000;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

function post(agent: Agent, url: URL, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: options.path ?? '/v1/events',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function httpWorker(agent: Agent, url: URL): Promise<void> {
  while (performance.now() < deadline) {
    await paced();
    const text = body();
    const sent = performance.now();
    const status = await post(agent, url, text).catch(() => 0);
    latencies.push(performance.now() - sent);
    if (status === 200) events += options.batch;
    else errors += 1;
  }
}

// Subscribes from the current end, so the connection also receives every event stored (as a real client would).
function wsWorker(url: string, after: number): Promise<void> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/stream?after=${after}`);
  const window = options.window ?? 8;
  const sentAt = new Map<number, number>();
  let ref = 0;
  return new Promise((resolve) => {
    const send = (): void => {
      if (performance.now() >= deadline) {
        if (sentAt.size === 0) socket.close();
        return;
      }
      ref += 1;
      sentAt.set(ref, performance.now());
      socket.send(
        `{"type":"events","ref":${ref},"events":${batchJson(prefix, (next += options.batch) - options.batch, options.batch, Date.now())}}`,
      );
    };
    socket.on('open', () => {
      for (let i = 0; i < window; i += 1) send();
    });
    socket.on('message', (data: Buffer) => {
      // Event messages (the stream echoes what is stored) are skipped without parsing.
      if (data[9] !== 0x61 || !data.subarray(0, 12).toString().startsWith('{"type":"ack')) return;
      const ack = ackSchema.parse(JSON.parse(data.toString()));
      latencies.push(performance.now() - (sentAt.get(ack.ref) ?? 0));
      sentAt.delete(ack.ref);
      events += ack.accepted;
      send();
    });
    socket.on('close', () => {
      resolve();
    });
    socket.on('error', () => {
      errors += 1;
      resolve();
    });
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

const url = new URL(options.url);
const health = healthSchema.parse(
  options.mode === 'ws'
    ? await fetch(`${options.url}/healthz`).then(
        (r) => r.json(),
        () => ({}),
      )
    : {},
);
const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
const workers = Array.from({ length: options.concurrency }, () =>
  options.mode === 'ws' ? wsWorker(options.url, health.last_seq ?? 0) : httpWorker(agent, url),
);
await Promise.all(workers);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    events,
    errors,
    seconds,
    events_per_s: events / seconds,
    requests_per_s: latencies.length / seconds,
    p50_ms: percentile(latencies, 0.5),
    p99_ms: percentile(latencies, 0.99),
  })}\n`,
);
