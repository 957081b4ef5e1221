// The storage half of the two-thread ceiling (see ingest-ceiling.ts), run as a worker thread: it receives
// validated batches, stores each in its own transaction and answers how many it accepted.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from '../../daemon/src/test-support/bench-deps';
import type { UsageEvent } from '../../shared/src/schema/usage-event';
import { openPipelineStore } from './support/ingest-pipeline';

const port = parentPort;
if (port === null) throw new Error('ingest-ceiling-writer runs as a worker thread');
const store = openPipelineStore(z.object({ path: z.string() }).parse(workerData).path);
// Structured clones of what the parent validated: checking them again would measure zod twice.
port.on('message', (events: UsageEvent[]) => {
  port.postMessage(store.write(events));
});
