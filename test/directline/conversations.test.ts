import { ActivityTypes } from 'botbuilder';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { DirectLineStore } from '../../src/channels/directline/store';
import { DirectLineConversations, TYPING_REPLAY_MS, type ReadResult } from '../../src/channels/directline/conversations';
import type { Recognition, Recognizer } from '../../src/nlu/types';
import { TEXT } from '../../dialogs/messages';
import { DirectLineClient, startDirectLineApp, tempDbPath } from './harness';

const activitiesOf = (page: ReadResult): Array<{ type?: string; text?: string }> => page.activityJson.map((json) => JSON.parse(json));

describe('conversation streams', () => {
  let db: Database;
  let conversations: DirectLineConversations;
  beforeEach(async () => {
    db = await Database.open(tempDbPath());
    await migrate(db);
    conversations = new DirectLineConversations(new DirectLineStore(db));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await db.close();
  });

  test('typing indicators are live only: replayed history skips old ones but the watermark moves past them', async () => {
    const { conversation } = await conversations.create({ conversationId: 'c1', userId: 'u1' });
    await conversations.append(conversation, { type: ActivityTypes.Typing });
    await conversations.append(conversation, { type: ActivityTypes.Message, text: '您好' });
    expect(activitiesOf(await conversations.read(conversation, 0)).map((a) => a.type)).toEqual(['typing', 'message']);

    const later = Date.now() + TYPING_REPLAY_MS + 1000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    const replay = await conversations.read(conversation, 0);
    expect(activitiesOf(replay).map((a) => a.text)).toEqual(['您好']);
    expect(replay.watermark).toBe('2');
  });

  test('reads older than the in-memory tail come from the database, in pages', async () => {
    const { conversation } = await conversations.create({ conversationId: 'c2', userId: 'u1' });
    for (let i = 1; i <= 100; i++) await conversations.append(conversation, { type: ActivityTypes.Message, text: `第${i}条` });
    const reloaded = new DirectLineConversations(new DirectLineStore(db));
    const again = (await reloaded.get('c2'))!;
    const page = await reloaded.read(again, 0, 40);
    expect(activitiesOf(page).map((a) => a.text)).toEqual(Array.from({ length: 40 }, (_, i) => `第${i + 1}条`));
    expect(page.watermark).toBe('40');
    const rest = await reloaded.read(again, 40);
    expect(rest.activityJson).toHaveLength(60);
    expect(rest.watermark).toBe('100');
    // New appends continue after the stored ones.
    const next = await reloaded.append(again, { type: ActivityTypes.Message, text: '新消息' });
    expect(next.id).toBe('c2|0000101');
  });

  test('a new conversation is built from its record without reading it back; an existing one is loaded', async () => {
    const get = jest.spyOn(db, 'get');
    const all = jest.spyOn(db, 'all');
    const first = await conversations.create({ conversationId: 'c3', userId: 'u1', userName: '小王', locale: 'zh-CN' });
    expect(first.created).toBe(true);
    expect(get).not.toHaveBeenCalled();
    expect(all).not.toHaveBeenCalled();
    expect(first.conversation).toMatchObject({ id: 'c3', userId: 'u1', userName: '小王', locale: 'zh-CN', visibleSeq: 0, allocatedSeq: 0, recent: [] });
    expect(await conversations.get('c3')).toBe(first.conversation);
    await conversations.append(first.conversation, { type: ActivityTypes.Message, text: '您好' });

    // The same conversation started again, here and by a process that has not seen it: the stored one.
    expect(await conversations.create({ conversationId: 'c3', userId: 'other' })).toEqual({ conversation: first.conversation, created: false });
    const elsewhere = await new DirectLineConversations(new DirectLineStore(db)).create({ conversationId: 'c3' });
    expect(elsewhere.created).toBe(false);
    expect(elsewhere.conversation).toMatchObject({ userId: 'u1', userName: '小王', locale: 'zh-CN', visibleSeq: 1 });
  });

  test('concurrent appends to many conversations are written together and keep each stream in order', async () => {
    const created = await Promise.all(['a', 'b', 'c'].map((id) => conversations.create({ conversationId: id })));
    const run = jest.spyOn(db, 'run');
    await Promise.all(
      created.flatMap(({ conversation }) => Array.from({ length: 30 }, (_, i) => conversations.append(conversation, { type: 'message', text: String(i) }))),
    );
    const inserts = run.mock.calls.filter(([sql]) => sql.startsWith('INSERT INTO directline_activities'));
    expect(inserts.length).toBeLessThanOrEqual(5); // group commit: 90 activities in a handful of statements
    for (const { conversation } of created) {
      const stored = await db.all<{ seq: number; activity: string }>('SELECT seq, activity FROM directline_activities WHERE conversation_id = ? ORDER BY seq', [conversation.id]);
      expect(stored.map((r) => JSON.parse(r.activity).text)).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    }
  });
});

describe('typing indicator during a slow turn', () => {
  test('the bot shows typing (from the bot, replying to the message) before a slow answer', async () => {
    const slow: Recognizer = {
      async recognize(text: string): Promise<Recognition> {
        await new Promise((r) => setTimeout(r, 800));
        return { text, normalized: text, intent: 'greeting', intentScore: 1, entities: {}, candidates: [] };
      },
    };
    const running = await startDirectLineApp({ recognizer: slow });
    try {
      const client = await DirectLineClient.start(running.url);
      await client.poll();
      const sent = await client.post('你好');
      const activities = await client.poll();
      expect(activities.map((a) => a.type)).toEqual(['message', 'typing', 'message']);
      expect(activities[1]).toMatchObject({ from: { role: 'bot' }, replyToId: sent.id });
      expect(activities[2]).toMatchObject({ text: TEXT.greeting, replyToId: sent.id });
    } finally {
      await running.close();
    }
  });
});
