import type { UsageEvent } from '@tokentally/shared/schema/usage-event';
import { z } from 'zod';
import { countSkip, type LogParser, type SkipCounts } from '../log-types';
import { baseName, fitLabel, fitTag, type LogEventFields, usageEventFromLog } from '../usage-event-from-log';
import type { ClaudeFileContext } from './file-context';
import { type ClaudeAssistantLine, claudeAssistantLineSchema } from './line-schema';
import type { ResponseRegistry } from './response-registry';
import {
  isEmptyUsage,
  largerUsage,
  responseEventId,
  responseKey,
  responseUsage,
  type ResponseUsage,
  usageGrowth,
} from './response-usage';

interface OpenResponse {
  key: string;
  line: ClaudeAssistantLine;
  usage: ResponseUsage;
  firstStart: number;
  lastAt: number;
  /** Set when an already-emitted response grew: only the growth is emitted, as part `part`. */
  emitted?: { usage: ResponseUsage; part: number };
}

const usageSnapshotSchema = z.object({
  input: z.number(),
  output: z.number(),
  cacheWrite: z.number(),
  cacheWrite1h: z.number(),
  cacheRead: z.number(),
});
const snapshotSchema = z.object({
  recent: z.array(z.object({ key: z.string(), usage: usageSnapshotSchema, parts: z.int().min(0) })),
});
type EmittedResponse = z.infer<typeof snapshotSchema>['recent'][number];

// How many emitted responses per file are remembered to catch one that grows after its event was sent, and
// how many of them survive a restart (kept small: the watcher saves every followed file's snapshot).
const RECENT_LIMIT = 64;
const SNAPSHOT_LIMIT = 8;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface TranscriptParserDeps {
  context: ClaudeFileContext;
  registry: ResponseRegistry;
  now: () => number;
  snapshot?: unknown;
}

/**
 * Turns a Claude Code transcript into one event per API response. Claude Code writes a line per content block,
 * each repeating `message.id` + `requestId` with a usage that only grows; a response is emitted once a line
 * of another response arrives or `flush` is called (end of file, or a quiet file in the watcher), with the
 * largest usage seen. Should a line of an emitted response still show more, only the growth is emitted, as
 * `<id>.<n>`, so totals stay right. `<synthetic>` models and API-error lines are not API calls and are skipped.
 */
export function createTranscriptParser(deps: TranscriptParserDeps): LogParser {
  const { context, registry, now } = deps;
  const skips: SkipCounts = {};
  const open = new Map<string, OpenResponse>();
  const recent = new Map<string, EmittedResponse>();
  const ready: UsageEvent[] = [];
  const restored = snapshotSchema.safeParse(deps.snapshot);
  if (restored.success) for (const entry of restored.data.recent) recent.set(entry.key, entry);

  const emit = (response: OpenResponse): void => {
    const part = response.emitted?.part ?? 0;
    const usage = response.emitted ? usageGrowth(response.usage, response.emitted.usage) : response.usage;
    recent.delete(response.key);
    recent.set(response.key, { key: response.key, usage: response.usage, parts: part });
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value ?? '');
    if (response.emitted && isEmptyUsage(usage)) return;
    const event = usageEventFromLog(toWire(response, usage, part), now());
    if (event === null) countSkip(skips, 'invalid_event');
    else ready.push(event);
  };

  const toWire = (response: OpenResponse, usage: ResponseUsage, part: number): LogEventFields => {
    const { line } = response;
    const cwd = line.cwd ?? undefined;
    const project = fitLabel(cwd === undefined ? context.projectDir : baseName(cwd));
    const sessionId = fitLabel(line.sessionId ?? undefined);
    const requestId = fitLabel(line.requestId ?? undefined);
    const tags: Record<string, string> = {};
    if (cwd) tags.cwd = fitTag(cwd);
    if (line.message.usage.speed && line.message.usage.speed !== 'standard')
      tags.speed = fitTag(line.message.usage.speed);
    return {
      id: part === 0 ? responseEventId(response.key) : `${responseEventId(response.key)}.${part}`,
      ts: line.timestamp,
      model: line.message.model ?? 'unknown',
      input_tokens: usage.input,
      output_tokens: usage.output,
      cache_creation_input_tokens: usage.cacheWrite,
      cache_creation_1h_input_tokens: Math.min(usage.cacheWrite1h, usage.cacheWrite),
      cache_read_input_tokens: usage.cacheRead,
      reasoning_tokens: 0,
      agent: context.agent,
      source: 'claude-code',
      ...(project === undefined ? {} : { project }),
      ...(sessionId === undefined ? {} : { session_id: sessionId }),
      ...(requestId === undefined ? {} : { request_id: requestId }),
      ...(part === 0 && line.costUSD != null ? { cost_usd: line.costUSD } : {}),
      ...(Object.keys(tags).length > 0 ? { tags } : {}),
    };
  };

  const closeAll = (): void => {
    for (const response of open.values()) emit(response);
    open.clear();
  };

  const accept = (line: ClaudeAssistantLine, start: number): void => {
    const key = responseKey(line);
    const usage = responseUsage(line.message.usage);
    const current = open.get(key);
    if (current) {
      current.usage = largerUsage(current.usage, usage);
      current.lastAt = now();
      countSkip(skips, 'streaming_update');
      return;
    }
    const sent = recent.get(key);
    if (sent) {
      const grown = largerUsage(sent.usage, usage);
      countSkip(skips, 'streaming_update');
      if (isEmptyUsage(usageGrowth(grown, sent.usage))) return;
      const emitted = { usage: sent.usage, part: sent.parts + 1 };
      open.set(key, { key, line, usage: grown, firstStart: start, lastAt: now(), emitted });
      return;
    }
    const owner = registry.owner(key);
    if (owner !== undefined && owner !== context.file) {
      countSkip(skips, 'replayed_response');
      return;
    }
    closeAll();
    registry.claim(key, context.file);
    open.set(key, { key, line, usage, firstStart: start, lastAt: now() });
  };

  return {
    needles: ['"usage"'],
    skips,
    line(text, start, terminated) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        countSkip(skips, terminated ? 'malformed_json' : 'truncated_line');
        return;
      }
      if (
        !isRecord(value) ||
        value.type !== 'assistant' ||
        !isRecord(value.message) ||
        !('usage' in value.message)
      ) {
        return;
      }
      const parsed = claudeAssistantLineSchema.safeParse(value);
      if (!parsed.success) countSkip(skips, 'invalid_line');
      else if (parsed.data.isApiErrorMessage === true) countSkip(skips, 'api_error');
      else if (parsed.data.message.model === '<synthetic>') countSkip(skips, 'synthetic_model');
      else accept(parsed.data, start);
    },
    flush: closeAll,
    openSince() {
      let latest: number | null = null;
      for (const response of open.values()) latest = Math.max(latest ?? 0, response.lastAt);
      return latest;
    },
    drain: () => ready.splice(0),
    resumeOffset() {
      let earliest: number | null = null;
      for (const response of open.values())
        earliest = Math.min(earliest ?? response.firstStart, response.firstStart);
      return earliest;
    },
    snapshot: () => ({ recent: [...recent.values()].slice(-SNAPSHOT_LIMIT) }),
  };
}
