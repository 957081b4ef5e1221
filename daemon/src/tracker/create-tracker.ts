import { createDaemonClient } from '@tokentally/shared/client/daemon-client';
import { summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { parseUsageEvents } from '@tokentally/shared/schema/parse-events';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';
import { createEventIdGenerator } from '../store/event-id';
import { createBatchLoop } from './batch-loop';
import { checkBudget } from './budget-check';
import { createEventSender } from './event-sender';
import { createSendBuffer } from './send-buffer';
import { trackerConfig } from './tracker-config';
import type {
  BudgetFilters,
  DropReason,
  RecordInput,
  Tracker,
  TrackerOptions,
  TrackerStats,
} from './tracker-types';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Creates a tracker for `agent`: `record()` buffers events (ids given at once, so a retry re-sends the same ids
 * and the daemon stores each once), and they are sent in batches of `maxBatch` or every `flushIntervalMs`. While
 * the daemon is down the buffer keeps the newest `maxBuffer` events and retries with backoff. Nothing keeps the
 * process alive: events still buffered when it would exit get one last send, and are reported dropped if that fails.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const config = trackerConfig(options);
  const { fetch: send, requestTimeoutMs } = config;
  const client = createDaemonClient({
    baseUrl: config.url,
    token: config.token,
    fetch: (url, init) => send(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) }),
  });
  const stats: TrackerStats = {
    recorded: 0,
    accepted: 0,
    duplicates: 0,
    dropped: { overflow: 0, invalid: 0, rejected: 0, closed: 0 },
    pending: 0,
    retries: 0,
    lastError: undefined,
  };
  const snapshot = (): TrackerStats => ({ ...stats, dropped: { ...stats.dropped }, pending: buffer.size() });

  function drop(reason: DropReason, events: UsageEventWire[], message: string, count = events.length): void {
    stats.dropped[reason] += count;
    try {
      options.onDrop?.({ reason, events, message });
    } catch {
      // A failing callback must not stop the tracker (record() never throws).
    }
  }

  const buffer = createSendBuffer(config.maxBuffer);
  const loop = createBatchLoop({ ...config, buffer, send: createEventSender(client), stats, drop });
  const nextId = createEventIdGenerator(() => Date.now());
  let closed = false;

  function record(input: RecordInput, agent: string): string | undefined {
    if (closed) {
      drop('closed', [input], 'the tracker is closed');
      return undefined;
    }
    try {
      const event: UsageEventWire = {
        ...input,
        id: input.id ?? nextId(),
        ts: input.ts ?? Date.now(),
        agent: input.agent ?? agent,
        source: input.source ?? 'sdk',
      };
      if (event.project === undefined && options.project !== undefined) event.project = options.project;
      const parsed = parseUsageEvents([event], { now: Date.now() });
      if (!parsed.ok) {
        drop('invalid', [event], summarizeIssues(parsed.issues.map((issue) => ({ ...issue, index: null }))));
        return undefined;
      }
      stats.recorded += 1;
      const lost = buffer.push(event);
      if (lost.length > 0) drop('overflow', lost, `the buffer holds at most ${config.maxBuffer} events`);
      loop.recorded();
      return event.id;
    } catch (error) {
      drop('invalid', [], `record() was given something other than an event: ${describe(error)}`, 1);
      return undefined;
    }
  }

  // Stops for good: what is still buffered is reported dropped, with the reason the last send failed.
  function abandon(when: string): void {
    closed = true;
    process.off('beforeExit', flushBeforeExit);
    loop.stop();
    const unsent = buffer.drain();
    if (unsent.length > 0)
      drop('closed', unsent, `not sent before ${when}: ${stats.lastError ?? 'unknown error'}`);
  }

  async function close(): Promise<TrackerStats> {
    if (closed) return snapshot();
    closed = true;
    await loop.flush();
    abandon('close');
    return snapshot();
  }

  // The event loop is empty and the process about to exit (timers are unref'd): one last send. Node does not
  // always emit beforeExit again after it, so what that send leaves is reported lost right away.
  function flushBeforeExit(): void {
    if (closed || buffer.size() === 0) return;
    void loop.flush().then(() => {
      if (buffer.size() > 0) abandon('exit');
    });
  }
  process.on('beforeExit', flushBeforeExit);
  if (options.signal?.aborted === true) void close();
  options.signal?.addEventListener('abort', () => void close(), { once: true });

  const budgetFilters = (agent: string, filters: BudgetFilters | undefined): BudgetFilters =>
    filters ?? { agent, ...(options.project === undefined ? {} : { project: options.project }) };

  function view(agent: string, root: boolean): Tracker {
    const flush = async (): Promise<TrackerStats> => {
      await loop.flush();
      return snapshot();
    };
    const end = root ? close : flush;
    return {
      agent,
      record: (input) => record(input, agent),
      child: (name) => view(`${agent}/${name}`, false),
      flush,
      checkBudget: (filters) => checkBudget(client, budgetFilters(agent, filters)),
      stats: snapshot,
      close: end,
      [Symbol.asyncDispose]: async () => {
        await end();
      },
    };
  }
  return view(options.agent, true);
}
