import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatCount } from '@tokentally/shared/report/format-number';
import { importLogs, type ImportSummary } from '../ingest/import';
import { describeError, linkFromEnv } from './daemon-link';
import { defineCommand } from './define-command';
import { EXIT } from './io';
import { fail, writeJson, writeLines } from './output';
import { usageError } from './usage';

const kindSchema = z.enum(['claude', 'codex']);

function describeSummary(summary: ImportSummary): string[] {
  const skipped = Object.entries(summary.skipped).map(([reason, count]) => `${reason} ${formatCount(count)}`);
  return [
    `imported ${summary.kind} logs from ${summary.roots.join(', ') || '(no log directory found)'}`,
    `  files      ${formatCount(summary.files)} (${formatCount(summary.lines)} lines)`,
    `  events     ${formatCount(summary.events)}: ${formatCount(summary.accepted)} new, ${formatCount(summary.duplicates)} already stored`,
    ...(skipped.length === 0 ? [] : [`  skipped    ${skipped.join(', ')}`]),
  ];
}

/** `tokentally import claude|codex`: sends the usage in Claude Code or Codex session logs to the daemon once. */
export const importCommand = defineCommand({
  name: 'import',
  summary: 'import usage from Claude Code or Codex session logs (claude|codex, --dir)',
  help: `Usage: tokentally import claude|codex [--dir DIR] [--json]

Reads every Claude Code transcript (~/.claude/projects, or $CLAUDE_CONFIG_DIR) or Codex rollout
(~/.codex/sessions, or $CODEX_HOME) and sends its usage to the running daemon. Event ids come from the logs,
so importing twice stores nothing new. The daemon also watches these logs while it runs (see 'start').

Options:
  --dir DIR    read this directory instead (a config dir, or the projects/sessions tree)
  --json       print the import summary as JSON
  -h, --help   show this help`,
  options: { dir: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(io, { values, positionals }) {
    const kind = kindSchema.safeParse(positionals[0]);
    if (!kind.success)
      return usageError(io, 'import', `expected claude or codex; got '${positionals[0] ?? ''}'`);
    const dir = values.dir === undefined ? undefined : resolve(io.cwd, values.dir);
    // A mistyped --dir would otherwise "import" nothing and report success.
    if (dir !== undefined) {
      const found = await stat(dir).then(
        (entry) => (entry.isDirectory() ? undefined : 'not a directory'),
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      if (found !== undefined) return fail(io, `cannot read ${values.dir ?? dir}: ${found}`, EXIT.failure);
    }
    const linked = await linkFromEnv(io);
    if (!linked.ok) return usageError(io, 'import', linked.message);
    const { client } = linked;
    const health = await client.health();
    if (!health.ok) return fail(io, describeError(health.error, client.baseUrl), EXIT.failure);
    const run = importLogs(kind.data, {
      ...(dir === undefined ? {} : { dir }),
      env: io.env,
      home: io.env.HOME ?? homedir(),
      now: io.now,
      ingest: async (events) => {
        const result = await client.postEvents(events);
        if (!result.ok) throw new Error(describeError(result.error, client.baseUrl));
        return result.value;
      },
      onProgress: (progress) => {
        if (io.stderr.isTTY === true) io.stderr.write(`\r${progress.filesDone}/${progress.filesTotal} files`);
      },
    });
    // The daemon refusing a batch midway (it stopped, say) ends the import; what was sent stays stored.
    const summary = await run.catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    if (io.stderr.isTTY === true) io.stderr.write('\r\x1b[K');
    if (summary instanceof Error) return fail(io, `import stopped: ${summary.message}`, EXIT.failure);
    if (values.json === true) writeJson(io.stdout, summary);
    else writeLines(io.stdout, describeSummary(summary));
    return EXIT.ok;
  },
});
