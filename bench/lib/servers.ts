/**
 * Starting and stopping the servers under test, each a child process with bench/lib/probe.ts
 * loaded (CPU time, peak RSS and CPU profiles over IPC).
 *
 * The real bot is src/index.ts started the way `npm start` starts it (the runtime flags of the
 * `start` script), plus `--require bench/lib/probe.ts` (through the start script's TypeScript hook), with a temp DB_PATH and a
 * free PORT; its start-up time runs from the spawn until GET /healthz answers 200.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { request } from './client';
import type { Usage } from './probe';
import { freePort } from '../../test/helpers/freePort';

export type ServerKind = 'bare' | 'echobot' | 'dialogbot' | 'huibot' | 'fixed';

export const ROOT = path.join(__dirname, '..', '..');
const PROBE = path.join(__dirname, 'probe.ts');
const SERVE = path.join(__dirname, 'serve.ts');

export interface RunningServer {
  kind: ServerKind;
  url: string;
  child: ChildProcess;
  dbPath?: string;
  /** Spawn to healthy, ms (the real bot only). */
  startupMs?: number;
  /** Several instances behind a proxy (`--instances 2`): usage is their sum; `url` is the proxy's. */
  members?: RunningServer[];
  /** Stops what runs besides the members (the proxy, the throwaway PostgreSQL). */
  stopAlso?: () => Promise<void> | void;
  /** `--db postgres`: CPU ms the database server has used so far (it shares the cores; not in `usage`). */
  databaseCpuMs?: () => number;
}

/**
 * Settings every app-based server gets. The benchmark's client is one address standing in for
 * many users, so the per-client connection cap and the per-minute rate limits are lifted.
 */
function benchEnvironment(dbPath: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOTENV_CONFIG_QUIET: 'true',
    NODE_ENV: '',
    HOST: '127.0.0.1',
    DB_PATH: dbPath,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000',
    DIRECTLINE_POLL_LIMIT_PER_MINUTE: '100000',
    HTTP_MAX_CONNECTIONS: '100000',
    HTTP_MAX_CONNECTIONS_PER_CLIENT: '100000',
    WECHATY_PUPPET: '',
    WECHAT_OA_APP_ID: '',
    MicrosoftAppId: '',
  };
}

/** The `npm start` command line: Node's flags and the entry script. */
function startCommand(): { flags: string[]; entry: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const entry = words[words.length - 1];
  return { flags: words.slice(1, -1), entry };
}

/** Node's runtime flags of `npm start` (young generation size etc.), for the comparison servers. */
function runtimeFlags(): string[] {
  return startCommand().flags.filter((flag) => /^--(max|min)-|^--no-deprecation$/.test(flag));
}

export function tempDbPath(): string {
  return path.join(os.tmpdir(), `huibot-bench-${randomUUID()}.db`);
}

export function removeDb(dbPath?: string): void {
  if (dbPath) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A comparison server (bench/lib/serve.ts): resolves once it reports its URL. */
export async function startComparison(kind: Exclude<ServerKind, 'huibot'>): Promise<RunningServer> {
  const dbPath = kind === 'bare' ? undefined : tempDbPath();
  const child = fork(SERVE, [kind], {
    cwd: ROOT,
    execArgv: [...process.execArgv, ...runtimeFlags()],
    env: benchEnvironment(dbPath ?? ''),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { url?: string }) => message.url && resolve(message.url));
    void exited(child).then((code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { kind, url, child, dbPath };
}

/** The real bot, as `npm start` runs it; `dbPath` again to time a restart on an existing database. */
export async function startRealBot(dbPath = tempDbPath(), env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const { flags, entry } = startCommand();
  const port = await freePort();
  const t0 = performance.now();
  const child = fork(path.join(ROOT, entry), [], {
    cwd: ROOT,
    execArgv: [...flags, '--require', PROBE],
    env: { ...benchEnvironment(dbPath), PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let code: number | null | undefined;
  void exited(child).then((c) => (code = c));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (code !== undefined) throw new Error(`huibot exited with ${code} before it was healthy`);
    if (performance.now() - t0 > 120_000) {
      child.kill('SIGKILL');
      throw new Error('huibot not healthy after 120 s');
    }
    try {
      const health = await request(`${url}/healthz`, 'GET');
      if (health.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { kind: 'huibot', url, child, dbPath, startupMs: performance.now() - t0 };
}

/** Sends the child a probe message and resolves with the `answer` field of its reply (rejects on a probe error). */
function ask<T>(child: ChildProcess, message: object, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Record<string, unknown>) => {
      if (!(answer in reply) && !('probeError' in reply)) return;
      child.off('message', onMessage);
      if ('probeError' in reply) reject(new Error(`probe: ${String(reply.probeError)}`));
      else resolve(reply[answer] as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** CPU time and peak RSS of the server, or the sums over its members. */
export async function usage(server: RunningServer): Promise<Usage> {
  if (!server.members) return ask<Usage>(server.child, { probe: 'usage' }, 'usage');
  const each = await Promise.all(server.members.map((member) => usage(member)));
  const main = each.every((u) => u.mainCpuMs !== undefined) ? each.reduce((sum, u) => sum + u.mainCpuMs!, 0) : undefined;
  return { cpuMs: each.reduce((sum, u) => sum + u.cpuMs, 0), mainCpuMs: main, maxRssKb: each.reduce((sum, u) => sum + u.maxRssKb, 0) };
}

export async function startProfile(server: RunningServer): Promise<void> {
  await ask(server.child, { probe: 'profile-start' }, 'profiling');
}

export function stopProfile(server: RunningServer, file: string): Promise<string> {
  return ask<string>(server.child, { probe: 'profile-stop', file }, 'profiled');
}

/** Graceful stop: SIGTERM for the real bot (as in production), IPC disconnect for the others. */
export async function stopServer(server: RunningServer, keepDb = false): Promise<void> {
  if (server.members) {
    await Promise.all(server.members.map((member) => stopServer(member, keepDb)));
    await server.stopAlso?.();
    return;
  }
  const done = exited(server.child);
  if (server.kind === 'huibot') server.child.kill('SIGTERM');
  else server.child.disconnect();
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
  if (!keepDb) removeDb(server.dbPath);
  await server.stopAlso?.();
}
