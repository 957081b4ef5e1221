import { type EventIssue, issuesFromZod, summarizeIssues } from '@tokentally/shared/schema/event-issues';
import { type UsageEventWire, usageEventWireSchema } from '@tokentally/shared/schema/usage-event';

/** Events checked against the wire schema, or every issue naming its event and field. */
export type WireEvents = { ok: true; events: UsageEventWire[] } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a body as `POST /v1/events` takes it (one event, an array, or `{"events": [...]}`) against the wire
 * schema, so a typo is reported before anything is sent. The daemon still checks times and batch limits.
 */
export function wireEventsFrom(body: unknown): WireEvents {
  const list = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body.events) && !('model' in body)
      ? body.events
      : [body];
  const events: UsageEventWire[] = [];
  const issues: EventIssue[] = [];
  list.forEach((raw: unknown, index) => {
    const parsed = usageEventWireSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else issues.push(...issuesFromZod(list.length === 1 ? null : index, parsed.error.issues));
  });
  return issues.length === 0 ? { ok: true, events } : { ok: false, message: summarizeIssues(issues) };
}
