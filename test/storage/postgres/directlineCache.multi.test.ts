/**
 * Web chat's PostgreSQL path below HTTP (`npm run test:pg`): two instances' stores and caches on one
 * schema. Appends are single statements at seqs composed from what an instance has seen (a lost
 * race composes again after the winner), group-committed across conversations; polls come from the
 * instance's cache only while it is known complete, else from the database.
 */
import pino from 'pino';
import { openDatabase, type Database } from '../../../src/storage/database';
import { DirectLineStore, parseNotification, notificationPayload } from '../../../src/channels/directline/store';
import { activityId, DirectLineConversations, type LiveConversation, type ReadResult } from '../../../src/channels/directline/conversations';
import { ActivityNotifications } from '../../../src/channels/directline/notifications';
import { sharedDatabase, until } from '../../helpers/multiInstance';

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  jest.restoreAllMocks();
  for (const close of closing.splice(0).reverse()) await close();
});

interface Instance {
  db: Database;
  conversations: DirectLineConversations;
}

/** One instance's web chat storage: its own pool, store, cache and LISTEN connection. */
async function instance(url: string): Promise<Instance> {
  const db = await openDatabase({ DB_PATH: 'unused.db', DATABASE_URL: url, DATABASE_POOL_SIZE: 4 });
  const conversations = new DirectLineConversations(new DirectLineStore(db));
  const notifications = await ActivityNotifications.start(db, conversations, pino({ level: 'silent' }));
  closing.push(async () => {
    await notifications.stop();
    await db.close();
  });
  return { db, conversations };
}

const texts = (page: ReadResult): string[] => page.activityJson.map((json) => (JSON.parse(json) as { text?: string }).text ?? '');

async function say(instance: Instance, conversation: LiveConversation, text: string): Promise<void> {
  await instance.conversations.append(conversation, { type: 'message', text });
}

/** The stored stream: seq, the id inside the stored JSON, and the text. */
async function stored(db: Database, conversationId: string): Promise<Array<{ seq: number; id: string; text: string }>> {
  const rows = await db.all<{ seq: number; activity: string }>('SELECT seq, activity FROM directline_activities WHERE conversation_id = ? ORDER BY seq', [
    conversationId,
  ]);
  return rows.map((row) => {
    const activity = JSON.parse(row.activity) as { id: string; text: string };
    return { seq: row.seq, id: activity.id, text: activity.text };
  });
}

/** An activity stored by something other than an instance, without a notification (a notification lost on its way). */
async function storeUnannounced(db: Database, conversationId: string, seq: number, text: string): Promise<void> {
  const json = JSON.stringify({ type: 'message', id: activityId(conversationId, seq), text });
  await db.run('INSERT INTO directline_activities (conversation_id, seq, type, activity) VALUES (?, ?, ?, ?)', [conversationId, seq, 'message', json]);
}

const activityReads = (db: Database) => {
  const all = jest.spyOn(db, 'all');
  return () => all.mock.calls.filter(([sql]) => sql.includes('FROM directline_activities')).length;
};


/** A shared database (closed after the test), one instance on it and a conversation started there. */
async function oneInstanceConversation(conversationId: string) {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const a = await instance(url);
  const { conversation } = await a.conversations.create({ conversationId, userId: 'u1' });
  return { url, db, a, conversation };
}

/** The same with a second instance on the database. */
async function twoInstancesConversation(conversationId: string) {
  const one = await oneInstanceConversation(conversationId);
  return { ...one, b: await instance(one.url) };
}

test('one writer: polls with something new come from the cache; a caught-up poll asks the database', async () => {
  const { db, a, conversation } = await oneInstanceConversation('cache-one');
  for (const text of ['一', '二', '三']) await say(a, conversation, text);

  const reads = activityReads(a.db);
  const page = await a.conversations.read(conversation, 1);
  expect(texts(page)).toEqual(['二', '三']);
  expect(page.watermark).toBe('3');
  expect(reads()).toBe(0);

  // Nothing new in the cache: the database decides (another instance may have appended since).
  await storeUnannounced(db, conversation.id, 4, '四');
  const caughtUp = await a.conversations.read(conversation, 3);
  expect(texts(caughtUp)).toEqual(['四']);
  expect(reads()).toBe(1);
  // That read refilled the cache: the next poll with something new needs no database.
  expect(texts(await a.conversations.read(conversation, 2))).toEqual(['三', '四']);
  expect(reads()).toBe(1);
});

test('two instances appending to one conversation at once: every activity once, seqs without gaps, ids match seqs, each instance in its order', async () => {
  const { db, a, b, conversation: onA } = await twoInstancesConversation('race');
  const onB = (await b.conversations.get('race'))!;

  await Promise.all(Array.from({ length: 25 }, (_, i) => [say(a, onA, `a${i}`), say(b, onB, `b${i}`)]).flat());
  const rows = await stored(db, 'race');
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  for (const row of rows) expect(row.id).toBe(activityId('race', row.seq));
  expect(rows.map((r) => r.text).filter((t) => t.startsWith('a'))).toEqual(Array.from({ length: 25 }, (_, i) => `a${i}`));
  expect(rows.map((r) => r.text).filter((t) => t.startsWith('b'))).toEqual(Array.from({ length: 25 }, (_, i) => `b${i}`));

  // Either instance serves the whole history, and what the other appended last.
  for (const [instance, conversation] of [
    [a, onA],
    [b, onB],
  ] as const) {
    expect(texts(await instance.conversations.read(conversation, 0))).toEqual(rows.map((r) => r.text));
  }
  await say(b, onB, 'b-last');
  expect(texts(await a.conversations.read(onA, 50))).toEqual(['b-last']);
  expect(texts(await a.conversations.read(onA, 48))).toEqual(rows.slice(48).map((r) => r.text).concat('b-last'));
});

test("a conversation another instance appended to is polled from the database, notified or not", async () => {
  const { db, a, b, conversation: onA } = await twoInstancesConversation('moved');
  await say(a, onA, '一');
  await say(a, onA, '二');
  const onB = (await b.conversations.get('moved'))!;
  await say(b, onB, '三');
  // Once a's notification has arrived, its cache knows seq 3 exists and reads it from the database.
  await until(async () => onA.visibleSeq === 3, "b's notification on a");
  const reads = activityReads(a.db);
  expect(texts(await a.conversations.read(onA, 1))).toEqual(['二', '三']);
  expect(reads()).toBe(1);
  // And keeps reading the database for a while: the client may switch again before the next notification arrives.
  await storeUnannounced(db, 'moved', 4, '四');
  expect(texts(await a.conversations.read(onA, 2))).toEqual(['三', '四']);
  expect(reads()).toBe(2);
});

test('while notifications are down, and after they are back until a read refills it, the cache is not trusted', async () => {
  const { db, a, conversation } = await oneInstanceConversation('lost');
  await say(a, conversation, '一');
  await say(a, conversation, '二');

  const reads = activityReads(a.db);
  a.conversations.notificationsDown();
  await storeUnannounced(db, 'lost', 3, '三');
  expect(texts(await a.conversations.read(conversation, 1))).toEqual(['二', '三']);
  expect(reads()).toBe(1);
  await storeUnannounced(db, 'lost', 4, '四');
  a.conversations.notificationsUp();
  // Listening again, but the cache may have missed appends meanwhile: the database once more...
  expect(texts(await a.conversations.read(conversation, 2))).toEqual(['三', '四']);
  expect(reads()).toBe(2);
  // ...which refilled it in the new epoch.
  expect(texts(await a.conversations.read(conversation, 1))).toEqual(['二', '三', '四']);
  expect(reads()).toBe(2);
});

test('an append after a seq this instance has not heard of goes after it, not over it', async () => {
  const { db, a, conversation } = await oneInstanceConversation('behind');
  await say(a, conversation, '一');
  await storeUnannounced(db, 'behind', 2, '别处的二');
  const appended = await a.conversations.append(conversation, { type: 'message', text: '三' });
  expect(appended.id).toBe(activityId('behind', 3));
  expect((await stored(db, 'behind')).map((r) => r.text)).toEqual(['一', '别处的二', '三']);
  expect(texts(await a.conversations.read(conversation, 0))).toEqual(['一', '别处的二', '三']);
});

test('concurrent appends to many conversations share statements and keep each stream in order', async () => {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const a = await instance(url);
  const created = await Promise.all(Array.from({ length: 30 }, (_, i) => a.conversations.create({ conversationId: `group-${i}`, userId: `u${i}` })));
  const get = jest.spyOn(a.db, 'get');
  await Promise.all(created.flatMap(({ conversation }) => Array.from({ length: 3 }, (_, i) => say(a, conversation, `第${i + 1}条`))));
  const inserts = get.mock.calls.filter(([sql]) => sql.includes('INSERT INTO directline_activities')).length;
  expect(inserts).toBeLessThan(30); // 90 activities: each conversation's three in turn, the conversations side by side
  for (const { conversation } of created) expect((await stored(db, conversation.id)).map((r) => r.text)).toEqual(['第1条', '第2条', '第3条']);
});

test('notification payloads: one line per conversation with its last seq and origin; an id alone still reads', () => {
  const payload = [notificationPayload('c1', 7, 'o1'), notificationPayload('c2', 12, 'o1')].join('\n');
  expect(parseNotification(payload)).toEqual([
    { conversationId: 'c1', lastSeq: 7, origin: 'o1' },
    { conversationId: 'c2', lastSeq: 12, origin: 'o1' },
  ]);
  expect(parseNotification('c3')).toEqual([{ conversationId: 'c3' }]);
});

test("a redaction on one instance drops the other's cached copy", async () => {
  const { db, a, b, conversation: onA } = await twoInstancesConversation('erased');
  await say(a, onA, '开始');
  await say(a, onA, '我的手机 13800138000');
  const onB = (await b.conversations.get('erased'))!;
  expect(texts(await b.conversations.read(onB, 0))).toEqual(['开始', '我的手机 13800138000']);

  // What PersonalData.erase does: the stored rows rewritten, then the listeners told.
  const redact = (text: string) => text.replace('13800138000', '[已删除]');
  const rows = await db.all<{ seq: number; activity: string }>('SELECT seq, activity FROM directline_activities WHERE conversation_id = ?', ['erased']);
  for (const row of rows) await db.run('UPDATE directline_activities SET activity = ? WHERE conversation_id = ? AND seq = ?', [redact(row.activity), 'erased', row.seq]);
  a.conversations.rewriteCached(['erased'], redact);
  expect(texts(await a.conversations.read(onA, 0))).toEqual(['开始', '我的手机 [已删除]']);
  await until(async () => texts(await b.conversations.read(onB, 0))[1] === '我的手机 [已删除]', "the redaction on b's reads", 10_000);
});
