/**
 * Two bot instances on one PostgreSQL database behind a local nginx, on one machine:
 *
 *   npm run two-instances                      # a throwaway PostgreSQL, proxy on 127.0.0.1:3978
 *   DATABASE_URL=postgres://… PORT=8080 npm run two-instances
 *
 * Starts (or uses DATABASE_URL of) a PostgreSQL, runs `npm run db:migrate` once, starts two instances
 * (`npm start`) on free ports of 127.0.0.1 with their own INSTANCE_ID and TRUST_PROXY=loopback, writes
 * an nginx configuration in a temporary folder and runs Debian's nginx with it. Ctrl-C stops it all.
 *
 * Routing: Direct Line calls on a conversation (`/v3/directline/conversations/{id}/…`, the WebSocket
 * stream included) go to one instance chosen by the conversation id (consistent hash), because an
 * instance keeps a conversation's stream subscribers in memory; everything else is round-robin.
 * Sticky routing stays correct once streams work across instances; it only stops being needed.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, stopPostgres, type PostgresServer } from '../test/helpers/postgresServer';
import { freePort } from '../test/helpers/freePort';
export { freePort };

const ROOT = path.resolve(__dirname, '..');
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export const MISSING_NGINX = 'nginx not found: install Debian\'s nginx package ("sudo apt-get install -y nginx").';

/** The nginx binary; installs Debian's package when missing and this user is root with apt-get, else throws. */
export function ensureNginx(log: (line: string) => void = () => undefined): string {
  const found = () => NGINX_CANDIDATES.find((file) => fs.existsSync(file));
  let binary = found();
  if (!binary && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    log('Installing nginx (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'ignore', env });
    } catch {
      // reported below
    }
    binary = found();
  }
  if (!binary) throw new Error(MISSING_NGINX);
  return binary;
}

/** nginx configuration: `listenPort` in front of the instances on `instancePorts` (all on 127.0.0.1). */
export function nginxConfig(dir: string, listenPort: number, instancePorts: number[]): string {
  const servers = instancePorts.map((port) => `    server 127.0.0.1:${port};`).join('\n');
  const proxied = `
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;`;
  return `# Written by scripts/two-instances.ts; runs in the foreground (the script stops it).
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;\n' : ''}events { worker_connections 4096; }

http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 1m;

  # WebSocket upgrade for the Direct Line stream; an empty Connection keeps upstream connections alive.
  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' '';
  }

  # Sticky key: the conversation id of a Direct Line call; other calls get a key of their own (spread).
  map $uri $directline_conversation {
    ~^/v3/directline/conversations/(?<id>[^/]+) $id;
    default $request_id;
  }

  upstream huibot {
${servers}
    keepalive 64;
  }

  upstream huibot_directline {
    hash $directline_conversation consistent;
${servers}
    keepalive 64;
  }

  server {
    listen 127.0.0.1:${listenPort};

    location / {
      proxy_pass http://huibot;${proxied}
    }

    location /v3/directline/ {
      proxy_pass http://huibot_directline;${proxied}
      # The stream stays open; the bot answers its pings, so this only bounds a dead connection.
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
    }
  }
}
`;
}

export interface Nginx {
  child: ChildProcess;
  dir: string;
  url: string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Writes the configuration into a temporary folder and runs nginx with it; resolves once it accepts connections. */
export async function startNginx(binary: string, listenPort: number, instancePorts: number[]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-nginx-'));
  fs.chmodSync(dir, 0o755);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(dir, listenPort, instancePorts));
  const child = spawn(binary, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${log}`);
    }
    if (await accepts(listenPort)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen on ${listenPort}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, dir, url: `http://127.0.0.1:${listenPort}`, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm run db:migrate` against `databaseUrl`, once. */
export function migrateDatabase(databaseUrl: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', '--silent', 'db:migrate'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: databaseUrl, DOTENV_CONFIG_QUIET: 'true' } });
}

/** Node's arguments of `npm start` (package.json). */
function startArguments(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}

export interface Instance {
  id: string;
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (graceful: claims and locks are released), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/** One instance as `npm start` runs it; resolves once its /healthz answers 200. */
export async function startInstance(id: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, startArguments(), {
    cwd: ROOT,
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, INSTANCE_ID: id, TRUST_PROXY: 'loopback', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${id} exited with ${child.exitCode}: ${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`instance ${id} not healthy after 120 s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { id, port, url, child, output: () => out, stop };
}

export interface TwoInstances {
  url: string;
  databaseUrl: string;
  instances: Instance[];
  nginx: Nginx;
  stop(): Promise<void>;
}

export interface TwoInstancesOptions {
  /** The proxy's port (default 3978). */
  port?: number;
  /** An existing database; empty = a throwaway PostgreSQL server. */
  databaseUrl?: string;
  /** Extra environment for both instances. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** The whole recipe; `stop()` stops nginx, the instances and the throwaway PostgreSQL (if started). */
export async function startTwoInstances(options: TwoInstancesOptions = {}): Promise<TwoInstances> {
  const log = options.log ?? (() => undefined);
  const binary = ensureNginx(log);
  const started: Array<() => Promise<void> | void> = [];
  // Ctrl-C in a terminal signals the whole process group: nginx, an instance or PostgreSQL may be gone already.
  const stopAll = async () => {
    for (const stop of started.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        log(`while stopping: ${(err as Error).message}`);
      }
    }
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const server: PostgresServer = await startPostgres();
      started.push(() => stopPostgres(server));
      databaseUrl = server.url;
      log(`PostgreSQL (throwaway, ${server.dir}): ${databaseUrl}`);
    }
    migrateDatabase(databaseUrl);
    log('Migrations applied (npm run db:migrate).');
    const instances: Instance[] = [];
    // One after the other: the first start creates the shared Direct Line token key.
    for (const id of ['huibot-a', 'huibot-b']) {
      const instance = await startInstance(id, databaseUrl, options.env);
      instances.push(instance);
      started.push(() => instance.stop());
      log(`Instance ${id}: ${instance.url}`);
    }
    const nginx = await startNginx(binary, options.port ?? 3978, instances.map((i) => i.port));
    started.push(() => nginx.stop());
    log(`nginx (${path.join(nginx.dir, 'nginx.conf')}): ${nginx.url}`);
    return { url: nginx.url, databaseUrl, instances, nginx, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function main(): Promise<void> {
  const recipe = await startTwoInstances({
    port: process.env.PORT ? Number(process.env.PORT) : 3978,
    databaseUrl: process.env.DATABASE_URL || undefined,
    log: (line) => console.log(line),
  });
  console.log(`Ready: ${recipe.url} (Ctrl-C stops everything)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void recipe.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const instance of recipe.instances) instance.child.once('exit', (code) => !stopping && console.error(`instance ${instance.id} exited (${code})`));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
