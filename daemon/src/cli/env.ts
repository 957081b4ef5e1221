import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PORT, daemonPaths } from '../config';
import type { CliIo } from './io';

/** `$TOKENTALLY_HOME`, else `~/.tokentally`; a relative path is taken from the working directory. */
export function resolveHome(io: Pick<CliIo, 'env' | 'cwd'>): string {
  const given = io.env.TOKENTALLY_HOME;
  if (given !== undefined && given !== '') return resolve(io.cwd, given);
  const home = io.env.HOME !== undefined && io.env.HOME !== '' ? io.env.HOME : homedir();
  return join(home, '.tokentally');
}

/** A port, or why the text is not one. */
export type ParsedPort = { ok: true; port: number } | { ok: false; message: string };

/** A `--port` flag wins over `$TOKENTALLY_PORT`, which wins over 4747. */
export function resolvePort(env: CliIo['env'], flag?: string): ParsedPort {
  const [text, origin] =
    flag !== undefined ? [flag, '--port'] : [env.TOKENTALLY_PORT ?? '', 'TOKENTALLY_PORT'];
  if (text === '') return { ok: true, port: DEFAULT_PORT };
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    return { ok: false, message: `${origin} expects a port number from 0 to 65535; got '${text}'` };
  }
  return { ok: true, port };
}

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

/** The token, or undefined when none has been created yet (local callers need none unless require_token is on). */
export async function readToken(home: string): Promise<string | undefined> {
  const path = daemonPaths(home).token;
  try {
    const token = (await readFile(path, 'utf8')).trim();
    return token === '' ? undefined : token;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new Error(`could not read the token file ${path}`, { cause: error });
  }
}
