import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Storage, type StoreItems } from 'botbuilder';
import { DialogSet, DialogStateManager, TextPrompt } from 'botbuilder-dialogs';
import { createRequire } from 'node:module';
import { TurnConversationState, TurnUserState, prefetchStates, saveStates, stateText } from '../../src/bot/state';
import { shareDialogsComponentRegistration } from '../../src/bot/dialogRegistration';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { tempDbPath } from '../helpers/testApp';

/** MemoryStorage that counts writes. */
class CountingStorage extends MemoryStorage implements Storage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)));
    await super.write(changes);
  }
}

function turn(adapter: TestAdapter, text = 'hi'): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: 'c1' } as TurnContext['activity']['conversation'],
    from: { id: 'u1', name: 'u' },
    recipient: { id: 'bot', name: 'bot' },
  });
}

/** SqliteStorage that records what each write stores. */
class CountingSqlStorage extends SqliteStorage {
  static writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    CountingSqlStorage.writes.push(JSON.parse(JSON.stringify(changes)));
    await super.write(changes);
  }
  override async writeDocument(key: string, item: Record<string, unknown>, text: string): Promise<void> {
    expect(text).toBe(stateText(item));
    CountingSqlStorage.writes.push(JSON.parse(JSON.stringify({ [key]: item })));
    await super.writeDocument(key, item, text);
  }
}

/** One turn's state work: read a property, maybe change it, save; the writes it caused. */
async function run(
  make: (storage: Storage) => ConversationState | UserState,
  steps: Array<(value: { n?: number; list?: number[] }) => void>,
  storageFor?: () => CountingSqlStorage,
): Promise<StoreItems[]> {
  const counting = storageFor ? undefined : new CountingStorage();
  CountingSqlStorage.writes = [];
  const storage: Storage = counting ?? storageFor!();
  const state = make(storage);
  const property = state.createProperty<{ n?: number; list?: number[] }>('p');
  const adapter = new TestAdapter(async () => undefined);
  for (const step of steps) {
    const context = turn(adapter);
    const value = await property.get(context, {});
    step(value);
    await state.saveChanges(context, false);
  }
  return (counting?.writes ?? CountingSqlStorage.writes).map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { ...(v as object), eTag: undefined }])));
}

describe('TurnConversationState and TurnUserState: the same writes as botbuilder’s', () => {
  const scripts: Array<Array<(value: { n?: number; list?: number[] }) => void>> = [
    [() => undefined, () => undefined],
    [(v) => (v.n = 1), () => undefined, (v) => (v.n = 2), (v) => (v.n = 2)],
    [(v) => (v.list = [1]), (v) => v.list!.push(2), () => undefined, (v) => delete v.list],
  ];

  test.each(scripts.map((s, i) => [i, s] as const))('script %i', async (_i, steps) => {
    expect(await run((s) => new TurnConversationState(s), steps)).toEqual(await run((s) => new ConversationState(s), steps));
    expect(await run((s) => new TurnUserState(s), steps)).toEqual(await run((s) => new UserState(s), steps));
  });

  test.each(scripts.map((s, i) => [i, s] as const))('script %i on the app’s SqlStorage (stored text as the hash, written text reused)', async (_i, steps) => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    try {
      for (const [ours, theirs] of [
        [(s: Storage) => new TurnConversationState(s), (s: Storage) => new ConversationState(s)],
        [(s: Storage) => new TurnUserState(s), (s: Storage) => new UserState(s)],
      ] as const) {
        await db.run('DELETE FROM bot_state');
        const writes = await run((s) => ours(s), steps, () => new CountingSqlStorage(db));
        expect(writes).toEqual(await run((s) => theirs(s), steps));
      }
    } finally {
      await db.close();
    }
  });

  test('clear forces a write, delete removes the document, load(force) rereads', async () => {
    const storage = new CountingStorage();
    const state = new TurnConversationState(storage);
    const property = state.createProperty<{ n: number }>('p');
    const adapter = new TestAdapter(async () => undefined);
    const first = turn(adapter);
    await property.set(first, { n: 1 });
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const second = turn(adapter);
    await state.load(second);
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(2);
    expect(await storage.read(['test/conversations/c1/'])).toMatchObject({ 'test/conversations/c1/': {} });

    const third = turn(adapter);
    await property.set(third, { n: 3 });
    await state.saveChanges(third, true);
    await state.delete(third);
    expect(await storage.read(['test/conversations/c1/'])).toEqual({});
    expect(await property.get(third)).toBeUndefined();

    const fourth = turn(adapter);
    await property.set(fourth, { n: 4 });
    await state.saveChanges(fourth);
    await storage.write({ 'test/conversations/c1/': { p: { n: 5 }, eTag: '*' } });
    expect((await state.load(fourth, true)).p).toEqual({ n: 5 });
  });

  test('the change check ignores the eTag', () => {
    expect(stateText({ a: 1, eTag: 'x' })).toBe(stateText({ a: 1 }));
    expect(stateText(undefined)).toBe('');
  });
});

describe('prefetchStates', () => {
  test('a new conversation’s two states are read in one statement; known ones, absent or not, from memory', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    // PostgreSQL keeps no state cache (instances share the database): nothing to prefetch into.
    if (db.engine !== 'sqlite') return void (await db.close());
    try {
      const storage = new SqliteStorage(db);
      const convo = new TurnConversationState(storage);
      const user = new TurnUserState(storage);
      const all = jest.spyOn(db, 'all');
      const adapter = new TestAdapter(async () => undefined);

      const first = turn(adapter);
      await prefetchStates(first, [convo, user]);
      expect(all).toHaveBeenCalledTimes(1);
      await convo.createProperty<{ n: number }>('p').set(first, { n: 1 });
      expect(await user.createProperty('profile').get(first)).toBeUndefined();
      await convo.saveChanges(first);
      await user.saveChanges(first);
      expect(all).toHaveBeenCalledTimes(1);

      const second = turn(adapter);
      await prefetchStates(second, [convo, user]);
      expect(await convo.createProperty<{ n: number }>('p').get(second)).toEqual({ n: 1 });
      expect(await user.createProperty('profile').get(second)).toBeUndefined();
      expect(all).toHaveBeenCalledTimes(1);

      // After a restart the stored state is read back.
      const restarted = new SqliteStorage(db);
      const third = turn(adapter);
      await prefetchStates(third, [new TurnConversationState(restarted), new TurnUserState(restarted)]);
      expect(all).toHaveBeenCalledTimes(2);
      expect(await new TurnConversationState(restarted).createProperty<{ n: number }>('p').get(third)).toEqual({ n: 1 });
      expect(all).toHaveBeenCalledTimes(2);
    } finally {
      await db.close();
    }
  });
});

describe('saveStates', () => {
  test('both states changed: one statement; one changed: one; none: none; what is stored reads back', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    try {
      const storage = new SqliteStorage(db);
      const convo = new TurnConversationState(storage);
      const user = new TurnUserState(storage);
      const writes = jest.spyOn(db, 'run');
      const adapter = new TestAdapter(async () => undefined);
      const step = async (change: (c: { n?: number }, u: { name?: string }) => void) => {
        const context = turn(adapter);
        change(await convo.createProperty<{ n?: number }>('p').get(context, {}), await user.createProperty<{ name?: string }>('profile').get(context, {}));
        writes.mockClear();
        await saveStates(context, [convo, user]);
        return writes.mock.calls.filter(([sql]) => sql.includes('bot_state')).length;
      };
      // PostgreSQL: each state's write checked against its own eTag, one statement each.
      const both = db.engine === 'sqlite' ? 1 : 2;
      expect(await step((c, u) => ((c.n = 1), (u.name = '甲')))).toBe(both);
      expect(await step(() => undefined)).toBe(0);
      expect(await step((c) => (c.n = 2))).toBe(1);
      expect(await step((_c, u) => (u.name = '乙'))).toBe(1);
      expect(await step((c, u) => ((c.n = 3), (u.name = '丙')))).toBe(both);

      const restarted = new SqliteStorage(db);
      const stored = await restarted.read(['test/conversations/c1/', 'test/users/u1/']);
      expect(stored['test/conversations/c1/']).toMatchObject({ p: { n: 3 } });
      expect(stored['test/users/u1/']).toMatchObject({ profile: { name: '丙' } });
    } finally {
      await db.close();
    }
  });
});

describe('shareDialogsComponentRegistration', () => {
  test('one registration instance, and dialog memory still works', async () => {
    expect(shareDialogsComponentRegistration()).toBe(true);
    expect(shareDialogsComponentRegistration()).toBe(true);
    const load = createRequire(require.resolve('botbuilder-dialogs'));
    const { DialogsComponentRegistration } = load('./dialogsComponentRegistration') as { DialogsComponentRegistration: new () => object };
    const a = new DialogsComponentRegistration();
    expect(new DialogsComponentRegistration()).toBe(a);
    expect(a).toBeInstanceOf(DialogsComponentRegistration);

    // A dialog context built after the change resolves memory paths as before.
    const convo = new TurnConversationState(new MemoryStorage());
    const dialogs = new DialogSet(convo.createProperty('dialogState'));
    dialogs.add(new TextPrompt('text'));
    const adapter = new TestAdapter(async (context) => {
      const dc = await dialogs.createContext(context);
      expect(dc.state).toBeInstanceOf(DialogStateManager);
      dc.state.setValue('turn.answer', 42);
      expect(dc.state.getValue('turn.answer')).toBe(42);
      expect(dc.state.getValue('turn.activity.text')).toBe('hello');
      expect(dc.state.getValue('turn.missing', 'fallback')).toBe('fallback');
      await context.sendActivity('ok');
    });
    await adapter.send('hello').assertReply('ok');
  });
});
