/**
 * Web chat throughput and latency through the Direct Line endpoints, against a bare restify
 * server on this machine with the same endpoint shapes (the ceiling), using the same client.
 *
 *   npm run bench:http                 # 20 and 200 concurrent conversations, 20 turns each
 *   npm run bench:http -- 50 --turns 10
 *   BENCH_PROFILE_DIR=/tmp/prof npm run bench:http -- 200   # CPU profiles of the measured runs
 *
 * Each server runs in its own child process; this process is the client. A turn's latency is
 * from posting the message until a poll returns the bot's reply to it. The bot side uses a fixed
 * recognizer so the numbers measure the channel (HTTP, tokens, SQLite, bot turn), not the NLU.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import inspector from 'node:inspector';
import restify from 'restify';

type ServerKind = 'bot' | 'ceiling';
const WARM_UP_TURNS = 1000;

// ---------------------------------------------------------------- servers (child processes)

async function serveBot(): Promise<string> {
  const { createApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { directLineFeature } = await import('../src/features/directline');
  const dbPath = path.join(os.tmpdir(), `huibot-bench-${randomUUID()}.db`);
  const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000' });
  const recognizer = {
    async recognize(text: string) {
      return { text, normalized: text, intent: 'greeting' as const, intentScore: 1, entities: {}, candidates: [] };
    },
  };
  const app = await createApp(config, { features: [directLineFeature], recognizer });
  const url = await app.listen(0, '127.0.0.1');
  process.on('disconnect', () => {
    void app.close().finally(() => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
      process.exit(0);
    });
  });
  return url;
}

/** The ceiling: the same routes on restify, conversations in memory, an echo and a fixed reply. */
async function serveCeiling(): Promise<string> {
  const server = restify.createServer({ name: 'ceiling' });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const conversations = new Map<string, unknown[]>();
  server.post('/v3/directline/conversations', (_req, res, next) => {
    const id = randomUUID();
    conversations.set(id, []);
    res.send(201, { conversationId: id, token: 'token', expires_in: 3600 });
    next();
  });
  server.post('/v3/directline/conversations/:id/activities', restify.plugins.bodyParser({ mapParams: false }), (req, res, next) => {
    const list = conversations.get(req.params.id) ?? [];
    const id = `${req.params.id}|${list.length + 1}`;
    list.push({ ...req.body, id, from: { id: 'user', role: 'user' } });
    list.push({ type: 'message', text: '您好！请问有什么可以帮您？', replyToId: id, id: `${req.params.id}|${list.length + 1}`, from: { id: 'bot', role: 'bot' } });
    res.send(200, { id });
    next();
  });
  server.get('/v3/directline/conversations/:id/activities', (req, res, next) => {
    const list = conversations.get(req.params.id) ?? [];
    const after = Number((req.query as { watermark?: string }).watermark || 0);
    res.send(200, { activities: list.slice(after), watermark: String(list.length) });
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('disconnect', () => process.exit(0));
  return `http://127.0.0.1:${server.address().port}`;
}

/** BENCH_PROFILE_DIR: a CPU profile of each server over its measured run only (not start-up or warm-up). */
const profiler = new inspector.Session();
async function profile(action: 'start' | 'stop', kind: ServerKind): Promise<void> {
  const post = (method: string) =>
    new Promise<any>((resolve, reject) => profiler.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  if (action === 'start') {
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    process.send?.({ profiling: true });
  } else {
    const { profile: data } = await post('Profiler.stop');
    const dir = process.env.BENCH_PROFILE_DIR ?? os.tmpdir();
    const file = path.join(dir, `bench-${kind}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(data));
    profiler.disconnect();
    process.send?.({ profiled: file });
  }
}

// ---------------------------------------------------------------- client

interface Reply {
  status: number;
  body: any;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

function request(url: string, method: string, token?: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

interface RunResult {
  turns: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/** One conversation: start, then `turns` × (post, poll until the reply to that post is there). */
async function converse(base: string, turns: number, result: RunResult): Promise<void> {
  const started = await request(`${base}/v3/directline/conversations`, 'POST', undefined, {});
  if (started.status >= 300) {
    result.errors += turns;
    return;
  }
  const { conversationId, token } = started.body as { conversationId: string; token: string };
  const activities = `${base}/v3/directline/conversations/${conversationId}/activities`;
  let watermark = '';
  for (let turn = 0; turn < turns; turn++) {
    const t0 = performance.now();
    try {
      const posted = await request(activities, 'POST', token, { type: 'message', text: '你好', from: { id: 'bench' }, channelData: { clientActivityID: randomUUID() } });
      if (posted.status !== 200) throw new Error(`post ${posted.status}`);
      for (let polls = 0; ; polls++) {
        const polled = await request(`${activities}?watermark=${watermark}`, 'GET', token);
        if (polled.status !== 200) throw new Error(`poll ${polled.status}`);
        watermark = polled.body.watermark ?? watermark;
        if ((polled.body.activities as Array<{ replyToId?: string }>).some((a) => a.replyToId === posted.body.id)) break;
        if (polls > 200) throw new Error('reply never came');
        await new Promise((r) => setTimeout(r, 2));
      }
      result.latencies.push(performance.now() - t0);
      result.turns++;
    } catch {
      result.errors++;
    }
  }
}

async function run(base: string, conversations: number, turns: number): Promise<RunResult> {
  const result: RunResult = { turns: 0, errors: 0, seconds: 0, latencies: [] };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conversations }, () => converse(base, turns, result)));
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(r: RunResult, serverCpu: number) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    rate: r.turns / r.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: r.errors,
    cpuPerTurn: serverCpu / Math.max(1, r.turns),
  };
}

/** The child's CPU time so far, in milliseconds (user + system). */
async function serverCpuMs(child: ChildProcess): Promise<number> {
  const cpu = (await ask(child, { cpu: true }, 'cpu')) as NodeJS.CpuUsage;
  return (cpu.user + cpu.system) / 1000;
}

/**
 * The runtime flags `npm start` gives Node (e.g. the young-generation size), so both servers run
 * as the bot does in production; the loader flags are this process's own.
 */
function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((arg) => /^--(max|min)-/.test(arg));
}

/** Sends the child a message and resolves with the `answer` field of its reply. */
function ask(child: ChildProcess, message: object, answer: string): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (reply: Record<string, unknown>) => {
      if (!(answer in reply)) return;
      child.off('message', onMessage);
      resolve(reply[answer]);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

function startServer(kind: ServerKind): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--serve', kind], { execArgv: [...process.execArgv, ...startFlags()], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message: { url?: string }) => (message.url ? resolve({ url: message.url, child }) : reject(new Error('no url'))));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

function line(m: ReturnType<typeof summarise>): string {
  return (
    `${m.rate.toFixed(0)} turns/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, ` +
    `errors ${m.errors}, server CPU ${m.cpuPerTurn.toFixed(2)} ms/turn`
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const turnsFlag = args.indexOf('--turns');
  const turns = turnsFlag >= 0 ? Number(args[turnsFlag + 1]) : 20;
  const counts = args.filter((a, i) => /^\d+$/.test(a) && !(turnsFlag >= 0 && i === turnsFlag + 1)).map(Number);
  const levels = counts.length > 0 ? counts : [20, 200];

  console.log(`Direct Line HTTP benchmark — ${os.cpus().length} CPU(s), Node ${process.version}, ${turns} turns per conversation\n`);
  const rows: string[] = [];
  for (const conversations of levels) {
    const measured: Record<ServerKind, ReturnType<typeof summarise>> = {} as never;
    for (const kind of ['ceiling', 'bot'] as ServerKind[]) {
      const { url, child } = await startServer(kind);
      // Warm-up at the measured concurrency, ~1,000 turns: the JIT and the caches settle first.
      await run(url, conversations, Math.max(5, Math.ceil(WARM_UP_TURNS / conversations)));
      if (process.env.BENCH_PROFILE_DIR) await ask(child, { profile: 'start' }, 'profiling');
      const cpuBefore = await serverCpuMs(child);
      const result = await run(url, conversations, turns);
      measured[kind] = summarise(result, (await serverCpuMs(child)) - cpuBefore);
      if (process.env.BENCH_PROFILE_DIR) console.log(`  ${kind} profile: ${await ask(child, { profile: 'stop' }, 'profiled')}`);
      await stopServer(child);
    }
    const { bot, ceiling } = measured;
    rows.push(
      [
        `${conversations} conversations × ${turns} turns`,
        `  ceiling (bare restify): ${line(ceiling)}`,
        `  huibot Direct Line:     ${line(bot)}`,
        `  ratio: ${((bot.rate / ceiling.rate) * 100).toFixed(0)}% of the ceiling's rate; p50 +${(bot.p50 - ceiling.p50).toFixed(1)} ms over the ceiling`,
      ].join('\n'),
    );
    console.log(rows[rows.length - 1] + '\n');
  }
  agent.destroy();
}

if (process.argv[2] === '--serve') {
  const kind = process.argv[3] as ServerKind;
  // The parent asks for the server's CPU time around each measured run.
  process.on('message', (message: { cpu?: boolean; profile?: 'start' | 'stop' }) => {
    if (message.cpu) process.send?.({ cpu: process.cpuUsage() });
    if (message.profile) void profile(message.profile, kind);
  });
  (kind === 'bot' ? serveBot() : serveCeiling()).then(
    (url) => process.send?.({ url }),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
