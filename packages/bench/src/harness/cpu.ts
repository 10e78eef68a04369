import { readdirSync, readFileSync } from "node:fs";

/** Linux reports CPU times in clock ticks; 100 per second on every mainstream kernel. */
const TICK_MS = 10;

interface Stat {
  ppid: number;
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: children that exited and were reaped. */
  reaped: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; fields start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const n = (i: number) => Number(fields[i] ?? 0);
    return { ppid: n(1), own: (n(11) + n(12)) * TICK_MS, reaped: (n(13) + n(14)) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU ms used so far by one process (0 once it is gone, or off Linux). */
export function processCpuMs(pid: number | null | undefined): number {
  if (!pid) return 0;
  return readStat(pid)?.own ?? 0;
}

/**
 * CPU ms used so far by a server process and its children, including children that have
 * exited (a sync's backends end with it): a monotonic total for the embedded postmaster.
 */
export function treeCpuMs(pid: number | null | undefined): number {
  if (!pid) return 0;
  const root = readStat(pid);
  if (!root) return 0;
  let total = root.own + root.reaped;
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return total;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === pid) total += stat.own;
  }
  return total;
}
