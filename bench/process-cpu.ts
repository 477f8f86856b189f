import { readFileSync } from 'node:fs';

/** A process's user and system CPU time from /proc (Linux), in ms; null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces; the fields after it are fixed: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // In clock ticks (Linux's USER_HZ) of 10 ms, on every architecture Node runs on here.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
