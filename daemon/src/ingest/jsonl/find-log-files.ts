import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

// Claude Code nests subagents at projects/<project>/<session>/subagents/, Codex at sessions/YYYY/MM/DD/.
const MAX_DEPTH = 6;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Every `*.jsonl` file under `root`, sorted by path (a missing root has none). Sorting puts a session
 * `<id>.jsonl` before its `<id>/subagents/` files, since `.` sorts before `/`.
 */
export async function findLogFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await entries(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.jsonl')) files.push(path);
    }
  };
  await walk(root, 0);
  return files.sort();
}
