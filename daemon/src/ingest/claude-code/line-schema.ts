import { z } from 'zod';

// Claude Code's transcript lines evolve with every release, so unknown keys are kept; only what we read is checked.
const count = z.int().min(0).nullish();

/** Anthropic's usage block as Claude Code logs it in `message.usage`. */
export const claudeLogUsageSchema = z.looseObject({
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
  cache_creation: z
    .looseObject({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count })
    .nullish(),
  speed: z.string().nullish(),
});

/** A `type: "assistant"` line of a Claude Code transcript (one per content block of a response). */
export const claudeAssistantLineSchema = z.looseObject({
  type: z.literal('assistant'),
  timestamp: z.iso.datetime({ offset: true }),
  uuid: z.string().nullish(),
  sessionId: z.string().nullish(),
  cwd: z.string().nullish(),
  requestId: z.string().nullish(),
  agentId: z.string().nullish(),
  isSidechain: z.boolean().nullish(),
  isApiErrorMessage: z.boolean().nullish(),
  costUSD: z.number().min(0).nullish(),
  message: z.looseObject({
    id: z.string().nullish(),
    model: z.string().nullish(),
    usage: claudeLogUsageSchema,
  }),
});

export type ClaudeAssistantLine = z.infer<typeof claudeAssistantLineSchema>;
export type ClaudeLogUsage = z.infer<typeof claudeLogUsageSchema>;
