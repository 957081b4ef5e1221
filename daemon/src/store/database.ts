import Database from 'better-sqlite3';
import { migrate } from './migrations';

/**
 * Opens (creating if needed) the daemon's database in WAL mode and migrates it.
 *
 * Durability: `synchronous = NORMAL` makes a commit a write() into the WAL without fsync; a crash of the process
 * (even SIGKILL) loses nothing committed, because the OS holds the written WAL. Power loss could, so the writer
 * acknowledges events only after an fsync of the WAL file covering their commit (see durability.ts): the same
 * guarantee as `synchronous = FULL`, but the fsync runs on libuv's thread pool and is shared by every commit
 * made meanwhile, instead of blocking the event loop once per transaction.
 *
 * Checkpoints: automatic checkpoints run inside a commit and stall the event loop (p99 1.5 ms → 10 ms measured),
 * so they are off here and a worker thread checkpoints in the background (see checkpointer.ts).
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 0');
    // A WAL grown by a burst is cut back to this size when it restarts.
    db.pragma('journal_size_limit = 67108864');
    // 8 MB of page cache: rollups and the hot end of the indexes; the OS page cache holds the rest, and a larger
    // cache mostly grows the daemon's resident set.
    db.pragma('cache_size = -8192');
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
