import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { QaDialog } from '../../dialogs/qaDialog';
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import { UnansweredStore, type UnansweredRow } from '../../src/stats/unansweredStore';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { recognizer } from '../nlu/fixture';

describe('QaDialog', () => {
  let db: Database;
  let store: UnansweredStore;

  beforeAll(async () => {
    db = await Database.open(':memory:');
    await migrate(db);
    store = new UnansweredStore(db);
  });
  afterAll(() => db.close());

  async function client(options?: unknown): Promise<DialogTestClient> {
    const r = await recognizer();
    const conversationState = new ConversationState(new MemoryStorage());
    const dialog = new QaDialog({ builder: new AnswerBuilder(r.kb), recognizer: r, conversationState, unanswered: store });
    return new DialogTestClient('test', dialog, options, undefined, conversationState);
  }

  test('answers with the source and follow-up buttons, then ends', async () => {
    const c = await client();
    const reply = await c.sendActivity('专场招聘会每年有几次');
    expect(reply.text).toMatch(/^每年举办1~2场/);
    expect(reply.text).toContain('依据：《方案》二、（三）人才汇·专场招聘');
    const actions = reply.suggestedActions.actions as Array<{ type: string; title: string; value: string }>;
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.every((a) => a.type === 'imBack' && a.title === a.value)).toBe(true);
    expect(c.dialogTurnResult.status).toBe('complete');
  });

  test('uses the recognition MainDialog passes', async () => {
    const r = await recognizer();
    const c = await client({ recognition: await r.recognize('帮代办是什么服务') });
    const reply = await c.sendActivity('(whatever the user typed)');
    expect(reply.text).toMatch(/帮代办/);
  });

  test('keeps the topic between turns: 那市级呢', async () => {
    const c = await client();
    expect((await c.sendActivity('省级专精特新企业在资源集约利用评价中能加分吗')).text).toMatch(/加 2 分/);
    expect((await c.sendActivity('那市级呢')).text).toMatch(/^市级和区级“专精特新”企业加 1 分/);
  });

  test('a fallback is honest and stored as an unanswered question', async () => {
    const c = await client();
    const reply = await c.sendActivity('明天会下雨吗');
    expect(reply.text).toContain('抱歉');
    const titles = (reply.suggestedActions.actions as Array<{ title: string }>).map((a) => a.title);
    expect(titles).toContain('转人工');
    const rows = await db.all<UnansweredRow>('SELECT * FROM unanswered_questions WHERE text = ?', ['明天会下雨吗']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'test', intent: 'none', reason: 'out_of_scope' });
    expect(Array.isArray(JSON.parse(rows[0].candidates))).toBe(true);
    expect(rows[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('bad input gets a sensible reply', async () => {
    const c = await client();
    expect((await c.sendActivity('🙂🙂🙂')).text).toContain('抱歉');
    expect((await c.sendActivity('x'.repeat(10000))).text.length).toBeGreaterThan(0);
  });

  test('the unanswered store lists and resolves', async () => {
    const [latest] = await store.list(1);
    expect(await store.resolve(latest.id)).toBe(true);
    expect((await store.list(100)).some((r) => r.id === latest.id)).toBe(false);
  });
});
