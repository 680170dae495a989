/**
 * Loaded into every server the HTTP benchmark starts (the real bot gets it with `--import`, so
 * src/index.ts runs unchanged): answers the benchmark's questions over the IPC channel.
 *
 *   { probe: 'usage' }          → { usage: { cpuMs, maxRssKb } }   CPU time (user + system) and peak RSS so far
 *   { probe: 'profile-start' }  → { profiling: true }              starts a CPU profile
 *   { probe: 'profile-stop', file } → { profiled: file }          writes it (BENCH_PROFILE_DIR)
 */
import fs from 'node:fs';
import path from 'node:path';
import inspector from 'node:inspector';

export interface Usage {
  cpuMs: number;
  maxRssKb: number;
}

type ProbeMessage = { probe?: 'usage' | 'profile-start' | 'profile-stop'; file?: string };

const session = new inspector.Session();

function post<T>(method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result as T))));
}

async function answer(message: ProbeMessage): Promise<void> {
  if (message.probe === 'usage') {
    const cpu = process.cpuUsage();
    const usage: Usage = { cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS };
    process.send?.({ usage });
  } else if (message.probe === 'profile-start') {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    process.send?.({ profiling: true });
  } else if (message.probe === 'profile-stop' && message.file) {
    const { profile } = await post<{ profile: unknown }>('Profiler.stop');
    fs.mkdirSync(path.dirname(message.file), { recursive: true });
    fs.writeFileSync(message.file, JSON.stringify(profile));
    session.disconnect();
    process.send?.({ profiled: message.file });
  }
}

if (process.send) {
  process.on('message', (message: ProbeMessage) => {
    answer(message).catch((err) => process.send?.({ probeError: String(err) }));
  });
  // The benchmark went away (crashed, interrupted): a server without its own handler stops as on SIGTERM.
  process.on('disconnect', () => {
    if (process.listenerCount('disconnect') === 1) process.kill(process.pid, 'SIGTERM');
  });
}
