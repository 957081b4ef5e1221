import { groupBySchema } from '@tokentally/shared/api/summary';
import { renderSummaryTable } from '@tokentally/shared/report/summary-table';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { FILTER_HELP, FILTER_OPTIONS, filterParams, RANGE_HELP } from './filters';
import { EXIT } from './io';
import { colorsFor, fail, writeJson } from './output';
import { paintWith } from './table';
import { timeRangeFrom } from './time-range';
import { usageError } from './usage';

const rangeLabel = (flags: {
  since?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): string => {
  if (flags.since !== undefined) return `last ${flags.since}`;
  if (flags.from === undefined && flags.to === undefined) return 'all time';
  return `${flags.from ?? 'start'} → ${flags.to ?? 'now'}`;
};

/** `tokentally report`: spend and tokens grouped by a dimension or time bucket. */
export const reportCommand = defineCommand({
  name: 'report',
  summary: 'spend and tokens by model, agent, project, day ... (--since 7d, --by agent)',
  help: `Usage: tokentally report [--since 7d | --from TIME --to TIME] [--by DIMENSION] [filters] [--json]

Summarizes stored usage: requests, tokens, cost and share of cost per group, with a total line.
Requests with no known price are marked * and never counted as $0. Default: all time, by model.

Options:
  --by DIMENSION       model (default), provider, agent, project, session_id, source, tool,
                       hour, day, week or month
  --tz ZONE            IANA time zone for hour/day/week/month buckets (default: this machine's)
${RANGE_HELP}
${FILTER_HELP}
  --json               print the daemon's summary (GET /v1/summary) as JSON
  -h, --help           show this help

Examples:
  tokentally report --since 7d
  tokentally report --by day --since 30d --tz Europe/Paris
  tokentally report --by agent --project website --json`,
  options: {
    by: { type: 'string' },
    tz: { type: 'string' },
    since: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    ...FILTER_OPTIONS,
    json: { type: 'boolean' },
  },
  async run(io, { values }) {
    const groupBy = groupBySchema.safeParse(values.by ?? 'model');
    if (!groupBy.success) {
      return usageError(
        io,
        'report',
        `--by expects one of ${groupBySchema.options.join(', ')}; got '${values.by ?? ''}'`,
      );
    }
    const range = timeRangeFrom(values, io.now());
    if (!range.ok) return usageError(io, 'report', range.message);
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'report', linked.message);
    const tz = values.tz ?? localTimeZone(io.env);
    const result = await linked.client.summary({
      ...filterParams(values, range.range),
      group_by: groupBy.data,
      tz,
    });
    if (!result.ok) return fail(io, describeError(result.error, linked.client.baseUrl), EXIT.failure);
    if (values.json === true) {
      writeJson(io.stdout, result.value);
      return EXIT.ok;
    }
    const c = colorsFor(io.stdout, io.env);
    const width = io.stdout.isTTY === true ? io.stdout.columns : undefined;
    const table = renderSummaryTable(result.value, {
      groupBy: groupBy.data,
      paint: paintWith(c),
      ...(width === undefined ? {} : { width }),
    });
    io.stdout.write(
      `${c.bold(`Usage by ${groupBy.data}, ${rangeLabel(values)}`)} ${c.dim(`(${tz})`)}\n\n${table}\n`,
    );
    return EXIT.ok;
  },
});

/** `$TZ` when set, else the zone the runtime reports. */
export function localTimeZone(env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.TZ;
  if (fromEnv !== undefined && fromEnv !== '' && !fromEnv.startsWith(':')) return fromEnv;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
