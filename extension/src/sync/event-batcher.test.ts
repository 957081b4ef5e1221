import { describe, expect, it, vi } from 'vitest';
import { fakeStoredEvent } from '@tokentally/shared/export/fake-stored-event';
import type { StoredEvent } from '@tokentally/shared/schema/stored-event';
import { createEventBatcher } from './event-batcher';

function recordingBatcher(writeMs: number, maxEvents = 1000) {
  const batches: number[][] = [];
  const batcher = createEventBatcher({
    windowMs: 5,
    maxEvents,
    maxWrites: 1,
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

// A batcher whose writes wait until the test settles them, recording each batch and where it continues from.
function controlledBatcher(maxEvents: number, maxWrites = 2) {
  const writes: { seqs: number[]; after: number | undefined; settle: (error?: Error) => void }[] = [];
  const errors: unknown[] = [];
  const batcher = createEventBatcher({
    windowMs: 5,
    maxEvents,
    maxWrites,
    write: (events, after) =>
      new Promise((resolve, reject) => {
        const seqs = events.map((event) => event.seq);
        writes.push({
          seqs,
          after,
          settle: (error) => {
            if (error === undefined) resolve({ stored: seqs.length, skipped: 0, last_seq: seqs.at(-1) ?? 0 });
            else reject(error);
          },
        });
      }),
    onWritten: () => undefined,
    onError: (error) => errors.push(error),
  });
  return { batcher, writes, errors };
}

describe('event batcher during a catch-up', () => {
  it('queues the next full batch behind the write in flight, continuing from where that one ends', () => {
    const { batcher, writes } = controlledBatcher(2);
    batcher.resume(10);
    [11, 12, 13, 14, 15, 16].forEach((seq) => {
      batcher.add(event(seq));
    });
    expect(writes.map(({ seqs, after }) => ({ seqs, after }))).toEqual([
      { seqs: [11, 12], after: 10 },
      { seqs: [13, 14], after: 12 },
    ]);
  });

  it('writes one batch at a time while it does not know where the mirror ends', () => {
    const { batcher, writes } = controlledBatcher(2);
    [1, 2, 3, 4].forEach((seq) => {
      batcher.add(event(seq));
    });
    expect(writes.map(({ seqs, after }) => ({ seqs, after }))).toEqual([{ seqs: [1, 2], after: undefined }]);
  });

  it('drops what it holds after a failed write and takes nothing more until the stream resumes', async () => {
    const { batcher, writes, errors } = controlledBatcher(2, 1);
    batcher.resume(0);
    [1, 2, 3, 4].forEach((seq) => {
      batcher.add(event(seq));
    });
    writes[0]?.settle(new Error('disk full'));
    await batcher.flush();
    batcher.add(event(5));
    batcher.add(event(6));
    const failed = [batcher.failed(), writes.length, errors.length];
    batcher.resume(0);
    batcher.add(event(1));
    batcher.add(event(2));
    expect([failed, writes.map(({ seqs }) => seqs)]).toEqual([
      [true, 1, 1],
      [
        [1, 2],
        [1, 2],
      ],
    ]);
  });

  it('is ready for more once a held batch went to the database', async () => {
    const { batcher, writes } = controlledBatcher(2, 1);
    batcher.resume(0);
    [1, 2, 3, 4].forEach((seq) => {
      batcher.add(event(seq));
    });
    const ready = batcher.ready();
    writes[0]?.settle();
    await ready;
    expect(writes.map(({ seqs, after }) => ({ seqs, after }))).toEqual([
      { seqs: [1, 2], after: 0 },
      { seqs: [3, 4], after: 2 },
    ]);
  });
});
