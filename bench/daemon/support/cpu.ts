import { readFileSync } from 'node:fs';

// Linux reports process CPU time in clock ticks of 1/100 s.
const TICK_MS = 10;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Runs `work` and answers what it returned and the CPU ms `pid` used meanwhile. */
export async function withCpu<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; cpuMs: number }> {
  const before = cpuMs(pid);
  const value = await work();
  return { value, cpuMs: cpuMs(pid) - before };
}
