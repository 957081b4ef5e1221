import { claudeFileContext } from './claude-code/file-context';
import type { ResponseRegistry } from './claude-code/response-registry';
import { createTranscriptParser } from './claude-code/transcript-parser';
import { createRolloutParser } from './codex/rollout-parser';
import type { LogKind, LogParser } from './log-types';

export interface LogParserSetup {
  kind: LogKind;
  file: string;
  /** The root the file was found under (Claude Code's `projects/`, Codex's `sessions/`). */
  root: string;
  /** Shared by all Claude Code files of one import or watcher, to count a copied response once. */
  registry: ResponseRegistry;
  now: () => number;
  /** A previous parser's `snapshot()`, to resume where it stopped. */
  snapshot?: unknown;
}

/** Creates the parser for one log file of the given kind. */
export async function createLogParser(setup: LogParserSetup): Promise<LogParser> {
  const { kind, file, now, snapshot } = setup;
  switch (kind) {
    case 'claude': {
      const context = await claudeFileContext(file, setup.root);
      return createTranscriptParser({ context, registry: setup.registry, now, snapshot });
    }
    case 'codex':
      return createRolloutParser({ file, now, snapshot });
    default:
      return kind satisfies never;
  }
}
