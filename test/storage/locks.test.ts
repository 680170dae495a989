/**
 * `db.tryLock(name)`: a lock held until released (the WeChat login holds one for the process
 * lifetime). Runs on SQLite and again on PostgreSQL (`npm run test:pg`), where it is an advisory
 * lock other instances see.
 */
import { Database } from '../../src/storage/database';
import { removeDb, tempDbPath } from '../helpers/testApp';

const opened: Database[] = [];
const file = tempDbPath();
afterAll(async () => {
  for (const db of opened) await db.close();
  removeDb(file);
});

async function open(): Promise<Database> {
  const db = await Database.open(file);
  opened.push(db);
  return db;
}

test('held until released: a second try gets nothing, withLock waits for the release, then the lock is free again', async () => {
  const db = await open();
  const lock = await db.tryLock('test:lock');
  expect(lock?.held).toBe(true);
  expect(await db.tryLock('test:lock')).toBeUndefined();
  const other = await db.tryLock('test:other');
  expect(other?.held).toBe(true);
  await other!.release();

  const order: string[] = [];
  const waiting = db.withLock('test:lock', async () => void order.push('withLock'));
  await db.get('SELECT 1 AS ok');
  await db.get('SELECT 1 AS ok');
  order.push('release');
  await lock!.release();
  await waiting;
  expect(order).toEqual(['release', 'withLock']);
  expect(lock!.held).toBe(false);

  const again = await db.tryLock('test:lock');
  expect(again?.held).toBe(true);
  await again!.release();
});

test('on PostgreSQL another instance cannot take a held lock, and gets it once the holder closes its database', async () => {
  const first = await open();
  if (first.engine !== 'postgres') return expect(first.engine).toBe('sqlite');
  const second = await open();
  const lock = await first.tryLock('test:instances');
  expect(lock?.held).toBe(true);
  expect(await second.tryLock('test:instances')).toBeUndefined();
  await first.close();
  const taken = await second.tryLock('test:instances');
  expect(taken?.held).toBe(true);
  await taken!.release();
});
