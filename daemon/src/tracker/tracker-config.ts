import { MAX_EVENTS_PER_BATCH } from '@tokentally/shared/schema/parse-events';
import type { TrackerFetch, TrackerOptions } from './tracker-types';

/** The daemon's address when neither `url` nor `TOKENTALLY_URL` is given. */
export const DEFAULT_URL = 'http://127.0.0.1:4747';

/** A tracker's options with every default filled in. */
export interface TrackerConfig {
  url: string;
  token: string | undefined;
  fetch: TrackerFetch;
  maxBatch: number;
  flushIntervalMs: number;
  maxBuffer: number;
  requestTimeoutMs: number;
}

const positive = (value: number | undefined, fallback: number): number =>
  value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;

/** Fills in the defaults: the environment's `TOKENTALLY_URL` and `TOKENTALLY_TOKEN`, then the built-in values. */
export function trackerConfig(options: TrackerOptions, env: NodeJS.ProcessEnv = process.env): TrackerConfig {
  const maxBuffer = positive(options.maxBuffer, 10_000);
  // A batch larger than the buffer could never fill.
  const maxBatch = Math.min(positive(options.maxBatch, 100), MAX_EVENTS_PER_BATCH, maxBuffer);
  const token = options.token ?? env.TOKENTALLY_TOKEN;
  const envUrl = env.TOKENTALLY_URL?.trim();
  return {
    url: options.url ?? (envUrl === undefined || envUrl === '' ? DEFAULT_URL : envUrl),
    token: token === '' ? undefined : token,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    maxBatch,
    flushIntervalMs: positive(options.flushIntervalMs, 1000),
    maxBuffer,
    requestTimeoutMs: positive(options.requestTimeoutMs, 10_000),
  };
}
