import type { DaemonClient } from '@tokentally/shared/client/daemon-client-api';
import type { DaemonError } from '@tokentally/shared/client/daemon-result';
import type { UsageEventWire } from '@tokentally/shared/schema/usage-event';

/** What became of one batch: stored, worth sending again later, or refused (as a whole, or the events named). */
export type SendOutcome =
  | { kind: 'stored'; accepted: number; duplicates: number }
  | { kind: 'retry'; message: string }
  | { kind: 'rejected'; indices: ReadonlySet<number> | 'all'; message: string };

// No answer, the daemon's own trouble, a token it refused (the user may fix it while the tracker waits), a timeout
// or a rate limit: the same batch may succeed later. Any other 4xx is the batch's fault and would fail forever.
const RETRYABLE = new Set([0, 401, 403, 408, 425, 429]);

function outcomeOfError(error: DaemonError): SendOutcome {
  const message = `${error.code}: ${error.message}`;
  if (RETRYABLE.has(error.status) || error.status >= 500) return { kind: 'retry', message };
  const indices = new Set(
    (error.issues ?? []).flatMap((issue) => (issue.index === null ? [] : [issue.index])),
  );
  const wholeBatch = indices.size === 0 || (error.issues ?? []).some((issue) => issue.index === null);
  return { kind: 'rejected', indices: wholeBatch ? 'all' : indices, message };
}

/** Sends batches with `POST /v1/events` and sorts the answer into a `SendOutcome`. */
export function createEventSender(
  client: DaemonClient,
): (events: readonly UsageEventWire[]) => Promise<SendOutcome> {
  return async (events) => {
    const answer = await client.postEvents({ events });
    if (!answer.ok) return outcomeOfError(answer.error);
    return { kind: 'stored', accepted: answer.value.accepted, duplicates: answer.value.duplicates };
  };
}
