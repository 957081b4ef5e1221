import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseTimeZone } from '@tokentally/shared/aggregate/time-zone';

/** The port the daemon listens on unless told otherwise (SPEC section 2). */
export const DEFAULT_PORT = 4747;

/** Where the daemon keeps its files inside `$TOKENTALLY_HOME`. */
export function daemonPaths(home: string): { db: string; token: string; config: string; pid: string } {
  return {
    db: join(home, 'tokentally.db'),
    token: join(home, 'token'),
    config: join(home, 'config.json'),
    pid: join(home, 'daemon.pid'),
  };
}

/** `$TOKENTALLY_HOME`, else `~/.tokentally`. */
export function resolveHome(env: Readonly<Record<string, string | undefined>>): string {
  const given = env.TOKENTALLY_HOME;
  return given !== undefined && given !== '' ? resolve(given) : join(homedir(), '.tokentally');
}

/** `$TOKENTALLY_PORT`, else 4747; undefined when it is not a port number. */
export function resolvePort(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const given = env.TOKENTALLY_PORT;
  if (given === undefined || given === '') return DEFAULT_PORT;
  const port = Number(given);
  return /^\d+$/.test(given) && port <= 65_535 ? port : undefined;
}

const originSchema = z
  .string()
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i, {
    error: 'expected an origin like https://example.com (no path)',
  })
  .transform((origin) => origin.toLowerCase());

/** `$TOKENTALLY_HOME/config.json`; every key is optional. */
export const configFileSchema = z.strictObject({
  require_token: z.boolean().default(false),
  allowed_origins: z.array(originSchema).max(100).default([]),
  time_zone: z.string().min(1).max(64).optional(),
});

/** The daemon's settings once read: who may call it and the zone budget periods follow. */
export interface DaemonConfig {
  requireToken: boolean;
  allowedOrigins: readonly string[];
  timeZone: string;
}

export type ConfigResult = { ok: true; config: DaemonConfig } | { ok: false; message: string };

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Reads config.json (absent: defaults). Budget periods follow `time_zone`, else the machine's zone. */
export async function loadConfig(home: string): Promise<ConfigResult> {
  const path = daemonPaths(home).config;
  let raw: unknown = {};
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (!isMissing(error)) return { ok: false, message: `${path} is not valid JSON: ${String(error)}` };
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue === undefined ? '' : `${issue.path.join('.')}: `;
    return { ok: false, message: `${path}: ${where}${issue?.message ?? 'invalid'}` };
  }
  const zone = parseTimeZone(parsed.data.time_zone ?? localTimeZone());
  if (!zone.ok) return { ok: false, message: `${path}: time_zone: ${zone.message}` };
  return {
    ok: true,
    config: {
      requireToken: parsed.data.require_token,
      allowedOrigins: parsed.data.allowed_origins,
      timeZone: zone.value,
    },
  };
}

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

async function readToken(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * The token from `$TOKENTALLY_HOME/token`, created at first start as 32 random bytes in hex with mode 0600.
 * A token file others can read is tightened back to 0600.
 */
export async function ensureToken(home: string): Promise<string> {
  const path = daemonPaths(home).token;
  await mkdir(home, { recursive: true, mode: 0o700 });
  let token = await readToken(path);
  if (token === undefined) {
    try {
      // 'wx': when the CLI creates it at the same moment, both end up with the first writer's token.
      await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    token = await readToken(path);
  }
  if (token === undefined || !TOKEN_PATTERN.test(token)) {
    throw new Error(`${path} does not hold a token (64 hex characters); delete it to have a new one made`);
  }
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return token;
}
