/**
 * PostgreSQL's prepared statements (`npm run test:pg`): statements with parameters are prepared once
 * per connection and then only executed, and a prepared statement whose columns changed under it (a
 * migration by another instance) does not break the statement that uses it.
 */
import { PostgresDatabase } from '../../../src/storage/postgresDatabase';
import type { Database } from '../../../src/storage/sql';
import { createDatabase, databaseNameFor, databaseUrl } from '../../helpers/postgresDatabases';

const opened: Database[] = [];
async function open(preparedStatements?: boolean): Promise<Database> {
  const name = databaseNameFor(':memory:');
  await createDatabase(name);
  // One connection: every statement meets the statements prepared before it.
  const db = await PostgresDatabase.open(databaseUrl(name), { poolSize: 2, preparedStatements });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

/** Statements of this test prepared on the server (over every connection of the database). */
async function prepared(db: Database, marker: string): Promise<number> {
  const rows = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement LIKE ? AND statement NOT LIKE '%pg_prepared_statements%'`,
    [`%${marker}%`],
  );
  return rows[0].n;
}

test('statements with parameters are prepared by name; without parameters, or with * columns, they are not', async () => {
  const db = await open();
  await db.exec('CREATE TABLE notes_p (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  await db.run('INSERT INTO notes_p (id, body) VALUES (?, ?)', [1, '一']);
  expect(await db.get('SELECT body FROM notes_p WHERE id = ?', [1])).toEqual({ body: '一' });
  expect(await db.get('SELECT * FROM notes_p WHERE id = ?', [1])).toEqual({ id: 1, body: '一' });
  expect(await db.all('SELECT body FROM notes_p')).toEqual([{ body: '一' }]);
  // pg_prepared_statements is per connection: ask on the transaction's own, after using it there.
  const seen = await db.transaction(async (tx) => {
    await tx.get('SELECT body FROM notes_p WHERE id = ?', [1]);
    await tx.get('SELECT * FROM notes_p WHERE id = ?', [1]);
    return tx.all<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%notes_p%'`);
  });
  const statements = seen.map((row) => row.statement);
  expect(statements).toContain('SELECT body FROM notes_p WHERE id = $1');
  expect(statements.filter((text) => text.includes('*') || !text.includes('$1'))).toEqual([]);
});

test('a prepared statement whose column changed type runs again unprepared', async () => {
  const db = await open();
  await db.exec('CREATE TABLE notes_c (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
  await db.run('INSERT INTO notes_c (id, n) VALUES (?, ?)', [1, 7]);
  const read = () => db.get<{ n: unknown }>('SELECT n FROM notes_c WHERE id = ?', [1]);
  expect(await read()).toEqual({ n: 7 });
  await db.exec('ALTER TABLE notes_c ALTER COLUMN n TYPE TEXT');
  expect(await read()).toEqual({ n: '7' });
  expect(await read()).toEqual({ n: '7' });
});

test('preparedStatements: false prepares nothing', async () => {
  const db = await open(false);
  await db.exec('CREATE TABLE notes_u (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  await db.run('INSERT INTO notes_u (id, body) VALUES (?, ?)', [1, '一']);
  const seen = await db.transaction(async (tx) => {
    await tx.get('SELECT body FROM notes_u WHERE id = ?', [1]);
    return tx.all(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%notes_u%'`);
  });
  expect(seen).toEqual([]);
  expect(await prepared(db, 'notes_u')).toBe(0);
});
