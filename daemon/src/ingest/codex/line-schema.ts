import { z } from 'zod';

// Rollout lines gain fields with every Codex release: unknown keys are kept, only what we read is checked.
const count = z.int().min(0).nullish();
const text = z.string().nullish();

/** A rollout line: `{ timestamp, type, payload }`. */
export const rolloutLineSchema = z.looseObject({
  timestamp: z.iso.datetime({ offset: true }).nullish(),
  type: z.string(),
  payload: z.unknown(),
});

/** Codex's token usage counters; `input_tokens` includes the cached part, `output_tokens` the reasoning part. */
export const codexUsageSchema = z.looseObject({
  input_tokens: count,
  cached_input_tokens: count,
  output_tokens: count,
  reasoning_output_tokens: count,
  total_tokens: count,
});
export type CodexUsage = z.infer<typeof codexUsageSchema>;

const threadSpawnSchema = z.looseObject({ parent_thread_id: text, agent_role: text });

/** Who started a session: a client name, or a subagent (`review`, `compact`, or a spawned thread). */
export const sessionSourceSchema = z
  .union([
    z.string(),
    z.looseObject({
      subagent: z.union([z.string(), z.looseObject({ thread_spawn: threadSpawnSchema.nullish() })]).nullish(),
    }),
  ])
  .nullish()
  .catch(null);

/** `type: "session_meta"`: the session's id and cwd, and, for a fork, the session it was forked from. */
export const sessionMetaPayloadSchema = z.looseObject({
  id: text,
  cwd: text,
  timestamp: text,
  forked_from_id: text,
  source: sessionSourceSchema,
});
export type SessionMetaPayload = z.infer<typeof sessionMetaPayloadSchema>;

/** `type: "turn_context"`: the model and cwd of the turns that follow. */
export const turnContextPayloadSchema = z.looseObject({ model: text, cwd: text });

/** `type: "event_msg"` with `payload.type: "token_count"`: cumulative and last-turn usage (info is null for rate-limit-only updates). */
export const tokenCountPayloadSchema = z.looseObject({
  type: z.literal('token_count'),
  info: z
    .looseObject({
      total_token_usage: codexUsageSchema.nullish(),
      last_token_usage: codexUsageSchema.nullish(),
      model: text,
    })
    .nullish(),
});
