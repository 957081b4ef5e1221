// Usage events as JSON text, built by string concatenation so that load clients spend little CPU on them.

const MODELS = ['claude-sonnet-4-20250514', 'claude-opus-4-1-20250805', 'gpt-4o', 'gemini-2.5-pro'] as const;
const AGENTS = ['main', 'main/researcher', 'main/coder', 'review'] as const;

/** One event with a unique id, about 280 bytes of JSON. */
export function eventJson(id: string, ts: number, i: number): string {
  const model = MODELS[i % MODELS.length] ?? MODELS[0];
  const agent = AGENTS[i % AGENTS.length] ?? AGENTS[0];
  return `{"id":"${id}","model":"${model}","ts":${ts},"input_tokens":${1000 + (i % 500)},"output_tokens":${200 + (i % 300)},"cache_read_input_tokens":${i % 7000},"agent":"${agent}","project":"tokentally","session_id":"sess-${i % 50}","source":"sdk","duration_ms":${900 + (i % 2000)}}`;
}

/** A unique id prefix for this process, so concurrent clients and reruns never collide. */
export function idPrefix(): string {
  return `b${process.pid.toString(36)}${Date.now().toString(36)}`;
}

/** A JSON array of `count` events. */
export function batchJson(prefix: string, start: number, count: number, ts: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) parts.push(eventJson(`${prefix}-${start + i}`, ts, start + i));
  return `[${parts.join(',')}]`;
}
