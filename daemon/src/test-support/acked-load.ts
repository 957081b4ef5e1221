import { ingestResultSchema } from '@tokentally/shared/api/ingest';
import { fakeWireEvents } from './fake-event';

/**
 * Posts batches of events with fresh ids from `concurrency` loops until `signal` aborts or the daemon goes away,
 * recording the ids of every batch the daemon acknowledged.
 */
export async function postUntilStopped(
  url: string,
  acked: string[],
  options: { signal: AbortSignal; concurrency?: number; batch?: number },
): Promise<void> {
  const { signal, concurrency = 8, batch = 20 } = options;
  const loop = async (): Promise<void> => {
    while (!signal.aborted) {
      const events = fakeWireEvents(batch);
      try {
        const response = await fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(events),
        });
        const result = ingestResultSchema.parse(await response.json());
        if (result.accepted !== batch) throw new Error(`expected ${batch} accepted, got ${result.accepted}`);
        for (const event of events) acked.push(event.id ?? '');
      } catch (error) {
        // The daemon was killed mid-request: that batch was not acknowledged, so it proves nothing either way.
        if (error instanceof Error && error.message.startsWith('expected')) throw error;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}
