/**
 * What only PostgreSQL has to prove (run by `npm run test:pg`): its migrations build the same
 * tables as SQLite's, instances starting together migrate once, and transactions do not queue
 * behind one another.
 */
import { openDatabase } from '../../../src/storage/database';
import { migrate, migrationsFor } from '../../../src/storage/migrate';
import type { Database } from '../../../src/storage/sql';
import type { SqliteDatabase as RealSqlite } from '../../../src/storage/sqliteDatabase';
import { createDatabase, databaseNameFor, databaseUrl } from '../../helpers/postgresDatabases';

// usePostgres.ts redirects SQLite opens to PostgreSQL; the schema comparison needs the real one.
const { SqliteDatabase } = jest.requireActual('../../../src/storage/sqliteDatabase') as { SqliteDatabase: typeof RealSqlite };

async function freshPostgres(): Promise<string> {
  const name = databaseNameFor(':memory:');
  await createDatabase(name);
  return databaseUrl(name);
}

const opened: Database[] = [];
async function open(url: string): Promise<Database> {
  const db = await openDatabase({ DB_PATH: 'unused.db', DATABASE_URL: url, DATABASE_POOL_SIZE: 3 });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

type Columns = string[];

async function sqliteColumns(db: Database): Promise<Columns> {
  const rows = await db.all<{ t: string; c: string }>(
    `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
  );
  return rows.map((r) => `${r.t}.${r.c}`).sort();
}

async function postgresColumns(db: Database): Promise<Columns> {
  const rows = await db.all<{ t: string; c: string }>(
    "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()",
  );
  return rows.map((r) => `${r.t}.${r.c}`).sort();
}

test('DATABASE_URL opens PostgreSQL', async () => {
  const db = await open(await freshPostgres());
  expect(db.engine).toBe('postgres');
});

test('every migration version exists for both engines, and both build the same tables and columns', async () => {
  expect(migrationsFor('postgres').map((m) => m.version)).toEqual(migrationsFor('sqlite').map((m) => m.version));
  const pg = await open(await freshPostgres());
  const lite = await SqliteDatabase.open(':memory:');
  try {
    expect(await migrate(pg)).toEqual(await migrate(lite));
    const liteColumns = await sqliteColumns(lite);
    expect(liteColumns.length).toBeGreaterThan(100);
    expect(await postgresColumns(pg)).toEqual(liteColumns);
  } finally {
    await lite.close();
  }
});

test('two instances starting together apply the migrations once', async () => {
  const url = await freshPostgres();
  const [a, b] = [await open(url), await open(url)];
  const [first, second] = await Promise.all([migrate(a), migrate(b)]);
  expect([first, second].map((list) => list.length).sort((x, y) => x - y)).toEqual([0, migrationsFor('postgres').length]);
  expect(await a.get('SELECT COUNT(*) AS n FROM schema_migrations')).toEqual({ n: migrationsFor('postgres').length });
});

test('an open transaction does not hold up other statements (no process-wide lock)', async () => {
  const db = await open(await freshPostgres());
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const seenFromOutside = await db.transaction(async (tx) => {
    await tx.run('INSERT INTO t (id, v) VALUES (?, ?)', [1, 'inside']);
    // On SQLite this statement would wait for the transaction to end: here it runs beside it,
    // and does not see the uncommitted row.
    const outside = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
    await db.run('INSERT INTO t (id, v) VALUES (?, ?)', [2, 'outside']);
    return outside?.n;
  });
  expect(seenFromOutside).toBe(0);
  expect(await db.all('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
});

test('a connection lost mid-transaction does not break the pool', async () => {
  const db = await open(await freshPostgres());
  await expect(
    db.transaction(async (tx) => {
      await tx.run('SELECT pg_terminate_backend(pg_backend_pid())');
    }),
  ).rejects.toThrow();
  expect(await db.get('SELECT 1 AS ok')).toEqual({ ok: 1 });
});
