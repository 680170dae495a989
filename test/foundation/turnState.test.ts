import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Storage, type StoreItems } from 'botbuilder';
import { DialogSet, DialogStateManager, TextPrompt } from 'botbuilder-dialogs';
import { createRequire } from 'node:module';
import { TurnConversationState, TurnUserState, stateText } from '../../src/bot/state';
import { shareDialogsComponentRegistration } from '../../src/bot/dialogRegistration';

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

/** One turn's state work: read a property, maybe change it, save; the writes it caused. */
async function run(
  make: (storage: Storage) => ConversationState | UserState,
  steps: Array<(value: { n?: number; list?: number[] }) => void>,
): Promise<StoreItems[]> {
  const storage = new CountingStorage();
  const state = make(storage);
  const property = state.createProperty<{ n?: number; list?: number[] }>('p');
  const adapter = new TestAdapter(async () => undefined);
  for (const step of steps) {
    const context = turn(adapter);
    const value = await property.get(context, {});
    step(value);
    await state.saveChanges(context, false);
  }
  return storage.writes.map((w) => Object.fromEntries(Object.entries(w).map(([k, v]) => [k, { ...(v as object), eTag: undefined }])));
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
