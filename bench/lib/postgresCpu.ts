/**
 * CPU time of a PostgreSQL server (`--db postgres`): the postmaster, its live children (backends,
 * WAL writer, …) and the children it has already reaped, from /proc. The server shares the cores
 * with the bot and the client, so its CPU per turn is part of what a setup costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** utime, stime, cutime, cstime (ticks) and the parent pid of a process; undefined when it is gone. */
function stat(pid: number): { own: number; reaped: number; ppid: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may contain spaces), from field 3 (state) on.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(fields[i - 3]);
  return { ppid: n(4), own: n(14) + n(15), reaped: n(16) + n(17) };
}

/** Milliseconds of CPU the server at `dataDir` has used so far (0 off Linux or when it cannot be read). */
export function postgresCpuMs(dataDir: string): number {
  if (os.platform() !== 'linux') return 0;
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  const root = stat(postmaster);
  if (!root) return 0;
  let ticks = root.own + root.reaped;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks * TICK_MS;
}
