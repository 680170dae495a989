/**
 * CPU per turn of the real bot in process, without HTTP or a client competing for the CPU: the app
 * as `npm start` builds it (real recognizer, dialogs, knowledge, SQLite, demo activities), turns
 * handed straight to the Direct Line service one after another, over the benchmark's mix.
 * Prints the process's and the main thread's CPU per turn after a warm-up; for A/B comparisons
 * of the bot's own work (run the two trees alternately, several times).
 *
 *   node --no-deprecation --max-semi-space-size=16 --heap-growing-percent=50 --require ./scripts/compile-cache.cjs \
 *     bench/turn-cpu.ts [turns=2000] [warmup=3000]                  # npm start's flags (npx tsx works too)
 *   TURN_CPU_PROFILE=/tmp/turns.cpuprofile node … bench/turn-cpu.ts  # and a CPU profile of the measured turns
 *   TURN_CPU_HEAP_PROFILE=/tmp/turns.heapprofile node … bench/turn-cpu.ts  # and what the turns allocate (sampled)
 *
 * Also prints the CPU per turn of each of the process's threads: V8's workers (the lowest thread
 * ids after the main one: compiling and concurrent GC) and libuv's pool (SQLite's statements).
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { MessageMix } from './lib/mix';
import { ROOT } from './lib/servers';

const MAIN_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const mainMs = () => (fs.existsSync(MAIN_SCHEDSTAT) ? Number(fs.readFileSync(MAIN_SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : NaN);
/**
 * CPU ms so far of each of the process's threads (all but the main one are called "node": V8's
 * workers, which start with Node, then libuv's pool, where sqlite3 runs statements), by name and thread id.
 */
const threadMs = (): Map<string, number> => {
  const byName = new Map<string, number>();
  for (const task of fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task') : []) {
    try {
      const name = task === String(process.pid) ? 'main' : `${fs.readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim()}#${task}`;
      const ms = Number(fs.readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      byName.set(name, (byName.get(name) ?? 0) + ms);
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const turns = Number(process.argv[2] ?? 2000);
  const warmup = Number(process.argv[3] ?? 3000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turn-cpu-'));
  const config = loadConfig({ ...process.env, DB_PATH: path.join(dir, 'bot.db'), LOG_LEVEL: 'warn', WECHATY_PUPPET: '' });
  const app = await createApp(config, { logger: createLogger('warn') });
  await app.listen(0, '127.0.0.1');
  const service = app.features.directLine.service;
  const mix = MessageMix.load(ROOT);
  const run = async (phase: number, count: number) => {
    // 20 conversations in turn, 10 turns each, then new ones: new and old conversations as in the benchmark.
    for (let done = 0, batch = 0; done < count; batch++) {
      const scripts = Array.from({ length: 20 }, (_, i) => mix.script(phase * 100_000 + batch * 20 + i, 10));
      const conversations = await Promise.all(scripts.map(() => service.start(service.newGrant({ userId: `u${phase}-${batch}-${Math.random()}` })).then((s) => s.conversation)));
      for (let t = 0; t < 10 && done < count; t++) {
        for (let i = 0; i < scripts.length && done < count; i++, done++) {
          await service.receive(conversations[i], { activity: { type: 'message', text: scripts[i][t].text } });
        }
      }
    }
  };
  await run(1, warmup);
  const profile = process.env.TURN_CPU_PROFILE;
  const session = new inspector.Session();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  const heapProfile = process.env.TURN_CPU_HEAP_PROFILE;
  if (profile || heapProfile) session.connect();
  if (profile) {
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  if (heapProfile) {
    await post('HeapProfiler.enable');
    // Every sampled allocation, also those collected since: what a turn allocates, not what stays.
    await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const c0 = cpuMs();
  const m0 = mainMs();
  const threads0 = threadMs();
  const t0 = performance.now();
  await run(2, turns);
  const seconds = (performance.now() - t0) / 1000;
  if (profile) {
    const { profile: data } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profile, JSON.stringify(data));
  }
  if (heapProfile) {
    const { profile: data } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    fs.writeFileSync(heapProfile, JSON.stringify(data));
  }
  if (profile || heapProfile) session.disconnect();
  console.log(
    `${turns} turns after ${warmup} warm-up: CPU ${((cpuMs() - c0) / turns).toFixed(3)} ms/turn, main thread ${((mainMs() - m0) / turns).toFixed(3)} ms/turn, ${(turns / seconds).toFixed(0)} turns/s`,
  );
  const threads = [...threadMs()].map(([name, ms]) => [name, (ms - (threads0.get(name) ?? 0)) / turns] as const).filter(([, ms]) => ms >= 0.005);
  console.log(`  by thread (ms/turn): ${threads.sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(3)}`).join(', ')}`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
