// Mirror catch-up: the daemon holds BENCH_CATCHUP_EVENTS events (default 100,000) before the extension is told
// where it is; from the click on Save in the options page to the mirror's last seq reaching the daemon's.
// Run: npx tsx bench/extension/bench-mirror-catch-up.ts   (needs `pnpm build`; target <= 10 s for 100k)
// Real parts throughout: the built daemon CLI, Debian Chromium with the built extension. Prints figures only.
// The time is bound by the CPU of Chromium's browser process (IndexedDB), so it also prints the machine's load.
import { availableParallelism, loadavg } from 'node:os';
import { startDaemonProcess } from '../../test/support/daemon-process';
import { launchExtension } from '../../test/support/extension-browser';
import { readLastSeq, readMirror } from '../../test/support/mirror-reader';
import { postAll, spreadEvents } from '../../test/support/usage-events';
import { waitFor } from '../../test/support/wait-for';

const COUNT = Number(process.env.BENCH_CATCHUP_EVENTS ?? 100_000);
const TARGET_S = 10;

const daemon = await startDaemonProcess();
const browser = await launchExtension();
try {
  let started = performance.now();
  const events = spreadEvents(COUNT, {
    newest: Date.now() - 60_000,
    spanMs: 90 * 86_400_000,
    idPrefix: 'catch-up',
  });
  const results = await postAll(daemon.client, events);
  const lastSeq = Math.max(...results.map((result) => result.last_seq ?? 0));
  console.log(
    `daemon took ${String(COUNT)} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await options.getByLabel('Daemon URL').fill(daemon.url);
  await options.getByLabel('Token', { exact: true }).fill(daemon.token);
  const loadBefore = loadavg()[0] ?? 0;
  started = performance.now();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await waitFor(
    () => readLastSeq(options),
    (seq) => seq === lastSeq,
    {
      timeoutMs: 600_000,
      intervalMs: 250,
      what: `the mirror to reach seq ${String(lastSeq)}`,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const mirrored = (await readMirror(options)).seqs.length;
  console.log(
    `mirror catch-up of ${String(mirrored)} events: ${seconds.toFixed(2)} s (${(mirrored / seconds).toFixed(0)} events/s)`,
  );
  console.log(
    `  target <= ${String(TARGET_S)} s for 100k: ${seconds * (100_000 / COUNT) <= TARGET_S ? 'met' : 'missed'}`,
  );
  console.log(
    `  load average (1 min) ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${String(availableParallelism())} cores`,
  );
} finally {
  await browser.close();
  await daemon.stop();
}
