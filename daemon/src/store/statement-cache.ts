import type Database from 'better-sqlite3';

/** Prepares each distinct SQL text once per connection (queries are built from filters, so texts repeat). */
export function statementCache(db: Database.Database, maxEntries = 500): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= maxEntries) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
