import { describe, expect, it } from 'vitest';
import { handleCountMessage } from './count-handler';
import type { CountRequest } from './count-protocol';
import type { CountProgress } from './count-text';
import { createWorkerCounter, type WorkerLike } from './worker-counter';

interface WorkerEvent {
  data: unknown;
  message?: string;
}

// The count worker's own message handler, run in this thread: the protocol is exercised end to end without a
// browser (vitest runs in Node, which has no Worker for a module like this).
function inThreadWorker(log: CountRequest[] = []): WorkerLike {
  const listeners: ((event: WorkerEvent) => void)[] = [];
  return {
    postMessage(message) {
      log.push(message);
      void handleCountMessage(message, (reply) => {
        for (const listener of listeners) listener({ data: reply });
      });
    },
    addEventListener(type: 'message' | 'error', listener: (event: WorkerEvent) => void) {
      if (type === 'message') listeners.push(listener);
    },
    terminate: () => undefined,
  };
}

describe('createWorkerCounter', () => {
  it('answers a count through the worker', async () => {
    const counter = createWorkerCounter(() => inThreadWorker());
    expect(await counter.count('hello world', 'gpt-4')).toEqual({
      model: 'gpt-4',
      encoding: 'cl100k_base',
      exact: true,
      tokens: 2,
      characters: 11,
    });
  });

  it('passes progress on and starts a single worker for many counts', async () => {
    let started = 0;
    const counter = createWorkerCounter(() => {
      started += 1;
      return inThreadWorker();
    });
    const seen: CountProgress[] = [];
    await Promise.all([
      counter.count('a\n'.repeat(100_000), 'gpt-4o', (progress) => seen.push(progress)),
      counter.count('b', 'gpt-4o'),
    ]);
    expect(started).toBe(1);
    expect(seen.at(-1)).toEqual({ done: 200_000, total: 200_000 });
  });

  it('asks the worker to load an encoding ahead of time', () => {
    const log: CountRequest[] = [];
    createWorkerCounter(() => inThreadWorker(log)).warm('gpt-3.5-turbo');
    expect(log).toEqual([{ type: 'warm', model: 'gpt-3.5-turbo' }]);
  });

  it('fails waiting counts when the worker cannot start', async () => {
    const broken: WorkerLike = {
      postMessage: () => undefined,
      addEventListener(type: 'message' | 'error', listener: (event: WorkerEvent) => void) {
        if (type === 'error')
          queueMicrotask(() => {
            listener({ data: null, message: 'no script' });
          });
      },
      terminate: () => undefined,
    };
    await expect(createWorkerCounter(() => broken).count('text', 'gpt-4o')).rejects.toThrow(
      'the count worker failed: no script',
    );
  });
});
