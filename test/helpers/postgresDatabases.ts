/**
 * Test databases on the run's PostgreSQL server, each a schema of its own (a schema costs next to
 * nothing, a database copies its template's files): every `:memory:` database is a new, empty one;
 * a file path always names the same one (a test that closes and reopens a file finds its data).
 */
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { PostgresDatabase } from '../../src/storage/postgresDatabase';

const created = new Map<string, Promise<void>>();

export function serverUrl(): string {
  const url = process.env.HUIBOT_TEST_POSTGRES_URL;
  if (!url) throw new Error('HUIBOT_TEST_POSTGRES_URL is not set: run the PostgreSQL tests with "npm run test:pg".');
  return url;
}

/** A connection URL whose sessions see only the schema `name` (tables are created there too). */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}

/** Creates the schema `name` once per process. */
export async function createDatabase(name: string): Promise<void> {
  let done = created.get(name);
  if (!done) {
    done = (async () => {
      const admin = new Client({ connectionString: serverUrl() });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
      } finally {
        await admin.end();
      }
    })();
    created.set(name, done);
  }
  return done;
}

export function databaseNameFor(file: string): string {
  if (file === ':memory:') return `t_${randomUUID().replace(/-/g, '')}`;
  return `f_${createHash('sha256').update(file).digest('hex').slice(0, 32)}`;
}

/** What `SqliteDatabase.open(file)` gives in the PostgreSQL run. */
export async function openTestPostgres(file: string, logger?: Logger): Promise<PostgresDatabase> {
  const name = databaseNameFor(file);
  await createDatabase(name);
  return PostgresDatabase.open(databaseUrl(name), { poolSize: 4, logger });
}
