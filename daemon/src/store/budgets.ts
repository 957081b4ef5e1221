import type Database from 'better-sqlite3';
import { type Budget, budgetSchema } from '@tokentally/shared/api/budget';

/** Budgets kept in SQLite. */
export interface BudgetRepository {
  list(): Budget[];
  get(id: string): Budget | undefined;
  /** Creates or replaces a budget. */
  put(budget: Budget, now: number): void;
  /** Removes a budget; false when there was none. */
  remove(id: string): boolean;
}

function fromRow(row: unknown): Budget {
  if (typeof row !== 'object' || row === null || !('scope' in row) || typeof row.scope !== 'string') {
    throw new Error('unexpected budgets row');
  }
  const scope: unknown = JSON.parse(row.scope);
  return budgetSchema.parse({ ...row, scope });
}

/** Prepares the budget statements of a connection. */
export function createBudgetRepository(db: Database.Database): BudgetRepository {
  const columns = 'id, name, period, limit_usd, warn_at, scope';
  const all = db.prepare(`SELECT ${columns} FROM budgets ORDER BY id`);
  const one = db.prepare(`SELECT ${columns} FROM budgets WHERE id = ?`);
  const upsert = db.prepare(
    `INSERT INTO budgets (${columns}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, period = excluded.period, limit_usd = excluded.limit_usd,
       warn_at = excluded.warn_at, scope = excluded.scope, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM budgets WHERE id = ?');
  return {
    list: () => all.all().map(fromRow),
    get(id) {
      const row: unknown = one.get(id);
      return row === undefined ? undefined : fromRow(row);
    },
    put(budget, now) {
      const { id, name, period, limit_usd, warn_at, scope } = budget;
      upsert.run(id, name, period, limit_usd, warn_at, JSON.stringify(scope), now);
    },
    remove: (id) => remove.run(id).changes > 0,
  };
}
