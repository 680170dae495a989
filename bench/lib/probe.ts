/**
 * Loaded into every server the HTTP benchmark starts (the real bot gets it with `--import`, so
 * src/index.ts runs unchanged): answers the benchmark's questions over the IPC channel.
 *
 *   { probe: 'usage' }          → { usage: { cpuMs, mainCpuMs, maxRssKb } }   CPU time (user + system, all threads;
 *                                                                  the main thread's alone on Linux) and peak RSS so far
 *   { probe: 'profile-start' }  → { profiling: true }              starts a CPU profile
 *   { probe: 'profile-stop', file } → { profiled: file }          writes it (BENCH_PROFILE_DIR)
 *
 * With BENCH_PROFILE_KIND=heap the profile is V8's sampling heap profile instead (what each function
 * allocates; written as <file>.heapprofile, which Chrome DevTools opens).
 */
import fs from 'node:fs';
import path from 'node:path';
import inspector from 'node:inspector';

export interface Usage {
  cpuMs: number;
  /** the main (JavaScript) thread's CPU time, from /proc (Linux); the rest is V8's and libuv's helper threads */
  mainCpuMs?: number;
  maxRssKb: number;
}

const MAIN_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's time on a CPU in ms (schedstat's first field, in ns), or undefined off Linux. */
function mainThreadCpuMs(): number | undefined {
  try {
    return Number(fs.readFileSync(MAIN_SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

type ProbeMessage = { probe?: 'usage' | 'profile-start' | 'profile-stop'; file?: string };

const session = new inspector.Session();
const heap = process.env.BENCH_PROFILE_KIND === 'heap';

function post<T>(method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result as T))));
}

async function answer(message: ProbeMessage): Promise<void> {
  if (message.probe === 'usage') {
    const cpu = process.cpuUsage();
    const usage: Usage = { cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: mainThreadCpuMs(), maxRssKb: process.resourceUsage().maxRSS };
    process.send?.({ usage });
  } else if (message.probe === 'profile-start') {
    session.connect();
    if (heap) {
      await post('HeapProfiler.enable');
      // Every 8 KB on average: enough samples over ~1,000 turns; objects collected since are kept too.
      session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as object);
    } else {
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    process.send?.({ profiling: true });
  } else if (message.probe === 'profile-stop' && message.file) {
    const { profile } = await post<{ profile: unknown }>(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
    fs.mkdirSync(path.dirname(message.file), { recursive: true });
    fs.writeFileSync(heap ? `${message.file}.heapprofile` : message.file, JSON.stringify(profile));
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
