// Run as a child process by tracker-exit.test.ts: records two events and lets the process end without close().
import { createTracker } from '../create-tracker';

const tracker = createTracker({
  agent: 'forgetful',
  url: process.env.TOKENTALLY_URL ?? '',
  flushIntervalMs: 60_000,
  onDrop: (report) => {
    process.stdout.write(`${report.reason} ${report.events.length}\n`);
  },
});
tracker.record({ model: 'gpt-4o-mini', input_tokens: 1 });
tracker.record({ model: 'gpt-4o-mini', input_tokens: 2 });
