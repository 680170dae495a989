/**
 * Bot state read and written by two instances (two handles on one PostgreSQL schema, `npm run
 * test:pg`): no instance serves a stale copy, and a turn's save with botbuilder's eTag '*' does not
 * overwrite what another instance saved after the turn read.
 */
import { openDatabase, type Database } from '../../../src/storage/database';
import { SqlStorage, StateConflictError } from '../../../src/storage/sqliteStorage';
import { sharedDatabase } from '../../helpers/multiInstance';

const KEY = 'directline/conversations/c1/';
const closing: Database[] = [];
afterEach(async () => {
  for (const db of closing.splice(0)) await db.close();
});

async function twoStorages(): Promise<[SqlStorage, SqlStorage]> {
  const { url, db } = await sharedDatabase();
  const other = await openDatabase({ DB_PATH: 'unused.db', DATABASE_URL: url, DATABASE_POOL_SIZE: 2 });
  closing.push(db, other);
  return [new SqlStorage(db), new SqlStorage(other)];
}

test("a read on one instance sees the other's latest write (no stale cache)", async () => {
  const [a, b] = await twoStorages();
  await a.write({ [KEY]: { notes: ['一'] } });
  expect((await b.read([KEY]))[KEY].notes).toEqual(['一']);
  await a.write({ [KEY]: { notes: ['一', '二'] } });
  expect((await b.read([KEY]))[KEY].notes).toEqual(['一', '二']);
});

test("saving with '*' what a turn read fails once another instance saved in between; nothing is overwritten", async () => {
  const [a, b] = await twoStorages();
  await a.write({ [KEY]: { notes: ['开始'] } });
  const readByA = (await a.read([KEY]))[KEY];
  const readByB = (await b.read([KEY]))[KEY];
  // As BotState.saveChanges does: the turn's own object, eTag '*'.
  readByA.notes.push('甲');
  readByA.eTag = '*';
  readByB.notes.push('乙');
  readByB.eTag = '*';
  await b.write({ [KEY]: readByB });
  await expect(a.write({ [KEY]: readByA })).rejects.toBeInstanceOf(StateConflictError);
  expect((await a.read([KEY]))[KEY].notes).toEqual(['开始', '乙']);
  // The winner's object saves again on top of its own write; a fresh read lets the loser save.
  readByB.notes.push('乙2');
  await b.write({ [KEY]: readByB });
  const again = (await a.read([KEY]))[KEY];
  again.notes.push('甲');
  again.eTag = '*';
  await a.write({ [KEY]: again });
  expect((await b.read([KEY]))[KEY].notes).toEqual(['开始', '乙', '乙2', '甲']);
  // An object this storage did not hand out still overwrites with '*' (the storage contract).
  await b.write({ [KEY]: { notes: ['重置'], eTag: '*' } });
  expect((await a.read([KEY]))[KEY].notes).toEqual(['重置']);
});
