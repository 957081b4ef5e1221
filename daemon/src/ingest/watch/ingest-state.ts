import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The file, in `$TOKENTALLY_HOME`, where the log watcher keeps how far it has read each log. */
export const INGEST_STATE_FILE = 'ingest-state.json';

const fileStateSchema = z.object({
  kind: z.enum(['claude', 'codex']),
  root: z.string(),
  ino: z.number(),
  /** Everything before this byte offset has been ingested (or, with `baseline`, was there before watching began). */
  offset: z.int().min(0),
  /**
   * The file existed when the watcher first ran, at this time (epoch ms): bytes before `offset` are parsed for
   * context, and only events stamped from this time on are sent (they were written as the watcher started).
   */
  baseline: z.number().optional(),
  /** The parser's snapshot at `offset`. */
  parser: z.unknown().optional(),
});
export type LogFileState = z.infer<typeof fileStateSchema>;

const ingestStateSchema = z.object({ version: z.literal(1), files: z.record(z.string(), fileStateSchema) });
export type IngestState = z.infer<typeof ingestStateSchema>;

export type LoadedIngestState =
  { ok: true; state: IngestState } | { ok: false; reason: 'missing' | 'corrupt' };

/** Reads the saved state; a missing or unreadable file is a value, not an error. */
export async function loadIngestState(path: string): Promise<LoadedIngestState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    const parsed = ingestStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, state: parsed.data } : { ok: false, reason: 'corrupt' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/** Writes the state atomically (a temporary file renamed over the old one), so a crash never leaves half a file. */
export async function saveIngestState(path: string, state: IngestState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, path);
}
