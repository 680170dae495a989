/**
 * Speed of a real turn: the real bot (real recognizer, dialogs, knowledge, SQLite, default
 * features with the demo activities) on a realistic mix of messages, through Direct Line and
 * through /api/messages, beside a minimal botbuilder echo bot on the same adapters and a bare
 * restify echo with the same endpoint shapes, all driven by the same client in this process; on
 * request (`--only …,dialogbot`) also a botbuilder dialog bot without NLU on huibot's state (the
 * floor of a stateful dialog bot, bench/lib/dialogBot.ts).
 *
 *   npm run bench:http                          # 1 conversation sequential, then 20 and 200 conversations × 20 turns, both paths
 *   npm run bench:http -- 20x10 200x3           # conversations × turns per level
 *   npm run bench:http -- 50 --turns 10 --path api
 *   npm run bench:http -- --fixed               # huibot with a fixed recognizer, Direct Line feature only (channel work)
 *   BENCH_PROFILE_DIR=/tmp/prof npm run bench:http   # CPU profiles of every measured run
 *   npm run bench:http -- --instances 2 --db postgres  # the real bot on SQLite, on PostgreSQL, and 2 instances on PostgreSQL behind nginx
 *
 * Options: --path directline|api|both, --turns N, --sequential N (turns of the one-conversation
 * run, 0 = none), --warmup N (turns per path before measuring), --only bare,echobot,huibot,dialogbot
 * (the dialog bot runs only when --only names it),
 * --budget S (no measurement starts after S seconds, default 170: the run stays bounded on a busy machine),
 * --db postgres (instead of the comparison servers: the real bot on SQLite and on PostgreSQL, side by
 * side) with --instances N (N ≥ 2 adds N instances on one PostgreSQL database behind nginx, as
 * scripts/two-instances.ts runs them; CPU and RSS are then the instances' sums) and --rounds N (the
 * setups run at once and each level is measured on one after the other, N times: ratios of
 * neighbouring measurements and their median, steadier on a shared machine).
 *
 * The real bot is src/index.ts started as `npm start` starts it, with a temp DB_PATH and a free
 * PORT; its start-up (spawn → healthy /healthz) is printed, and again for a restart on the same
 * database. Each server is warmed up before it is measured.
 */
import os from 'node:os';
import path from 'node:path';
import { ReplyListener, agent, runConversations, type PathName } from './lib/client';
import { MessageMix, type ScriptTurn } from './lib/mix';
import { ROOT, startComparison, startProfile, startRealBot, stopProfile, stopServer, usage, type RunningServer, type ServerKind } from './lib/servers';
import { engineSetups } from './lib/setups';
import { describe, describeKinds, summarise, type Summary, type TurnCpu } from './lib/stats';

interface Level {
  label: string;
  conversations: number;
  turns: number;
}

interface Options {
  levels: Level[];
  paths: PathName[];
  kinds: ServerKind[];
  sequential: number;
  warmup: number;
  fixed: boolean;
  /** seconds after which no further measurement starts */
  budget: number;
  /** 'postgres': compare storage setups of the real bot instead of the comparison servers */
  db: 'sqlite' | 'postgres';
  instances: number;
  /** `--db postgres`: measure the setups side by side this many times (see compareInRounds) */
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flagValues = new Set(['--turns', '--path', '--sequential', '--warmup', '--only', '--budget', '--instances', '--db', '--rounds'].map((f) => argv.indexOf(f) + 1).filter((i) => i > 0));
  const turns = Number(value('--turns') ?? 20);
  const levels: Level[] = [];
  argv.forEach((arg, i) => {
    if (flagValues.has(i)) return;
    const pair = /^(\d+)x(\d+)$/.exec(arg);
    if (pair) levels.push({ label: `${pair[1]}×${pair[2]}`, conversations: Number(pair[1]), turns: Number(pair[2]) });
    else if (/^\d+$/.test(arg)) levels.push({ label: `${arg}×${turns}`, conversations: Number(arg), turns });
  });
  if (levels.length === 0) levels.push({ label: `20×${turns}`, conversations: 20, turns }, { label: `200×${turns}`, conversations: 200, turns });
  const pathArg = value('--path') ?? 'both';
  if (!['directline', 'api', 'both'].includes(pathArg)) throw new Error('--path is directline, api or both');
  const paths: PathName[] = pathArg === 'both' ? ['directline', 'api'] : [pathArg as PathName];
  const fixed = argv.includes('--fixed');
  const bot: ServerKind = fixed ? 'fixed' : 'huibot';
  const only = value('--only')?.split(',').map((k) => (k === 'huibot' ? bot : k)) as ServerKind[] | undefined;
  // The dialog bot only when named: the default run stays the three servers it has always measured.
  const kinds = ([bot, 'echobot', 'dialogbot', 'bare'] as ServerKind[]).filter((k) => (only ? only.includes(k) : k !== 'dialogbot'));
  const unknown = only?.filter((k) => ![bot, 'echobot', 'dialogbot', 'bare'].includes(k));
  if (unknown?.length) throw new Error(`--only takes huibot, echobot, dialogbot and bare, not ${unknown.join(', ')}`);
  return {
    levels,
    paths,
    kinds,
    fixed,
    sequential: Number(value('--sequential') ?? 100),
    warmup: Number(value('--warmup') ?? 1000),
    budget: Number(value('--budget') ?? 170),
    db: parseDb(value('--db'), Number(value('--instances') ?? 1)),
    instances: Number(value('--instances') ?? 1),
    rounds: parseRounds(value('--rounds'), value('--db')),
  };
}

function parseRounds(rounds: string | undefined, db: string | undefined): number {
  const n = Number(rounds ?? 1);
  if (!Number.isInteger(n) || n < 1) throw new Error('--rounds is a whole number ≥ 1');
  if (n > 1 && db !== 'postgres') throw new Error('--rounds needs --db postgres');
  return n;
}

function parseDb(db: string | undefined, instances: number): Options['db'] {
  if (db !== undefined && db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
  if (!Number.isInteger(instances) || instances < 1) throw new Error('--instances is a whole number ≥ 1');
  if (instances > 1 && db !== 'postgres') throw new Error('--instances 2 needs --db postgres (instances share one PostgreSQL database)');
  return db ?? 'sqlite';
}

const LABELS: Record<ServerKind, string> = {
  bare: 'bare restify echo',
  echobot: 'botbuilder echo bot',
  dialogbot: 'botbuilder dialog bot',
  huibot: 'huibot (real)',
  fixed: 'huibot (fixed NLU)',
};
const PATH_LABELS: Record<PathName, string> = { directline: 'Direct Line', api: '/api/messages' };

/** Scripts for `conversations` conversations of `turns` turns; `phase` keeps every server's scripts identical. */
function scripts(mix: MessageMix, phase: number, conversations: number, turns: number): ScriptTurn[][] {
  return Array.from({ length: conversations }, (_, i) => mix.script(phase * 100_000 + i, turns));
}

type Results = Map<string, Summary>;
const key = (name: string, path: PathName, level: string) => `${name}|${path}|${level}`;

function levelsOf(options: Options): Level[] {
  return [...(options.sequential > 0 ? [{ label: 'sequential', conversations: 1, turns: options.sequential }] : []), ...options.levels];
}

/** Warm-up: the JIT, the caches and the connection pools settle before anything is measured. */
async function warmUp(server: RunningServer, options: Options, mix: MessageMix, listener: ReplyListener, name: string, p: number, route: PathName): Promise<void> {
  if (options.warmup <= 0) return;
  const warm = await runConversations(route, server.url, listener, scripts(mix, 1 + p, 20, Math.max(1, Math.ceil(options.warmup / 20))));
  if (warm.errors) console.log(`  ${name} ${route} warm-up: ${warm.errors} errors (${warm.errorSamples.join('; ')})`);
  if ((server.kind === 'echobot' || server.kind === 'dialogbot') && !warm.firstReply?.startsWith('echo: ')) {
    throw new Error(`the ${LABELS[server.kind]} answered "${warm.firstReply}" on ${route}: not the ${LABELS[server.kind]}`);
  }
}

async function measureServer(
  server: RunningServer,
  options: Options,
  mix: MessageMix,
  listener: ReplyListener,
  results: Results,
  name: string = server.kind,
  label: string = LABELS[server.kind],
): Promise<void> {
  for (const [p, route] of options.paths.entries()) {
    await warmUp(server, options, mix, listener, name, p, route);
    for (const [l, level] of levelsOf(options).entries()) {
      if (performance.now() / 1000 > options.budget) {
        console.log(`  ${label} ${PATH_LABELS[route]} ${level.label}: skipped, past the ${options.budget} s budget`);
        continue;
      }
      results.set(key(name, route, level.label), await measureLevel(server, options, mix, listener, route, level, l, label));
    }
  }
}

/** One measured level on one server (after a short settling run); printed as it ends. */
async function measureLevel(
  server: RunningServer,
  options: Options,
  mix: MessageMix,
  listener: ReplyListener,
  route: PathName,
  level: Level,
  l: number,
  label: string,
): Promise<Summary> {
  const settle = level.conversations === 1 ? 10 : Math.max(2, Math.ceil(300 / level.conversations));
  await runConversations(route, server.url, listener, scripts(mix, 10 + l, level.conversations, settle));
  const profiling = server.members ? undefined : process.env.BENCH_PROFILE_DIR;
  if (profiling) await startProfile(server);
  const measured = scripts(mix, 20 + l, level.conversations, level.turns);
  // One conversation: the server's CPU is also read between turns, for the median per turn.
  const perTurn = level.conversations === 1 ? await turnCpuMeter(server, measured[0]) : undefined;
  const before = await usage(server);
  const databaseBefore = server.databaseCpuMs?.();
  const run = await runConversations(route, server.url, listener, measured, perTurn?.boundary);
  const after = await usage(server);
  const databaseCpu = databaseBefore === undefined ? undefined : server.databaseCpuMs!() - databaseBefore;
  const mainCpu = after.mainCpuMs !== undefined && before.mainCpuMs !== undefined ? after.mainCpuMs - before.mainCpuMs : undefined;
  const summary = summarise(run, after.cpuMs - before.cpuMs, after.maxRssKb, perTurn?.samples(), mainCpu);
  console.log(`  ${label.padEnd(options.db === 'postgres' ? 26 : 21)} ${PATH_LABELS[route].padEnd(13)} ${level.label.padEnd(11)} ${describe(summary)}`);
  if (databaseCpu !== undefined) {
    const perTurnDb = databaseCpu / Math.max(1, summary.turns);
    console.log(`    PostgreSQL server CPU ${perTurnDb.toFixed(2)} ms/turn (bot + database ${(summary.cpuPerTurn + perTurnDb).toFixed(2)} ms/turn)`);
  }
  if (summary.errors) console.log(`    errors: ${summary.errorSamples.join('; ')}`);
  if (profiling) {
    const file = path.join(profiling, `bench-${server.kind}-${route}-${level.label.replace('×', 'x')}-${Date.now()}.cpuprofile`);
    console.log(`    profile (${summary.turns} turns): ${await stopProfile(server, file)}`);
  }
  return summary;
}

/**
 * Reads the server's CPU time before each turn of one conversation and after the last; each
 * difference, less the cost of the reading itself (the median of 20 back-to-back readings), is a turn's.
 */
async function turnCpuMeter(server: RunningServer, script: ScriptTurn[]) {
  const idle: number[] = [];
  const idleMain: number[] = [];
  let last = await usage(server);
  for (let i = 0; i < 20; i++) {
    const now = await usage(server);
    idle.push(now.cpuMs - last.cpuMs);
    idleMain.push((now.mainCpuMs ?? 0) - (last.mainCpuMs ?? 0));
    last = now;
  }
  const reading = idle.sort((a, b) => a - b)[10];
  const readingMain = idleMain.sort((a, b) => a - b)[10];
  const readings: Array<{ cpuMs: number; mainCpuMs?: number }> = [];
  return {
    boundary: async () => {
      readings.push(await usage(server));
    },
    samples: (): TurnCpu[] =>
      readings.slice(1).map((u, i) => {
        const previous = readings[i];
        const mainMs = u.mainCpuMs !== undefined && previous.mainCpuMs !== undefined ? Math.max(0, u.mainCpuMs - previous.mainCpuMs - readingMain) : undefined;
        return { kind: script[i]?.kind ?? 'short', ms: Math.max(0, u.cpuMs - previous.cpuMs - reading), ...(mainMs === undefined ? {} : { mainMs }) };
      }),
  };
}

function pct(a: number, b: number): string {
  return `${((a / b) * 100).toFixed(0)} %`;
}

function signed(v: number, digits = 1): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
}

/** "A: x % of B's rate, p50 ±, CPU ± (sequential: the medians' difference, and the main thread's) ms/turn". */
function versus(a: Summary, b: Summary, label: string, of: string): string {
  const mainMedians = a.mainCpuMedian !== undefined && b.mainCpuMedian !== undefined ? `, main thread ${signed(a.mainCpuMedian - b.mainCpuMedian, 2)}` : '';
  const medians = a.cpuMedian !== undefined && b.cpuMedian !== undefined ? ` (median ${signed(a.cpuMedian - b.cpuMedian, 2)}${mainMedians})` : '';
  return `${label} ${pct(a.rate, b.rate)} of ${of} rate, p50 ${signed(a.p50 - b.p50)} ms, CPU ${signed(a.cpuPerTurn - b.cpuPerTurn, 2)}${medians} ms/turn`;
}

function printComparison(options: Options, results: Results, bot: ServerKind): void {
  const levels = [...(options.sequential > 0 ? ['sequential'] : []), ...options.levels.map((l) => l.label)];
  console.log('\nRatios (same run, same client)');
  for (const route of options.paths) {
    for (const level of levels) {
      const bare = results.get(key('bare', route, level));
      const echo = results.get(key('echobot', route, level));
      const dialog = results.get(key('dialogbot', route, level));
      const real = results.get(key(bot, route, level));
      const parts: string[] = [];
      if (real && echo) parts.push(versus(real, echo, LABELS[bot], "the echo bot's"));
      if (real && dialog) parts.push(versus(real, dialog, LABELS[bot], "the dialog bot's"));
      if (dialog && echo) parts.push(versus(dialog, echo, 'dialog bot', "the echo bot's"));
      if (echo && bare) parts.push(`echo bot ${pct(echo.rate, bare.rate)} of bare, p50 ${signed(echo.p50 - bare.p50)} ms`);
      // One comparison a line when the dialog bot is there (three or four of them), else as before.
      if (parts.length) console.log(`  ${PATH_LABELS[route].padEnd(13)} ${level.padEnd(11)} ${parts.join(dialog ? `;\n  ${''.padEnd(25)}` : '; ')}`);
    }
  }
  for (const route of options.paths) {
    const real = results.get(key(bot, route, 'sequential'));
    if (real) console.log(`  ${LABELS[bot]} p50 by message kind, one conversation, ${PATH_LABELS[route]}: ${describeKinds(real)}`);
  }
}

/** `--db postgres`: the real bot's storage setups one after the other, then their ratios. */
async function compareSetups(options: Options, mix: MessageMix, listener: ReplyListener): Promise<void> {
  if (options.rounds > 1) return compareInRounds(options, mix, listener);
  const results: Results = new Map();
  const { setups, stop } = await engineSetups(options.instances);
  try {
    for (const setup of setups) {
      const server = await setup.start();
      try {
        await measureServer(server, options, mix, listener, results, setup.name, setup.label);
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    stop();
  }
  const levels = levelsOf(options).map((l) => l.label);
  const [sqlite, postgres, proxied] = setups;
  console.log('\nRatios (same run, same client)');
  for (const route of options.paths) {
    for (const level of levels) {
      const one = results.get(key(sqlite.name, route, level));
      const pg = results.get(key(postgres.name, route, level));
      const many = proxied && results.get(key(proxied.name, route, level));
      const parts: string[] = [];
      if (pg && one) parts.push(`PostgreSQL ${pct(pg.rate, one.rate)} of SQLite's rate (p50 ${signed(pg.p50 - one.p50)} ms, p99 ${signed(pg.p99 - one.p99, 0)} ms)`);
      if (many && pg) parts.push(`${proxied.label} ${pct(many.rate, pg.rate)} of one PostgreSQL instance's rate (p50 ${signed(many.p50 - pg.p50)} ms, p99 ${signed(many.p99 - pg.p99, 0)} ms)`);
      if (parts.length) console.log(`  ${PATH_LABELS[route].padEnd(13)} ${level.padEnd(11)} ${parts.join('; ')}`);
    }
  }
}

/**
 * `--rounds N`: every setup runs at once (an idle one costs nothing), and each level is measured on
 * one setup right after the other, N times over: on a machine shared with other jobs the load drifts
 * within minutes, so a ratio of neighbouring measurements, and their median over the rounds, says
 * more than one pass per setup minutes apart.
 */
async function compareInRounds(options: Options, mix: MessageMix, listener: ReplyListener): Promise<void> {
  const { setups, stop } = await engineSetups(options.instances);
  const running: Array<{ setup: (typeof setups)[number]; server: RunningServer }> = [];
  const ratios = new Map<string, number[]>();
  const note = (what: string, value: number) => ratios.set(what, [...(ratios.get(what) ?? []), value]);
  try {
    for (const setup of setups) running.push({ setup, server: await setup.start() });
    for (const [p, route] of options.paths.entries()) {
      for (const { setup, server } of running) await warmUp(server, options, mix, listener, setup.name, p, route);
    }
    for (let round = 1; round <= options.rounds; round++) {
      console.log(`Round ${round} of ${options.rounds}`);
      for (const route of options.paths) {
        for (const [l, level] of levelsOf(options).entries()) {
          const summaries: Summary[] = [];
          for (const { setup, server } of running) summaries.push(await measureLevel(server, options, mix, listener, route, level, l, setup.label));
          const [sqlite, postgres, proxied] = summaries;
          note(`${PATH_LABELS[route]}|${level.label}|pg`, postgres.rate / sqlite.rate);
          note(`${PATH_LABELS[route]}|${level.label}|cpu`, postgres.cpuPerTurn - sqlite.cpuPerTurn);
          if (proxied) note(`${PATH_LABELS[route]}|${level.label}|many`, proxied.rate / postgres.rate);
        }
      }
    }
  } finally {
    for (const { server } of running) await stopServer(server).catch(() => undefined);
    stop();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const list = (values: number[]) => values.map((v) => `${(v * 100).toFixed(0)} %`).join(', ');
  console.log(`\nRatios per round (neighbouring measurements, same client), and their median`);
  for (const route of options.paths) {
    for (const level of levelsOf(options)) {
      const at = `${PATH_LABELS[route]}|${level.label}`;
      const pg = ratios.get(`${at}|pg`) ?? [];
      const cpu = ratios.get(`${at}|cpu`) ?? [];
      const many = ratios.get(`${at}|many`);
      const parts = [`PostgreSQL ÷ SQLite ${list(pg)} (median ${(median(pg) * 100).toFixed(0)} %; bot CPU ${cpu.map((c) => signed(c, 2)).join(', ')} ms/turn)`];
      if (many) parts.push(`${setups[2].label} ÷ PostgreSQL, 1 ${list(many)} (median ${(median(many) * 100).toFixed(0)} %)`);
      console.log(`  ${PATH_LABELS[route].padEnd(13)} ${level.label.padEnd(11)} ${parts.join('; ')}`);
    }
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const mix = MessageMix.load(ROOT);
  const listener = new ReplyListener();
  await listener.listen();
  const sizes = Object.entries(mix.sizes())
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(
    `Turn benchmark — ${os.cpus().length} CPU(s) (shared with the client), Node ${process.version}; paths: ${options.paths.join(', ')}; ` +
      `levels: ${options.sequential > 0 ? `1×${options.sequential} sequential, ` : ''}${options.levels.map((l) => l.label).join(', ')}; warm-up ${options.warmup} turns per path`,
  );
  console.log(`Mix from eval/: ${sizes} messages, plus an 8-turn sign-up; serviceUrl listener ${listener.url}\n`);
  if (options.db === 'postgres') {
    await compareSetups(options, mix, listener);
    await listener.close();
    agent.destroy();
    return;
  }

  const results: Results = new Map();
  const bot: ServerKind = options.fixed ? 'fixed' : 'huibot';
  for (const kind of options.kinds) {
    const server = kind === 'huibot' ? await startRealBot() : await startComparison(kind);
    try {
      if (server.startupMs !== undefined) {
        const { maxRssKb } = await usage(server);
        console.log(`  huibot start-up (spawn → healthy /healthz, fresh database): ${server.startupMs.toFixed(0)} ms; peak RSS by then ${(maxRssKb / 1024).toFixed(0)} MB`);
      }
      await measureServer(server, options, mix, listener, results);
    } finally {
      await stopServer(server, kind === 'huibot');
    }
    if (kind === 'huibot') {
      // The same database again: what a restart (deploy, crash) costs.
      const again = await startRealBot(server.dbPath);
      console.log(`  huibot restart (spawn → healthy /healthz, existing database): ${again.startupMs!.toFixed(0)} ms`);
      await stopServer(again);
    }
  }
  printComparison(options, results, bot);
  await listener.close();
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
