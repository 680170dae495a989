import { ConversationState, MemoryStorage, MessageFactory, TestAdapter, AutoSaveStateMiddleware, type Storage } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { tempDbPath } from '../helpers/testApp';

// The storage contract of botbuilder's own storage base tests, checked against SqliteStorage
// (and MemoryStorage as the reference, so a case that is wrong for both is caught too).
describe.each([
  ['SqliteStorage', 'sqlite'],
  ['MemoryStorage', 'memory'],
])('%s honours the botbuilder storage contract', (_name, kind) => {
  let storage: Storage;
  let db: Database | undefined;

  beforeEach(async () => {
    if (kind === 'sqlite') {
      db = await Database.open(tempDbPath());
      await migrate(db);
      storage = new SqliteStorage(db);
    } else {
      storage = new MemoryStorage();
    }
  });
  afterEach(async () => db?.close());

  test('reading an unknown key returns an empty object', async () => {
    const result = await storage.read(['unknown']);
    expect(result).not.toBeNull();
    expect(Object.keys(result)).toHaveLength(0);
  });

  test('reading or writing null keys is rejected', async () => {
    await expect(storage.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(storage.write(null as unknown as Record<string, unknown>)).rejects.toThrow(ReferenceError);
  });

  test('writing no items does not throw', async () => {
    await expect(storage.write([] as unknown as Record<string, unknown>)).resolves.toBeUndefined();
    await expect(storage.write({})).resolves.toBeUndefined();
  });

  test('created objects read back with an eTag', async () => {
    await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
    const read = await storage.read(['createPoco', 'createPocoStoreItem']);
    expect(read.createPoco.id).toBe(1);
    expect(read.createPocoStoreItem.id).toBe(2);
    expect(read.createPoco.eTag).toEqual(expect.any(String));
    expect(read.createPocoStoreItem.eTag).toEqual(expect.any(String));
  });

  test('keys with unusual characters work', async () => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~ 中文键 😀';
    await storage.write({ [key]: { id: 1 } });
    const read = await storage.read([key]);
    expect(read[key].id).toBe(1);
  });

  test('updates: no eTag overwrites, a stale eTag is rejected, "*" overwrites', async () => {
    await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
    const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    const pocoItem = loaded.pocoItem;
    delete pocoItem.eTag;
    const pocoStoreItem = loaded.pocoStoreItem;
    const firstETag = pocoStoreItem.eTag;
    pocoItem.count++;
    pocoStoreItem.count++;
    await storage.write(loaded);

    const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(reloaded.pocoItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.eTag).not.toBe(firstETag);

    pocoItem.count = 123;
    await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
    pocoStoreItem.count = 123; // still carries the first, now stale, eTag
    await expect(storage.write({ pocoStoreItem })).rejects.toThrow();

    const again = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(again.pocoItem.count).toBe(123);
    expect(again.pocoStoreItem.count).toBe(2);

    again.pocoItem.count = 100;
    again.pocoStoreItem.count = 100;
    again.pocoStoreItem.eTag = '*';
    delete again.pocoItem.eTag;
    await storage.write({ pocoItem: again.pocoItem, pocoStoreItem: again.pocoStoreItem });
    const final = await storage.read(['pocoItem', 'pocoStoreItem']);
    expect(final.pocoItem.count).toBe(100);
    expect(final.pocoStoreItem.count).toBe(100);
  });

  test('whole documents replace, they are not merged', async () => {
    await storage.write({ doc: { a: 1, b: 2 } });
    await storage.write({ doc: { a: 5 } });
    const read = await storage.read(['doc']);
    expect(read.doc.a).toBe(5);
    expect(read.doc.b).toBeUndefined();
  });

  test('delete removes an object; deleting an unknown key is a no-op', async () => {
    await storage.write({ delete1: { id: 1, count: 1 } });
    expect((await storage.read(['delete1'])).delete1.count).toBe(1);
    await storage.delete(['delete1']);
    expect((await storage.read(['delete1'])).delete1).toBeUndefined();
    await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
  });

  test('batch operations', async () => {
    await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
    let result = await storage.read(['batch1', 'batch2', 'batch3']);
    expect([result.batch1.count, result.batch2.count, result.batch3.count]).toEqual([10, 20, 30]);
    await storage.delete(['batch1', 'batch2', 'batch3']);
    result = await storage.read(['batch1', 'batch2', 'batch3']);
    expect(Object.keys(result)).toHaveLength(0);
  });

  test('a waterfall with a re-prompting text prompt proceeds through its steps', async () => {
    const convoState = new ConversationState(storage);
    const dialogs = new DialogSet(convoState.createProperty('dialogState'));
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      await dc.continueDialog();
      if (!context.responded) await dc.beginDialog('waterfall');
    }).use(new AutoSaveStateMiddleware(convoState));
    dialogs.add(
      new TextPrompt('textPrompt', async (prompt) => {
        if ((prompt.recognized.value ?? '').length > 3) {
          await prompt.context.sendActivity(`第 ${prompt.attemptCount} 次成功`);
          return true;
        }
        await prompt.context.sendActivity(MessageFactory.text(`名称需多于 3 个字符 ${prompt.attemptCount}`));
        return false;
      }),
    );
    dialogs.add(
      new WaterfallDialog('waterfall', [
        async (step) => {
          await step.context.sendActivity('step1');
          return Dialog.EndOfTurn;
        },
        async (step) => step.prompt('textPrompt', { prompt: '请输入名称' }),
        async (step) => {
          await step.context.sendActivity('step3');
          return Dialog.EndOfTurn;
        },
      ]),
    );
    await adapter
      .send('hello')
      .assertReply('step1')
      .send('hello')
      .assertReply('请输入名称')
      .send('hi')
      .assertReply('名称需多于 3 个字符 1')
      .send('hi')
      .assertReply('名称需多于 3 个字符 2')
      .send('Kyle')
      .assertReply('第 3 次成功')
      .assertReply('step3')
      .startTest();
  });
});

describe('SqliteStorage housekeeping', () => {
  test('stale conversation state is purged, user state and fresh conversations are kept', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    const storage = new SqliteStorage(db);
    await storage.write({
      'emulator/conversations/old/': { form: { mobile: '13800000000' } },
      'emulator/conversations/new/': { form: {} },
      'emulator/users/u1/': { enterpriseProfile: { name: '某公司' } },
    });
    await db.run(`UPDATE bot_state SET updated_at = '2000-01-01T00:00:00.000Z' WHERE key != 'emulator/conversations/new/'`);
    expect(await storage.purgeConversationState(7)).toBe(1);
    const left = await storage.read(['emulator/conversations/old/', 'emulator/conversations/new/', 'emulator/users/u1/']);
    expect(Object.keys(left).sort()).toEqual(['emulator/conversations/new/', 'emulator/users/u1/']);
    await db.close();
  });
});

describe('SqliteStorage under concurrent writers', () => {
  test('of two writers holding the same eTag, exactly one wins', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    const storage = new SqliteStorage(db);
    await storage.write({ doc: { n: 0 } });
    const { doc } = await storage.read(['doc']);
    const results = await Promise.allSettled([
      storage.write({ doc: { ...doc, n: 1 } }),
      storage.write({ doc: { ...doc, n: 2 } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The winner's document is stored (SQLite: the first call; PostgreSQL: the first to reach the server).
    expect((await storage.read(['doc'])).doc.n).toBe(results[0].status === 'fulfilled' ? 1 : 2);
    await db.close();
  });
});

describe('SqliteStorage reads from memory what it knows', () => {
  test('a key found absent is not looked up again until it is written or deleted (SQLite; PostgreSQL keeps no cache)', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    const cached = db.engine === 'sqlite';
    const storage = new SqliteStorage(db);
    const all = jest.spyOn(db, 'all');
    expect(await storage.read(['emulator/users/u1/'])).toEqual({});
    expect(await storage.read(['emulator/users/u1/'])).toEqual({});
    expect(all).toHaveBeenCalledTimes(cached ? 1 : 2);
    await storage.write({ 'emulator/users/u1/': { n: 1 } });
    expect((await storage.read(['emulator/users/u1/']))['emulator/users/u1/']).toMatchObject({ n: 1 });
    await storage.delete(['emulator/users/u1/']);
    expect(await storage.read(['emulator/users/u1/'])).toEqual({});
    expect(all).toHaveBeenCalledTimes(cached ? 2 : 4);
    // A fresh instance (a restart) sees what was stored.
    await storage.write({ 'emulator/users/u1/': { n: 2 } });
    expect((await new SqliteStorage(db).read(['emulator/users/u1/']))['emulator/users/u1/']).toMatchObject({ n: 2 });
    await db.close();
  });

  test('documentText is the stored text of an item read; writeDocument stores what write would', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    for (const storage of [new SqliteStorage(db), new SqliteStorage(db, 0)]) {
      const doc = { DialogState: { dialogStack: [] }, qaContext: { lastItemId: 'a.b', at: 1, 中文: '值' } };
      await storage.write({ k1: { ...doc, eTag: '*' } });
      const read = (await storage.read(['k1'])).k1;
      expect(storage.documentText(read)).toBe(JSON.stringify(doc));
      expect(storage.documentText({ ...read })).toBeUndefined();

      read.qaContext.at = 2;
      const { eTag: _eTag, ...changed } = read;
      await storage.writeDocument('k1', read, JSON.stringify(changed));
      const row = await db.get<{ doc: string }>('SELECT doc FROM bot_state WHERE key = ?', ['k1']);
      expect(row?.doc).toBe(JSON.stringify({ ...doc, qaContext: { ...doc.qaContext, at: 2 } }));
      expect((await new SqliteStorage(db).read(['k1'])).k1).toMatchObject({ qaContext: { at: 2 } });
      await storage.delete(['k1']);
    }
    await db.close();
  });
});
