import type { BudgetStatusEntry } from '@tokentally/shared/api/budget';
import type { FilterParams } from '@tokentally/shared/client/client-params';
import type { RequestInitLike, ResponseLike } from '@tokentally/shared/client/transport';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';

/**
 * What `record()` takes: a usage event as SPEC section 1 describes it, with token fields or with a provider's own
 * `usage` object (OpenAI, Anthropic, Gemini) that the daemon normalizes. `agent`, `project`, `id`, `ts` and
 * `source` default to the tracker's agent and project, a fresh time-ordered id, the time of the call, and `sdk`.
 */
export type RecordInput = UsageEventWire;

/** Why events were given up: the buffer was full (oldest first), the event was invalid, the daemon refused it, or the tracker was closed. */
export type DropReason = 'overflow' | 'invalid' | 'rejected' | 'closed';

/** Told to `onDrop` each time events are given up. */
export interface DropReport {
  reason: DropReason;
  events: UsageEventWire[];
  message: string;
}

/** What a tracker has done so far. */
export interface TrackerStats {
  recorded: number;
  /** Stored by the daemon. */
  accepted: number;
  /** Sent again after an answer was lost, and recognized by the daemon by their ids. */
  duplicates: number;
  dropped: Record<DropReason, number>;
  /** Waiting to be sent (including a batch in flight). */
  pending: number;
  /** Failed sends that will be (or were) retried. */
  retries: number;
  /** Why the last send failed, until one succeeds. */
  lastError: string | undefined;
}

/** The fetch a tracker sends with (the global one by default). */
export type TrackerFetch = (
  url: string,
  init: RequestInitLike & { signal?: AbortSignal },
) => Promise<ResponseLike>;

/** How `createTracker` is configured; every field but `agent` has a default. */
export interface TrackerOptions {
  /** The agent's name; `/` separates levels (`main/researcher`). */
  agent: string;
  project?: string;
  /** Default: `TOKENTALLY_URL`, else `http://127.0.0.1:4747`. */
  url?: string;
  /** Sent as `Authorization: Bearer`; default `TOKENTALLY_TOKEN` (needed only with `require_token`). */
  token?: string;
  fetch?: TrackerFetch;
  /** Events per request (default 100, at most 10,000). */
  maxBatch?: number;
  /** How long a recorded event may wait for a batch to fill (default 1000 ms). */
  flushIntervalMs?: number;
  /** Events kept while the daemon cannot be reached; past it the oldest are dropped (default 10,000). */
  maxBuffer?: number;
  /** Gives up on a request after this long (default 10,000 ms). */
  requestTimeoutMs?: number;
  /** Called whenever events are dropped, with them and why. */
  onDrop?: (report: DropReport) => void;
  /** Aborting it closes the tracker. */
  signal?: AbortSignal;
}

/** The filters of a budget check (SPEC `GET /v1/budgets/check`); default: the tracker's agent and project. */
export type BudgetFilters = FilterParams;

/** A budget check that did not find an exceeded budget; `checked` is false when the daemon could not be asked. */
export type BudgetCheckResult = { checked: true } | { checked: false; reason: string };

/** Records usage events for one agent and sends them to the daemon in batches. */
export interface Tracker extends AsyncDisposable {
  readonly agent: string;
  /** Buffers one event and answers its id; never throws (an invalid event is dropped and reported). */
  record(input: RecordInput): string | undefined;
  /** A tracker for the sub-agent `${agent}/${name}`, sharing this one's buffer and connection. */
  child(name: string): Tracker;
  /** Sends everything buffered now; resolves once the buffer is empty or a send failed (then `lastError` says why). */
  flush(): Promise<TrackerStats>;
  /** Asks the daemon whether a budget matching the filters is exceeded; throws `BudgetExceededError` when one is. */
  checkBudget(filters?: BudgetFilters): Promise<BudgetCheckResult>;
  stats(): TrackerStats;
  /** Flushes; on the root tracker also stops it, reporting what could not be sent as dropped (`closed`). */
  close(): Promise<TrackerStats>;
}

/** The budget of a 402, with the standing that exceeded it. */
export type ExceededBudget = BudgetStatusEntry;
