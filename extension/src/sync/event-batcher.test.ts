import { describe, expect, it, vi } from 'vitest';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { createEventBatcher } from './event-batcher';

function recordingBatcher(writeMs: number, maxEvents = 1000) {
  const batches: number[][] = [];
  const batcher = createEventBatcher({
    windowMs: 5,
    maxEvents,
    write: async (events: readonly StoredEvent[]) => {
      batches.push(events.map((event) => event.seq));
      await new Promise((resolve) => setTimeout(resolve, writeMs));
      return { stored: events.length, skipped: 0, last_seq: events.at(-1)?.seq ?? 0 };
    },
    onWritten: () => undefined,
    onError: () => undefined,
  });
  return { batcher, batches };
}

const event = (seq: number) => fakeStoredEvent({ seq });

describe('event batcher', () => {
  it('writes events arriving close together in one transaction', async () => {
    const { batcher, batches } = recordingBatcher(1);
    [1, 2, 3].forEach((seq) => {
      batcher.add(event(seq));
    });
    await vi.waitFor(() => {
      expect(batches).toEqual([[1, 2, 3]]);
    });
  });

  it('puts what arrives during a slow write into the next one, whole', async () => {
    const { batcher, batches } = recordingBatcher(30);
    batcher.add(event(1));
    await vi.waitFor(() => {
      expect(batches).toHaveLength(1);
    });
    [2, 3, 4, 5].forEach((seq) => {
      batcher.add(event(seq));
    });
    await batcher.flush();
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('never puts more than the maximum in one transaction', async () => {
    const { batcher, batches } = recordingBatcher(1, 2);
    [1, 2, 3, 4, 5].forEach((seq) => {
      batcher.add(event(seq));
    });
    await batcher.flush();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
