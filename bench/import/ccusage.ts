import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { addToDay, type DailyTotals } from './day-totals';

export type CcusageRun = { ok: true; seconds: number; days: DailyTotals } | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Reads `ccusage daily --json` (`{ daily: [{ date, inputTokens, ... }] }`; older releases said `data`). */
function parseDaily(text: string): DailyTotals | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const list = value.daily ?? value.data;
  if (!Array.isArray(list)) return null;
  const days: DailyTotals = new Map();
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.date !== 'string') continue;
    addToDay(days, entry.date, {
      input: num(entry.inputTokens),
      output: num(entry.outputTokens),
      cacheWrite: num(entry.cacheCreationTokens),
      cacheRead: num(entry.cacheReadTokens),
    });
  }
  return days;
}

/** Runs the bench's own ccusage 18 (`ccusage daily --offline --json`) on a Claude config dir, in UTC. */
export async function runCcusage(configDir: string): Promise<CcusageRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    // The devDependency's bin, run by this Node: no npx start-up or registry lookup inside the timing.
    const bin = fileURLToPath(new URL('../node_modules/ccusage/dist/index.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'daily', '--offline', '--json'], {
      env: { ...process.env, CLAUDE_CONFIG_DIR: configDir, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const days = code === 0 ? parseDaily(Buffer.concat(out).toString('utf8')) : null;
      if (days === null) {
        const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-2).join(' ');
        resolve({ ok: false, reason: `exit ${code ?? 'signal'}${detail ? `: ${detail}` : ''}` });
      } else resolve({ ok: true, seconds, days });
    });
  });
}
