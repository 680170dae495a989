/**
 * Statements per turn of the real bot, by SQL text: the benchmark's mix through both paths, with
 * every sqlite3 statement counted in the server (a preload patching sqlite3's prototypes).
 *
 *   npx tsx bench/turn-sql.ts [conversations] [turns]
 */
import fs from 'node:fs';
import path from 'node:path';
import { ReplyListener, agent, runConversations, type PathName } from './lib/client';
import { MessageMix } from './lib/mix';
import { ROOT, startRealBot, stopServer } from './lib/servers';

const COUNTER = path.join(ROOT, 'bench', 'lib', 'sqlCounter.cjs');

async function main(): Promise<void> {
  const conversations = Number(process.argv[2] ?? 40);
  const turns = Number(process.argv[3] ?? 5);
  const mix = MessageMix.load(ROOT);
  const listener = new ReplyListener();
  await listener.listen();
  const server = await startRealBot(undefined, { NODE_OPTIONS: `--require ${COUNTER}` });
  const dump = async (label: string) => {
    const file = `/tmp/bench-sql-${server.child.pid}.json`;
    server.child.kill('SIGUSR2');
    for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
    const counts = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<[string, { n: number; rows: number }]>;
    fs.rmSync(file);
    return counts.map(([sql, c]) => ({ label, sql, n: c.n, rows: c.rows }));
  };
  try {
    for (const [p, route] of (['directline', 'api'] as PathName[]).entries()) {
      const scripts = (phase: number) => Array.from({ length: conversations }, (_, i) => mix.script(phase * 100_000 + i, turns));
      await runConversations(route, server.url, listener, scripts(1 + p));
      await dump('warm-up');
      const receivedBefore = new Map(listener.received);
      await runConversations(route, server.url, listener, scripts(10 + p));
      const counts = await dump(route);
      const total = conversations * turns;
      console.log(`\n${route}: ${conversations} × ${turns} turns; statements per turn ${(counts.reduce((n, c) => n + c.n, 0) / total).toFixed(2)}`);
      if (route === 'api') {
        const posted = [...listener.received].map(([type, n]) => `${type} ${((n - (receivedBefore.get(type) ?? 0)) / total).toFixed(2)}`);
        console.log(`activities POSTed to the serviceUrl per turn: ${posted.join(', ')}`);
      }
      for (const c of counts) console.log(`${(c.n / total).toFixed(3).padStart(7)}  rows ${(c.rows / Math.max(1, c.n)).toFixed(1).padStart(6)}  ${c.sql}`);
    }
  } finally {
    await stopServer(server);
    await listener.close();
    agent.destroy();
  }
}

void main();
