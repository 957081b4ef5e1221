import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { z } from 'zod';
import { countSkip, type LogParser, type SkipCounts } from '../log-types';
import { baseName, fitLabel, fitTag, usageEventFromLog } from '../usage-event-from-log';
import {
  rolloutLineSchema,
  sessionMetaPayloadSchema,
  tokenCountPayloadSchema,
  turnContextPayloadSchema,
} from './line-schema';
import { codexAgent, idSafe, isForkedSession, sessionIdFromFileName } from './session-identity';
import {
  type CodexTotals,
  codexTotals,
  codexTotalsSchema,
  eventTokens,
  sameTotals,
  totalsDelta,
  totalsWentDown,
} from './token-totals';

// A fork's copied history is written in one burst (lines milliseconds apart, stamped with the fork instant);
// the fork's own first turn comes seconds later. The first gap this long ends the replayed prefix.
const FORK_BURST_GAP_MS = 1000;
// Codex logs before `turn_context` carried a model only ever used gpt-5 (ccusage assumes the same).
const FALLBACK_MODEL = 'gpt-5';

const stateSchema = z.object({
  sawMeta: z.boolean(),
  sessionId: z.string().optional(),
  cwd: z.string().optional(),
  model: z.string().optional(),
  agent: z.string(),
  previous: codexTotalsSchema.optional(),
  resets: z.int().min(0),
  fork: z.object({ inBurst: z.boolean(), startedAt: z.number(), lastAt: z.number().optional() }).optional(),
});
type RolloutState = z.infer<typeof stateSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface RolloutParserDeps {
  file: string;
  now: () => number;
  snapshot?: unknown;
}

/**
 * Turns a Codex rollout into one event per `token_count` that moved the session's cumulative
 * `total_token_usage`: the event is the delta from the previous total, so a re-emitted unchanged total
 * adds nothing. A total that went down means the counter restarted; that turn's `last_token_usage` is used.
 * In a forked or spawned session, the replayed prefix only sets the baseline (see FORK_BURST_GAP_MS).
 * Event ids are `cx:<session id>:<cumulative total>` (`r<n>:` after n restarts), stable across re-reads.
 */
export function createRolloutParser(deps: RolloutParserDeps): LogParser {
  const skips: SkipCounts = {};
  const ready: UsageEvent[] = [];
  const restored = stateSchema.safeParse(deps.snapshot);
  const state: RolloutState = restored.success
    ? restored.data
    : { sawMeta: false, agent: 'codex', resets: 0 };

  const trackForkBurst = (at: number): void => {
    const fork = state.fork;
    if (fork === undefined) return;
    const gap = fork.lastAt === undefined ? 0 : at - fork.lastAt;
    if (fork.inBurst && gap >= FORK_BURST_GAP_MS && at >= fork.startedAt) fork.inBurst = false;
    fork.lastAt = at;
  };

  const sessionMeta = (payload: unknown, at: number | undefined): void => {
    // A fork also carries its ancestors' session_meta lines; only the first one describes this file.
    if (state.sawMeta) return;
    const meta = sessionMetaPayloadSchema.safeParse(payload);
    if (!meta.success) return;
    state.sawMeta = true;
    state.sessionId = meta.data.id ?? undefined;
    state.cwd = meta.data.cwd ?? state.cwd;
    state.agent = codexAgent(meta.data);
    const startedAt = at ?? Date.parse(meta.data.timestamp ?? '');
    if (isForkedSession(meta.data))
      state.fork = { inBurst: true, startedAt: Number.isNaN(startedAt) ? 0 : startedAt };
  };

  const tokenCount = (payload: unknown, timestamp: string, start: number): void => {
    const parsed = tokenCountPayloadSchema.safeParse(payload);
    if (!parsed.success) {
      countSkip(skips, 'invalid_line');
      return;
    }
    const info = parsed.data.info;
    const total = info?.total_token_usage;
    const last = info?.last_token_usage;
    if (!info || (!total && !last)) {
      countSkip(skips, 'no_usage');
      return;
    }
    const at = Date.parse(timestamp);
    const replayed = state.fork !== undefined && (state.fork.inBurst || at < state.fork.startedAt);
    let delta: CodexTotals;
    let key: string;
    if (total) {
      const totals = codexTotals(total);
      const previous = state.previous;
      state.previous = totals;
      if (replayed) {
        countSkip(skips, 'fork_replay');
        return;
      }
      if (previous && sameTotals(totals, previous)) {
        countSkip(skips, 'unchanged_total');
        return;
      }
      if (previous && totalsWentDown(totals, previous)) {
        state.resets++;
        delta = last ? codexTotals(last) : totals;
      } else {
        delta = totalsDelta(totals, previous);
      }
      key = state.resets > 0 ? `r${state.resets}:${totals.total}` : `${totals.total}`;
    } else {
      if (replayed || !last) {
        countSkip(skips, 'fork_replay');
        return;
      }
      delta = codexTotals(last);
      key = `o${start}`;
    }
    const tokens = eventTokens(delta);
    if (tokens.input_tokens + tokens.cache_read_input_tokens + tokens.output_tokens === 0) {
      countSkip(skips, 'unchanged_total');
      return;
    }
    const sessionId = state.sessionId ?? sessionIdFromFileName(deps.file);
    const model = state.model ?? info.model ?? undefined;
    const project = fitLabel(state.cwd === undefined ? undefined : baseName(state.cwd));
    const tags: Record<string, string> = {};
    if (state.cwd) tags.cwd = fitTag(state.cwd);
    if (model === undefined) tags.model_assumed = 'true';
    const event = usageEventFromLog(
      {
        id: `cx:${idSafe(sessionId)}:${key}`,
        ts: timestamp,
        model: model ?? FALLBACK_MODEL,
        ...tokens,
        cache_creation_input_tokens: 0,
        cache_creation_1h_input_tokens: 0,
        agent: state.agent,
        session_id: fitLabel(sessionId) ?? 'unknown',
        source: 'codex',
        ...(project === undefined ? {} : { project }),
        ...(Object.keys(tags).length > 0 ? { tags } : {}),
      },
      deps.now(),
    );
    if (event === null) countSkip(skips, 'invalid_event');
    else ready.push(event);
  };

  return {
    needles: ['"token_count"', '"turn_context"', '"session_meta"'],
    skips,
    line(text, start, terminated) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        countSkip(skips, terminated ? 'malformed_json' : 'truncated_line');
        return;
      }
      if (!isRecord(value) || typeof value.type !== 'string') return;
      const kind = value.type;
      if (kind !== 'session_meta' && kind !== 'turn_context' && kind !== 'event_msg') return;
      const parsed = rolloutLineSchema.safeParse(value);
      if (!parsed.success) {
        countSkip(skips, 'invalid_line');
        return;
      }
      const { timestamp, payload } = parsed.data;
      const at = timestamp ? Date.parse(timestamp) : undefined;
      if (kind === 'session_meta') sessionMeta(payload, at);
      if (at !== undefined) trackForkBurst(at);
      if (kind === 'turn_context') {
        const context = turnContextPayloadSchema.safeParse(payload);
        if (context.success) {
          state.model = context.data.model ?? state.model;
          state.cwd = context.data.cwd ?? state.cwd;
        }
      } else if (kind === 'event_msg' && isRecord(payload) && payload.type === 'token_count') {
        if (!timestamp) countSkip(skips, 'invalid_line');
        else tokenCount(payload, timestamp, start);
      }
    },
    flush() {
      // Every token_count is final when written: nothing is held back.
    },
    openSince: () => null,
    drain: () => ready.splice(0),
    resumeOffset: () => null,
    snapshot: () => structuredClone(state),
  };
}
