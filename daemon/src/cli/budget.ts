import { budgetListCommand, budgetRemoveCommand } from './budget-list';
import { budgetSetCommand } from './budget-set';
import { budgetStatusCommand } from './budget-status';
import { type Command, EXIT } from './io';
import { usageError } from './usage';

const subcommands: Readonly<Record<string, Command>> = {
  set: budgetSetCommand,
  list: budgetListCommand,
  ls: budgetListCommand,
  rm: budgetRemoveCommand,
  status: budgetStatusCommand,
};

const help = `Usage: tokentally budget <set|list|rm|status> [options]

Budgets cap spend per day, week, month or in total, for everything or for one project, agent, model or
provider. The daemon keeps them; the extension shows them.

Subcommands:
  set <id> --limit USD --period day|week|month|total [--warn-at 0.9] [--name ..] [--project ..]
           [--agent ..] [--model ..] [--provider ..]     create or replace a budget
  list                                                   list budgets
  rm <id>                                                delete a budget
  status                                                 spend against each budget; exit 0 ok, 1 warning, 2 exceeded

Run 'tokentally budget <subcommand> --help' for its options.`;

/** `tokentally budget <set|list|rm|status>`. */
export const budgetCommand: Command = {
  name: 'budget',
  summary: 'set, list, remove budgets; status exits 0 ok, 1 warning, 2 exceeded',
  help,
  async run(io) {
    const [name, ...rest] = io.argv;
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(`${help}\n`);
      return EXIT.ok;
    }
    if (name === undefined) return usageError(io, 'budget', 'missing subcommand: set, list, rm or status');
    const subcommand = subcommands[name];
    if (subcommand === undefined) {
      return usageError(io, 'budget', `unknown subcommand '${name}' (expected set, list, rm or status)`);
    }
    return subcommand.run({ ...io, argv: rest });
  },
};
