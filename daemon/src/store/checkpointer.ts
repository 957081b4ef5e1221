import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Checkpoints the WAL in the background while there is something to checkpoint. */
export interface Checkpointer {
  /** Something was committed: make sure a worker is checkpointing. */
  nudge(): void;
  close(): Promise<void>;
}

// Plain CommonJS evaluated in the worker, so it needs no build step and survives bundling of the daemon.
// It leaves once the WAL has had nothing new for `idleRounds` rounds, so an idle daemon holds no second isolate.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.dbPath);
db.pragma('busy_timeout = 1000');
db.pragma('wal_autocheckpoint = 0');
db.pragma('cache_size = -1024');
let idle = 0;
const stop = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    idle = result && result.log === result.checkpointed ? idle + 1 : 0;
    if (idle >= workerData.idleRounds) stop();
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'close') stop();
});
`;

/**
 * Checkpoints in a worker thread, with its own connection, a PASSIVE checkpoint every `intervalMs`. A checkpoint
 * copies WAL pages into the database file and fsyncs it; on the main thread that stalls every request for as
 * long, while here it only competes for the disk. PASSIVE never waits for the writer, so it never blocks it.
 * The worker starts on the first commit and leaves after a few idle rounds.
 */
export function createCheckpointer(
  dbPath: string,
  {
    intervalMs = 1000,
    idleRounds = 5,
    onError,
  }: { intervalMs?: number; idleRounds?: number; onError: (message: string) => void },
): Checkpointer {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  let closed = false;

  function start(): void {
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, dbPath, intervalMs, idleRounds },
    });
    started.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'message' in message)
        onError(String(message.message));
    });
    started.on('error', (error) => {
      onError(error.message);
    });
    exited = new Promise((resolve) =>
      started.once('exit', () => {
        if (worker === started) worker = undefined;
        resolve();
      }),
    );
    started.unref();
    worker = started;
  }

  return {
    nudge() {
      if (worker === undefined && !closed) start();
    },
    async close() {
      closed = true;
      const running = worker;
      if (running === undefined) return;
      running.postMessage('close');
      const timer = setTimeout(() => void running.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
