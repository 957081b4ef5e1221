import { countReplySchema, type CountRequest } from './count-protocol';
import type { CountProgress, TextCount } from './count-text';

/** Counts text for a model somewhere (a worker, or the calling thread in tests). */
export interface TextCounter {
  count(text: string, model: string, onProgress?: (progress: CountProgress) => void): Promise<TextCount>;
  /** Loads a model's encoding ahead of the first count. */
  warm(model: string): void;
  /** Stops the worker; counts still running fail. */
  dispose(): void;
}

/** The parts of a `Worker` the counter uses. */
export interface WorkerLike {
  postMessage(message: CountRequest): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

interface Pending {
  resolve: (count: TextCount) => void;
  reject: (error: Error) => void;
  onProgress: (progress: CountProgress) => void;
}

/** A counter that sends each text to one worker, created on first use by `createWorker`. */
export function createWorkerCounter(createWorker: () => WorkerLike): TextCounter {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const onMessage = ({ data }: { data: unknown }): void => {
    const parsed = countReplySchema.safeParse(data);
    if (!parsed.success) return;
    const reply = parsed.data;
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    if (reply.type === 'progress') {
      waiting.onProgress({ done: reply.done, total: reply.total });
      return;
    }
    pending.delete(reply.id);
    if (reply.type === 'error') {
      waiting.reject(new Error(reply.message));
      return;
    }
    const { type: _type, id: _id, ...count } = reply;
    waiting.resolve(count);
  };

  const started = (): WorkerLike => {
    if (worker !== undefined) return worker;
    const created = createWorker();
    created.addEventListener('message', onMessage);
    created.addEventListener('error', (event) => {
      failAll(new Error(`the count worker failed: ${event.message ?? 'could not start'}`));
      // A worker that failed to load stays broken; the next count starts a new one.
      worker = undefined;
    });
    worker = created;
    return created;
  };

  return {
    count(text, model, onProgress = () => undefined) {
      const id = nextId++;
      return new Promise<TextCount>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        started().postMessage({ type: 'count', id, text, model });
      });
    },
    warm(model) {
      started().postMessage({ type: 'warm', model });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(new Error('the count worker was stopped'));
    },
  };
}
