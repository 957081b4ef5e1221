import { budgetCommand } from './budget';
import { countCommand } from './count';
import { exportCommand } from './export';
import { importCommand } from './import';
import type { Command } from './io';
import { reportCommand } from './report';
import { sendCommand } from './send';
import { startCommand } from './start';
import { statusCommand } from './status';
import { tokenCommand } from './token';
import { watchCommand } from './watch';

/** Every `tokentally` command, in the order `tokentally help` lists them. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  statusCommand,
  reportCommand,
  exportCommand,
  countCommand,
  budgetCommand,
  sendCommand,
  tokenCommand,
  watchCommand,
  importCommand,
];

/** Commands that run until stopped and so take over SIGINT/SIGTERM to shut down cleanly. */
export const LONG_RUNNING: ReadonlySet<string> = new Set(['start', 'watch']);
