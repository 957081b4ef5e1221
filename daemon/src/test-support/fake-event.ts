import { parseUsageEvents } from '@tokentally/shared/schema/parse-events';
import type { UsageEvent, UsageEventWire } from '@tokentally/shared/schema/usage-event';

let counter = 0;

/** A valid usage event as an agent sends it, with a unique id; `overrides` replace fields. */
export function fakeWireEvent(overrides: Partial<UsageEventWire> = {}): UsageEventWire {
  counter += 1;
  return {
    id: `test-${process.pid}-${counter}`,
    model: 'claude-sonnet-4-20250514',
    input_tokens: 1000,
    output_tokens: 200,
    agent: 'main',
    project: 'tokentally',
    session_id: 'session-1',
    ...overrides,
  };
}

/** `count` fake events, each built from its index. */
export function fakeWireEvents(
  count: number,
  build: (index: number) => Partial<UsageEventWire> = () => ({}),
): UsageEventWire[] {
  return Array.from({ length: count }, (_, index) => fakeWireEvent(build(index)));
}

/** `count` validated events, as internal producers hand them to the store. */
export function fakeUsageEvents(
  count: number,
  build?: (index: number) => Partial<UsageEventWire>,
): UsageEvent[] {
  const parsed = parseUsageEvents(fakeWireEvents(count, build), { now: Date.now() });
  if (!parsed.ok) throw new Error(`fake events are invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.events;
}
