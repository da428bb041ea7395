// CPU time (user + system) from /proc, to show where the machine's cores went during a benchmark.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function parentPid(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
}

/** The parent of a process on this machine, or null when it is not here (a remote database's backend). */
export function localParentPid(pid: number): number | null {
  try {
    return parentPid(pid);
  } catch {
    return null;
  }
}

/** The postmaster's CPU and that of its live children (backends, checkpointer, autovacuum, ...). */
export function clusterCpuMs(postmaster: number): number {
  let total = processCpuMs(postmaster);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentPid(Number(entry)) === postmaster) total += processCpuMs(Number(entry));
    } catch {}
  }
  return total;
}

export function benchCpuMs(): number {
  const usage = process.cpuUsage();
  return Math.round((usage.user + usage.system) / 1000);
}
