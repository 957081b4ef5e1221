import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogRoot } from '../log-roots';
import type { LogKind } from '../log-types';

/** A log file found under a root. */
export interface FoundLogFile {
  path: string;
  kind: LogKind;
  root: string;
}

/** What a scan found changed. */
export interface ScanChanges {
  added: FoundLogFile[];
  removed: string[];
}

interface KnownDir {
  mtimeMs: number;
  files: Set<string>;
  subdirs: Set<string>;
}

// Claude Code nests subagents at projects/<project>/<session>/subagents/, Codex at sessions/YYYY/MM/DD/.
const MAX_DEPTH = 6;
// A directory changed this recently is checked on every scan; older ones on full scans (or when fs.watch says so).
const HOT_DIR_MS = 60 * 60 * 1000;

async function listing(dir: string): Promise<{ files: Set<string>; subdirs: Set<string> }> {
  const files = new Set<string>();
  const subdirs = new Set<string>();
  try {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) subdirs.add(path);
      else if (entry.isFile() && entry.name.endsWith('.jsonl')) files.add(path);
    }
  } catch {
    // Removed while being listed: the next scan forgets it.
  }
  return { files, subdirs };
}

/**
 * Keeps the list of `*.jsonl` files under the roots up to date. A directory is listed again only when its
 * mtime moved (an entry was added or removed), so a scan costs one stat per directory it looks at.
 */
export class LogTreeScanner {
  readonly #roots: readonly LogRoot[];
  readonly #dirs = new Map<string, KnownDir>();
  readonly #files = new Map<string, FoundLogFile>();

  constructor(roots: readonly LogRoot[]) {
    this.#roots = roots;
  }

  /** Every file currently known. */
  files(): IterableIterator<FoundLogFile> {
    return this.#files.values();
  }

  /** Known directories, most recently changed first. */
  directories(): string[] {
    return [...this.#dirs.entries()].sort((a, b) => b[1].mtimeMs - a[1].mtimeMs).map(([dir]) => dir);
  }

  /**
   * Looks at the roots, the directories in `dirty`, recently changed ones and, when `full`, all of them.
   * Returns the files that appeared and disappeared since the last scan.
   */
  async scan(options: { full: boolean; dirty: ReadonlySet<string>; now: number }): Promise<ScanChanges> {
    const changes: ScanChanges = { added: [], removed: [] };
    for (const root of this.#roots) await this.#visit(root, root.dir, 0, options, changes);
    return changes;
  }

  async #visit(
    root: LogRoot,
    dir: string,
    depth: number,
    options: { full: boolean; dirty: ReadonlySet<string>; now: number },
    changes: ScanChanges,
  ): Promise<void> {
    const known = this.#dirs.get(dir);
    const dirty = options.dirty.has(dir);
    if (!known || depth === 0 || options.full || dirty || options.now - known.mtimeMs < HOT_DIR_MS) {
      let mtimeMs: number | undefined;
      try {
        const stats = await stat(dir);
        if (stats.isDirectory()) mtimeMs = stats.mtimeMs;
      } catch {
        mtimeMs = undefined;
      }
      if (mtimeMs === undefined) {
        this.#forget(dir, changes);
        return;
      }
      if (known?.mtimeMs !== mtimeMs || dirty) await this.#relist(root, dir, depth, mtimeMs, changes);
    }
    for (const sub of this.#dirs.get(dir)?.subdirs ?? [])
      await this.#visit(root, sub, depth + 1, options, changes);
  }

  async #relist(
    root: LogRoot,
    dir: string,
    depth: number,
    mtimeMs: number,
    changes: ScanChanges,
  ): Promise<void> {
    const previous = this.#dirs.get(dir);
    const { files, subdirs } = await listing(dir);
    if (depth >= MAX_DEPTH) subdirs.clear();
    for (const path of files) {
      if (this.#files.has(path)) continue;
      const found = { path, kind: root.kind, root: root.dir };
      this.#files.set(path, found);
      changes.added.push(found);
    }
    for (const path of previous?.files ?? []) {
      if (!files.has(path) && this.#files.delete(path)) changes.removed.push(path);
    }
    for (const sub of previous?.subdirs ?? []) if (!subdirs.has(sub)) this.#forget(sub, changes);
    this.#dirs.set(dir, { mtimeMs, files, subdirs });
  }

  #forget(dir: string, changes: ScanChanges): void {
    const known = this.#dirs.get(dir);
    if (!known) return;
    this.#dirs.delete(dir);
    for (const path of known.files) if (this.#files.delete(path)) changes.removed.push(path);
    for (const sub of known.subdirs) this.#forget(sub, changes);
  }
}
