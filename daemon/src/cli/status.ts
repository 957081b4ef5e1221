import { formatCount, formatUsd } from '@tokentally/shared/report/format-number';
import { daemonPaths } from '../config';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { colorsFor, fail, writeJson, writeLines } from './output';
import { localTimeZone } from './report';
import { usageError } from './usage';

/** Local midnight of the day `now` falls in, in the process's time zone. */
function startOfToday(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** `tokentally status`: whether the daemon is up, its version, events stored, database and today's spend. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: "is the daemon running: version, events stored, database, today's spend",
  help: `Usage: tokentally status [--json]

Asks the daemon at 127.0.0.1:$TOKENTALLY_PORT whether it is up, and shows its version, how many events it
stores, its database file and what was spent today (local time). Exits 1 when the daemon is not running.

Options:
  --json       print {"running", "url", "version", "events", "db_path", "today"} as JSON
  -h, --help   show this help`,
  options: { json: { type: 'boolean' } },
  async run(io, { values }) {
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'status', linked.message);
    const { client, home } = linked;
    const dbPath = daemonPaths(home).db;
    const health = await client.health();
    if (!health.ok) {
      if (values.json === true)
        writeJson(io.stdout, { running: false, url: client.baseUrl, db_path: dbPath });
      return fail(io, describeError(health.error, client.baseUrl), EXIT.failure);
    }
    // The running daemon knows its own database; the home-derived path is only a fallback for old daemons.
    const runningDbPath = health.value.db_path ?? dbPath;
    const today = await client.summary({ from: startOfToday(io.now()), tz: localTimeZone(io.env) });
    if (!today.ok) return fail(io, describeError(today.error, client.baseUrl), EXIT.failure);
    const { cost_usd: cost, requests, unpriced_requests: unpriced } = today.value.totals;
    if (values.json === true) {
      const { version, events } = health.value;
      const todayJson = { cost_usd: cost, requests, unpriced_requests: unpriced };
      writeJson(io.stdout, {
        running: true,
        url: client.baseUrl,
        version,
        events,
        db_path: runningDbPath,
        today: todayJson,
      });
      return EXIT.ok;
    }
    const c = colorsFor(io.stdout, io.env);
    const unpricedNote = unpriced > 0 ? `, ${formatCount(unpriced)} unpriced` : '';
    writeLines(io.stdout, [
      `${c.green('●')} tokentally daemon ${health.value.version} is running at ${client.baseUrl}`,
      `  events stored  ${formatCount(health.value.events)}`,
      `  database       ${runningDbPath}`,
      `  spent today    ${formatUsd(cost)} (${formatCount(requests)} request${requests === 1 ? '' : 's'}${unpricedNote})`,
    ]);
    return EXIT.ok;
  },
});
