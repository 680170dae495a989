/** The real server as a child process: `src/index.ts` run the way `npm start` runs it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDbPath } from './testApp';

const ROOT = path.resolve(__dirname, '../..');

/** Node's arguments in `npm start` (package.json): flags, the compile cache and the entry. */
export function startArguments(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  port: number;
  dbPath: string;
  output(): string;
  /** kill -9, and wait until the process is gone */
  stop(): Promise<void>;
}

/** Starts the server on a free port with extra environment; resolves once it prints its URL. */
export function startServer(env: Record<string, string> = {}, dbPath = tempDbPath()): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, startArguments(), {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DB_PATH: dbPath, LOG_LEVEL: 'warn', SEED_DEMO: 'false', WECHATY_PUPPET: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0], port: Number(match[1]), dbPath, output: () => out, stop: () => killHard(child) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

/** Resolves with the exit code once the process has ended. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

/** kill -9, and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await exited(child);
}
