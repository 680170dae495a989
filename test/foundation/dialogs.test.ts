import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import pino from 'pino';
import { MainDialog } from '../../dialogs/mainDialog';
import { HuiBot } from '../../src/bot/huiBot';
import { createTurnErrorHandler } from '../../src/bot/turnError';
import { ConversationReferenceStore } from '../../src/storage/conversationReferences';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { fakeRecognizer, tempDbPath } from '../helpers/testApp';
import { BrokenDialog, TwoQuestionDialog } from '../helpers/testDialogs';
import { interruptionServices } from '../../dialogs/interruptions';

const logger = pino({ level: 'silent' });

async function buildBot(dbPath = tempDbPath()) {
  const db = await Database.open(dbPath);
  await migrate(db);
  const storage = new SqliteStorage(db);
  const conversationState = new ConversationState(storage);
  const recognizer = fakeRecognizer([
    ['登记', 'sign_up'],
    ['坏了', 'handoff'],
    ['你好', 'greeting'],
    ['谢谢', 'thanks_bye'],
  ]);
  const main = new MainDialog(recognizer, [
    { intents: ['sign_up'], dialog: new TwoQuestionDialog() },
    { intents: ['handoff'], dialog: new BrokenDialog() },
  ]);
  const bot = new HuiBot(conversationState, new UserState(storage), main, new ConversationReferenceStore(db), logger);
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = createTurnErrorHandler(conversationState, logger);
  return { adapter, db, dbPath };
}

const text = (activity: Partial<Activity>) => activity.text ?? '';

describe('MainDialog routing and interruptions', () => {
  test('greeting and thanks are answered by MainDialog', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('你好')
      .assertReply((a) => expect(text(a)).toContain('您好'))
      .send('谢谢')
      .assertReply((a) => expect(text(a)).toContain('不客气'))
      .startTest();
    await db.close();
  });

  test('取消 in the middle of a prompt ends the flow and shows the menu', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('登记')
      .assertReply('请问企业名称？')
      .send('取消')
      .assertReply((a) => {
        expect(text(a)).toContain('已取消');
        expect(a.suggestedActions?.actions.length).toBeGreaterThan(0);
      })
      .send('你好') // a new turn starts from MainDialog, not from the cancelled prompt
      .assertReply((a) => expect(text(a)).toContain('您好'))
      .startTest();
    await db.close();
  });

  test('帮助 in the middle of a prompt shows help and keeps the flow waiting', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('登记')
      .assertReply('请问企业名称？')
      .send('帮助')
      .assertReply((a) => expect(text(a)).toContain('我可以帮您'))
      .assertReply((a) => expect(text(a)).toContain('继续回答'))
      .send('园区某科技公司')
      .assertReply('请问联系人？')
      .send('张三')
      .assertReply('已记录：园区某科技公司，张三')
      .startTest();
    await db.close();
  });

  test('返回主菜单 in a flow returns to the menu', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('登记')
      .assertReply('请问企业名称？')
      .send('返回主菜单')
      .assertReply((a) => expect(a.suggestedActions?.actions.map((x) => x.title)).toContain('我的报名'))
      .startTest();
    await db.close();
  });

  test('取消 with nothing in progress says so', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('取消')
      .assertReply((a) => expect(text(a)).toContain('没有进行中'))
      .startTest();
    await db.close();
  });

  test('a failing turn apologises in Chinese, clears the dialog, and the next turn works', async () => {
    const { adapter, db } = await buildBot();
    await adapter
      .send('坏了')
      .assertReply((a) => expect(text(a)).toContain('抱歉'))
      .send('登记')
      .assertReply('请问企业名称？')
      .startTest();
    await db.close();
  });

  test('a restart in the middle of a multi-turn dialog continues that dialog', async () => {
    const first = await buildBot();
    await first.adapter.send('登记').assertReply('请问企业名称？').send('园区某科技公司').assertReply('请问联系人？').startTest();
    await first.db.close();

    // A new process: new database connection, new bot, same file.
    const second = await buildBot(first.dbPath);
    await second.adapter.send('李四').assertReply('已记录：园区某科技公司，李四').startTest();
    await second.db.close();
  });
});

describe('one recognition per turn', () => {
  test('a route that looks at the message before routing and the router read one recognition of it', async () => {
    const db = await Database.open(tempDbPath());
    await migrate(db);
    const storage = new SqliteStorage(db);
    const conversationState = new ConversationState(storage);
    const inner = fakeRecognizer([['登记', 'sign_up']]);
    const texts: string[] = [];
    const counting = { recognize: (t: string) => (texts.push(t), inner.recognize(t)) };
    const main = new MainDialog(counting, [
      {
        intents: ['sign_up'],
        dialog: new TwoQuestionDialog(),
        // a claimant that recognises the message the way the hand-off's does, and lets it pass
        claims: async (context) => (await interruptionServices(context)!.recognizer.recognize(context.activity.text ?? '')).intent === 'none' && false,
      },
    ]);
    const bot = new HuiBot(conversationState, new UserState(storage), main, new ConversationReferenceStore(db), logger);
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.send('登记').assertReply('请问企业名称？').startTest();
    expect(texts).toEqual(['登记']);
    await db.close();
  });
});
