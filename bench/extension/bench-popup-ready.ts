// Popup ready time with a large mirror: from navigation to the mirror's figures painted (the popup's
// `tokentally:data-painted` mark), with BENCH_POPUP_EVENTS events (default 1,000,000) mirrored over 180 days.
// Run: npx tsx bench/extension/bench-popup-ready.ts   (needs the built extension: cd extension && npx wxt build)
// Mirroring a million events through the daemon's stream would take many minutes, so the mirror is seeded
// straight into IndexedDB from an extension page, in the mirror's own schema: event chunks, the hour records of
// their rollups (folded in Node with shared's code, exactly as the worker folds them) and the event meta; see
// test/support/mirror-seed.ts.
// The seeded Chromium profile is kept in bench/.data/ and reused by later runs. The first opening after seeding
// builds the popup's day cache from the rollups; later ones read it. Prints figures; never fails on speed.
import '../../test/support/chrome-api';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchExtension } from '../../test/support/extension-browser';
import { openPopup } from '../../test/support/extension-pages';
import { seedMirror } from '../../test/support/mirror-seed';
import { median, summarizeTimes } from './figures';

const COUNT = Number(process.env.BENCH_POPUP_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 11);
const WARM_UP = 3;
const TARGET_MS = 150;
const DAY_MS = 86_400_000;
// The suffix follows the mirror's layout: a profile seeded in another one would be emptied by the upgrade.
const profileDir = fileURLToPath(new URL(`../.data/popup-ready-${String(COUNT)}-v2`, import.meta.url));

mkdirSync(profileDir, { recursive: true });
const browser = await launchExtension({ profileDir });
// IndexedDB belongs to the extension's origin, whose id follows the build's folder: one seeding per build folder.
const marker = `${profileDir}/seeded-${browser.extensionId}.json`;
// A daemon nobody listens on: the worker stays offline and adds nothing to the seeded mirror.
await browser.worker.evaluate(() =>
  chrome.storage.local.set({ settings: { daemon_url: 'http://127.0.0.1:9', token: 'bench' } }),
);

if (!existsSync(marker)) {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  const started = performance.now();
  const rollups = await seedMirror(
    page,
    { count: COUNT, newest: Date.now() - 60_000, spanMs: 180 * DAY_MS },
    (written) => {
      process.stdout.write(`\rseeding the mirror: ${String(written)} / ${String(COUNT)} events`);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nseeded ${String(COUNT)} events and ${String(rollups)} hour rollups in ${seconds.toFixed(1)} s`,
  );
  writeFileSync(marker, JSON.stringify({ count: COUNT, rollups }));
  await page.close();
}

const painted: number[] = [];
const wall: number[] = [];
let shown = '';
// The first openings after the browser starts are slower (measured 260, 200, 185 ms, then 110-150): Chromium is
// still starting up, and it compiles the popup's scripts afresh until its code cache holds them. Users open the
// popup long after the browser started, so those openings are shown apart and the target is read on the rest.
for (let run = 0; run < WARM_UP + RUNS; run += 1) {
  const started = performance.now();
  const popup = await openPopup(browser);
  wall.push(performance.now() - started);
  painted.push(
    await popup.evaluate(
      () => performance.getEntriesByName('tokentally:data-painted')[0]?.startTime ?? Number.NaN,
    ),
  );
  shown =
    (await popup.locator('[data-period="all"][data-metric="requests"]').getAttribute('data-value')) ?? '';
  await popup.close();
}
await browser.close();
const warm = painted.slice(WARM_UP);

console.log(`popup ready with ${String(COUNT)} events mirrored (all time shows ${shown} requests)`);
console.log(
  `  first ${String(WARM_UP)} openings after the browser started: ${painted
    .slice(0, WARM_UP)
    .map((ms) => `${ms.toFixed(0)} ms`)
    .join(', ')}`,
);
console.log(`  data painted after navigation, later openings: ${summarizeTimes(warm)}`);
console.log(`  seen from Playwright (goto to ready): ${summarizeTimes(wall)}`);
console.log(
  `  target <= ${String(TARGET_MS)} ms: ${median(warm) <= TARGET_MS ? 'met' : 'missed'} (median of the later openings)`,
);
