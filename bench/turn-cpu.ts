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
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  if (profile) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const c0 = cpuMs();
  const m0 = mainMs();
  const t0 = performance.now();
  await run(2, turns);
  const seconds = (performance.now() - t0) / 1000;
  if (profile) {
    const { profile: data } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profile, JSON.stringify(data));
    session.disconnect();
  }
  console.log(
    `${turns} turns after ${warmup} warm-up: CPU ${((cpuMs() - c0) / turns).toFixed(3)} ms/turn, main thread ${((mainMs() - m0) / turns).toFixed(3)} ms/turn, ${(turns / seconds).toFixed(0)} turns/s`,
  );
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
