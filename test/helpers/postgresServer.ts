/**
 * A throwaway PostgreSQL server for the test run: `initdb` in a temporary folder, started on a free
 * port with its socket in that folder, stopped and removed afterwards. PostgreSQL refuses to run as
 * root, so under root the server runs as the `postgres` user (Debian's package creates it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

export interface PostgresServer {
  url: string;
  dir: string;
  binDir: string;
  asUser?: string;
}

/** The folder with initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else PATH. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

export const MISSING_POSTGRES =
  'PostgreSQL binaries (initdb, pg_ctl) not found: install Debian\'s postgresql package ("sudo apt-get install -y postgresql") or set PG_BIN.';

function runAs(asUser: string | undefined, command: string, args: string[]): void {
  const [cmd, argv] = asUser ? ['runuser', ['-u', asUser, '--', command, ...args]] : [command, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startPostgres(): Promise<PostgresServer> {
  const binDir = findPostgresBin();
  if (!binDir) throw new Error(MISSING_POSTGRES);
  const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-pg-'));
  if (asUser) {
    const uid = Number(spawnSync('id', ['-u', asUser], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', asUser], { encoding: 'utf8' }).stdout.trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  // C collation: text sorts byte by byte, as in SQLite. fsync off: the data is thrown away anyway.
  runAs(asUser, path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  runAs(asUser, path.join(binDir, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, binDir, asUser };
}

export function stopPostgres(server: PostgresServer): void {
  try {
    runAs(server.asUser, path.join(server.binDir, 'pg_ctl'), ['-D', path.join(server.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
}
