/**
 * The storage setups of `npm run bench:http -- --db postgres [--instances N]`: the real bot on SQLite,
 * on PostgreSQL, and N instances on one PostgreSQL database behind nginx, the way
 * scripts/two-instances.ts runs them (migrations once, then the instances, then the proxy). The
 * PostgreSQL server is a throwaway one (test/helpers/postgresServer.ts); every setup gets a fresh database.
 */
import path from 'node:path';
import { Client } from 'pg';
import { startPostgres, stopPostgres, type PostgresServer } from '../../test/helpers/postgresServer';
import { ensureNginx, freePort, migrateDatabase, startNginx } from '../../scripts/two-instances';
import { startRealBot, stopServer, tempDbPath, type RunningServer } from './servers';
import { postgresCpuMs } from './postgresCpu';

export interface Setup {
  /** key of the results */
  name: string;
  label: string;
  start(): Promise<RunningServer>;
}

let databases = 0;

/** A new, empty database on `server`; resolves with its URL. */
async function freshDatabase(server: PostgresServer): Promise<string> {
  const name = `bench_${process.pid}_${++databases}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `instances` real bots on one fresh PostgreSQL database behind nginx; usage sums over the instances. */
async function startBehindProxy(server: PostgresServer, instances: number, nginxBinary: string): Promise<RunningServer> {
  const databaseUrl = await freshDatabase(server);
  migrateDatabase(databaseUrl);
  const members: RunningServer[] = [];
  try {
    // One after the other, as the recipe does (the first start creates the shared token key).
    for (let i = 0; i < instances; i++) {
      members.push(await startRealBot(tempDbPath(), { DATABASE_URL: databaseUrl, INSTANCE_ID: `bench-${i + 1}`, TRUST_PROXY: 'loopback' }));
    }
    const nginx = await startNginx(nginxBinary, await freePort(), members.map((m) => Number(new URL(m.url).port)));
    return { kind: 'huibot', url: nginx.url, child: members[0].child, members, stopAlso: nginx.stop, databaseCpuMs: () => postgresCpuMs(path.join(server.dir, 'data')) };
  } catch (err) {
    await Promise.all(members.map((m) => stopServer(m)));
    throw err;
  }
}

/** The setups to compare, and a stop for the PostgreSQL server they share. */
export async function engineSetups(instances: number): Promise<{ setups: Setup[]; stop(): void }> {
  const nginxBinary = instances > 1 ? ensureNginx((line) => console.log(line)) : '';
  const server = await startPostgres();
  const setups: Setup[] = [
    { name: 'sqlite', label: 'SQLite, 1 instance', start: () => startRealBot() },
    {
      name: 'postgres',
      label: 'PostgreSQL, 1 instance',
      start: async () => ({
        ...(await startRealBot(tempDbPath(), { DATABASE_URL: await freshDatabase(server), INSTANCE_ID: 'bench-1' })),
        databaseCpuMs: () => postgresCpuMs(path.join(server.dir, 'data')),
      }),
    },
  ];
  if (instances > 1) {
    setups.push({ name: `postgres×${instances}`, label: `PostgreSQL, ${instances} behind nginx`, start: () => startBehindProxy(server, instances, nginxBinary) });
  }
  return { setups, stop: () => stopPostgres(server) };
}
