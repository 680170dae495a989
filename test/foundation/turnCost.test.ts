/**
 * The per-turn cost work of issue 17 keeps behaviour: the pinyin corrector's scratch arrays, the
 * message turn that skips ActivityHandler's emission, and the dialog memory paths parsed once.
 */
import { ActivityTypes, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogStateManager } from 'botbuilder-dialogs';
import pino from 'pino';
import { cacheDialogPaths } from '../../src/bot/dialogRegistration';
import { HuiBot } from '../../src/bot/huiBot';
import { TurnConversationState, TurnUserState } from '../../src/bot/state';
import { PinyinCorrector } from '../../src/nlu/pinyinCorrector';

describe('PinyinCorrector scratch', () => {
  const corrector = new PinyinCorrector(['苗圃计划', '深度诊断', '汇计划', '上市辅导']);
  const texts = ['描圃计划怎么申请', '深度枕断是免费的吗', '我想了解汇计画和苗圃计划', '上市辅到', '没有相关的词', ''];

  it('gives the same corrections whatever was corrected before', () => {
    const first = texts.map((t) => corrector.corrections(t));
    expect(first[0]).toEqual([{ from: '描圃计划', to: '苗圃计划', index: 0 }]);
    expect(first[1]).toEqual([{ from: '深度枕断', to: '深度诊断', index: 0 }]);
    expect(first[2]).toEqual([{ from: '汇计画', to: '汇计划', index: 4 }]);
    for (const t of [...texts].reverse()) expect(corrector.corrections(t)).toEqual(first[texts.indexOf(t)]);
  });

  it('corrects a text too long for the scratch array (counted in a Map) the same way', () => {
    const pad = 'a'.repeat(400_000); // × 4 words: past the scratch array's 1 MB
    for (const t of texts) {
      const short = corrector.corrections(t);
      expect(corrector.corrections(pad + t)).toEqual(short.map((c) => ({ ...c, index: c.index + pad.length })));
      expect(corrector.corrections(t)).toEqual(short);
    }
  });
});

describe('HuiBot message turns', () => {
  const make = () => {
    const storage = new MemoryStorage();
    const runs: string[] = [];
    const dialog = { run: async (context: TurnContext) => void runs.push(`dialog:${context.activity.text}`) };
    const references = { saveIfChanged: async () => undefined };
    const bot = new HuiBot(new TurnConversationState(storage), new TurnUserState(storage), dialog as never, references as never, pino({ level: 'silent' }));
    return { bot, runs };
  };
  const message = (adapter: TestAdapter, text: string) =>
    new TurnContext(adapter, {
      type: ActivityTypes.Message,
      text,
      channelId: 'test',
      conversation: { id: 'c1' } as TurnContext['activity']['conversation'],
      from: { id: 'u1', name: 'u' },
      recipient: { id: 'bot', name: 'bot' },
    });

  it('runs the dialog once per message, alone or beside handlers added later', async () => {
    const { bot, runs } = make();
    const adapter = new TestAdapter(async () => undefined);
    await bot.run(message(adapter, 'one'));
    expect(runs).toEqual(['dialog:one']);
    bot.onTurn(async (_c, next) => {
      runs.push('turn');
      await next();
    });
    bot.onDialog(async (_c, next) => {
      runs.push('after');
      await next();
    });
    await bot.run(message(adapter, 'two'));
    expect(runs).toEqual(['dialog:one', 'turn', 'dialog:two', 'after']);
  });

  it('leaves other activities to ActivityHandler (the welcome)', async () => {
    const { bot, runs } = make();
    const sent: string[] = [];
    const adapter = new TestAdapter(async () => undefined);
    const context = new TurnContext(adapter, {
      type: ActivityTypes.ConversationUpdate,
      channelId: 'test',
      conversation: { id: 'c1' } as TurnContext['activity']['conversation'],
      from: { id: 'u1', name: 'u' },
      recipient: { id: 'bot', name: 'bot' },
      membersAdded: [{ id: 'u1', name: 'u' }],
    });
    context.onSendActivities(async (_c, activities, next) => {
      sent.push(...activities.map((a) => a.type ?? ''));
      return next();
    });
    await bot.run(context);
    expect(runs).toEqual([]);
    expect(sent).toEqual([ActivityTypes.Message]);
  });
});

describe('cacheDialogPaths', () => {
  it('parses paths as before, hands out copies, and still reads memory for brackets and rejects bad paths', () => {
    expect(cacheDialogPaths()).toBe(true);
    expect(cacheDialogPaths()).toBe(true);
    const manager = Object.create(DialogStateManager.prototype) as DialogStateManager;
    // A bracket names a value in memory: this one's only value.
    (manager as unknown as { getValue(path: string): unknown }).getValue = (path: string) => (path === 'turn.key' ? 'named' : undefined);
    const cases: Array<[string, Array<string | number>]> = [
      ['turn.activity', ['turn', 'activity']],
      ['dialog.a.b', ['dialog', 'a', 'b']],
      ['.x', ['', 'x']],
      ['a..b', ['a', '', 'b']],
      ['x.$foo', ['x', '$foo']],
      ['profile.address[0]', ['profile', 'address', 0]],
      ["a['b c']", ['a', 'b c']],
      ['a[turn.key]', ['a', 'named']],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [path, segments] of cases) {
        const parsed = manager.parsePath(path);
        expect(parsed).toEqual(segments);
        parsed.pop(); // deleteValue changes what it gets
      }
    }
    expect(manager.parsePath('a[turn.key]', false)).toEqual([]);
    for (let round = 0; round < 2; round++) expect(() => manager.parsePath('a.b c')).toThrow('Invalid path detected');
  });
});
