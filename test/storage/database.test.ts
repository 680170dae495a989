/**
 * The data-access layer's contract, on both engines: `npm test` runs this file once on SQLite and
 * once on PostgreSQL (jest.all.config.js; in the PostgreSQL project every database is a PostgreSQL one).
 */
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { tempDbPath } from '../helpers/testApp';

const expectedEngine = process.env.HUIBOT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let db: Database;
beforeEach(async () => {
  db = await Database.open(tempDbPath());
  await db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0)');
});
afterEach(async () => db.close());

test('the database reports the engine it runs on', () => {
  expect(db.engine).toBe(expectedEngine);
});

test('? placeholders bind in order; a question mark inside a literal stays text', async () => {
  await db.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', [1, '为什么?', 5]);
  const row = await db.get<{ body: string; n: number; literal: string }>(
    "SELECT body, n, 'a?b' AS literal FROM notes WHERE id = ? AND n = ?",
    [1, 5],
  );
  expect(row).toEqual({ body: '为什么?', n: 5, literal: 'a?b' });
});

test('INSERT … RETURNING id gives the new id as lastID; changes counts the rows touched', async () => {
  const first = await db.run('INSERT INTO notes (id, body) VALUES (?, ?) RETURNING id', [7, 'a']);
  expect(first.lastID).toBe(7);
  await db.run('INSERT INTO notes (id, body) VALUES (?, ?)', [8, 'b']);
  expect((await db.run('UPDATE notes SET n = n + 1')).changes).toBe(2);
  expect((await db.run('DELETE FROM notes WHERE id = ?', [99])).changes).toBe(0);
});

test('counts and sums come back as numbers, missing rows as undefined', async () => {
  await db.run('INSERT INTO notes (id, body, n) VALUES (1, ?, 2), (2, ?, 3)', ['a', 'b']);
  const row = await db.get<{ c: number; s: number }>('SELECT COUNT(*) AS c, SUM(n) AS s FROM notes');
  expect(row).toEqual({ c: 2, s: 5 });
  expect(await db.get('SELECT * FROM notes WHERE id = ?', [3])).toBeUndefined();
  expect(await db.all('SELECT * FROM notes WHERE id > ?', [5])).toEqual([]);
});

test('booleans are stored as 1 and 0 on both engines', async () => {
  await db.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', [1, 'a', true]);
  await db.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', [2, 'b', false]);
  expect(await db.all('SELECT id, n FROM notes ORDER BY id')).toEqual([
    { id: 1, n: 1 },
    { id: 2, n: 0 },
  ]);
});

test('ON CONFLICT DO NOTHING and DO UPDATE … excluded work as one statement on both engines', async () => {
  await db.run('INSERT INTO notes (id, body) VALUES (?, ?) ON CONFLICT DO NOTHING', [1, 'first']);
  const ignored = await db.run('INSERT INTO notes (id, body) VALUES (?, ?) ON CONFLICT DO NOTHING', [1, 'second']);
  expect(ignored.changes).toBe(0);
  await db.run('INSERT INTO notes (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, n = notes.n + 1', [1, 'third']);
  expect(await db.get('SELECT body, n FROM notes WHERE id = 1')).toEqual({ body: 'third', n: 1 });
});

test('a transaction that throws leaves nothing behind; one that returns is committed', async () => {
  await expect(
    db.transaction(async (tx) => {
      await tx.run('INSERT INTO notes (id, body) VALUES (?, ?)', [1, 'lost']);
      throw new Error('stop');
    }),
  ).rejects.toThrow('stop');
  expect(await db.get('SELECT COUNT(*) AS c FROM notes')).toEqual({ c: 0 });
  const value = await db.transaction(async (tx) => {
    await tx.run('INSERT INTO notes (id, body) VALUES (?, ?)', [1, 'kept']);
    return (await tx.get<{ body: string }>('SELECT body FROM notes WHERE id = 1'))?.body;
  });
  expect(value).toBe('kept');
  expect(await db.get('SELECT COUNT(*) AS c FROM notes')).toEqual({ c: 1 });
});

test('read-modify-write transactions running at once lose no update', async () => {
  await db.run('INSERT INTO notes (id, body, n) VALUES (1, ?, 0)', ['counter']);
  const increment = () =>
    db.transaction(async (tx) => {
      const row = await tx.get<{ n: number }>('SELECT n FROM notes WHERE id = 1');
      // Give the other transactions every chance to read the same value before this one writes.
      await new Promise((resolve) => setImmediate(resolve));
      await tx.run('UPDATE notes SET n = ? WHERE id = 1', [row!.n + 1]);
    });
  await Promise.all(Array.from({ length: 6 }, increment));
  expect(await db.get('SELECT n FROM notes WHERE id = 1')).toEqual({ n: 6 });
});

test('check-then-insert transactions racing for one key: one inserts, the others see its row', async () => {
  const claim = () =>
    db.transaction(async (tx) => {
      const existing = await tx.get('SELECT id FROM notes WHERE id = 1');
      await new Promise((resolve) => setImmediate(resolve));
      if (existing) return 'exists';
      await tx.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['claimed']);
      return 'inserted';
    });
  const outcomes = await Promise.all(Array.from({ length: 5 }, claim));
  expect(outcomes.sort()).toEqual(['exists', 'exists', 'exists', 'exists', 'inserted']);
});

test('a real unique violation still fails the transaction', async () => {
  await db.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['first']);
  await expect(db.transaction((tx) => tx.run('INSERT INTO notes (id, body) VALUES (1, ?)', ['again']))).rejects.toThrow(/UNIQUE|unique constraint/);
});

test('withLock runs the holders of one name one after the other', async () => {
  const order: string[] = [];
  const hold = (name: string) =>
    db.withLock('test-lock', async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name} out`);
    });
  await Promise.all([hold('a'), hold('b')]);
  // Whoever came first, each holder left before the other entered.
  expect(order).toHaveLength(4);
  expect(order[1]).toBe(order[0].replace('in', 'out'));
  expect(order[3]).toBe(order[2].replace('in', 'out'));
  expect(order[0]).not.toBe(order[2]);
});

test('migrations started twice at once are applied once', async () => {
  const target = await Database.open(tempDbPath());
  try {
    const [first, second] = await Promise.all([migrate(target), migrate(target)]);
    expect([first.length > 0, second.length > 0].sort()).toEqual([false, true]);
    expect(await migrate(target)).toEqual([]);
    const recorded = await target.all<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.map((r) => r.version)).toEqual([...first, ...second]);
  } finally {
    await target.close();
  }
});

test('checkpoint after bulk deletions does not fail', async () => {
  await db.run('DELETE FROM notes');
  await expect(db.checkpoint()).resolves.toBeUndefined();
});
