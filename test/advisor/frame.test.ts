/**
 * The advisor and the Q&A behind the real recognizer, as one bot: facts given up front are used
 * and not asked again (also when they came with a question the Q&A could not answer), corrections
 * replace them (and the question they correct is answered again), and a message asking the tier and
 * the support gets both, in order.
 */
import { ConversationState, TestAdapter, UserState, type Activity } from 'botbuilder';
import { LAST_ASKED_PROPERTY, MainDialog, type LastAsked } from '../../dialogs/mainDialog';
import { QaDialog } from '../../dialogs/qaDialog';
import { TierDialog } from '../../dialogs/advisor/tierDialog';
import { SupportDialog } from '../../dialogs/advisor/supportDialog';
import { ProfileDialog } from '../../dialogs/advisor/profileDialog';
import { HuiBot } from '../../src/bot/huiBot';
import { createAdvisor } from '../../src/advisor';
import { ENTERPRISE_PROFILE_PROPERTY, knownFactsFrom } from '../../src/advisor/profile';
import { ConditionJudge } from '../../src/advisor/conditions';
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import { ConversationReferenceStore } from '../../src/storage/conversationReferences';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { recognizer } from '../nlu/fixture';
import { NOW, logger, say, tempDbPath } from './helpers';

const text = (replies: Partial<Activity>[]) => replies.map((a) => [a.text ?? '', ...(a.suggestedActions?.actions ?? []).map((x) => x.title)].join('\n')).join('\n');

async function buildFullBot() {
  const db = await Database.open(tempDbPath());
  await migrate(db);
  const storage = new SqliteStorage(db);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const advisor = createAdvisor({ db, userState, logger, now: () => NOW });
  const r = await recognizer();
  const qa = new QaDialog({
    builder: new AnswerBuilder(r.kb, () => NOW.getTime(), new ConditionJudge(r.kb)),
    recognizer: r,
    conversationState,
    knownFacts: knownFactsFrom(userState.createProperty(ENTERPRISE_PROFILE_PROPERTY)),
  });
  const main = new MainDialog(r, [
    { intents: ['policy_question', 'none'], dialog: qa },
    { intents: ['which_tier'], dialog: new TierDialog(advisor) },
    { intents: ['what_support'], dialog: new SupportDialog(advisor) },
    { intents: ['my_profile'], dialog: new ProfileDialog(advisor) },
  ], [async (context, recognition) => void (await advisor.rememberStatedFacts(context, recognition))], conversationState.createProperty<LastAsked | undefined>(LAST_ASKED_PROPERTY), () => NOW, knownFactsFrom(userState.createProperty(ENTERPRISE_PROFILE_PROPERTY)));
  const bot = new HuiBot(conversationState, userState, main, new ConversationReferenceStore(db), logger);
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'test',
    from: { id: 'user-1', name: 'user-1' },
    recipient: { id: 'huibot', name: 'huibot' },
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: 'user-1' },
  });
  return { adapter, advisor, close: () => db.close() };
}

describe('frames through the whole bot', () => {
  let bot: Awaited<ReturnType<typeof buildFullBot>>;
  beforeEach(async () => {
    bot = await buildFullBot();
  });
  afterEach(() => bot.close());

  test('facts up front: the advisor names the facts it used and asks only what is missing', async () => {
    const first = text(await say(bot.adapter, '您好，我们是2024年认定的省级专精特新，属于制造业，想问问有啥支持'));
    expect(first).toMatch(/根据您提供的信息（省级专精特新，2024年认定），贵企业属于一类/);
    expect(first).not.toMatch(/获得过哪一级|哪一年认定|是否属于工业/);
    // only the listing plan is left to ask (hiring and a first recognition are stated as conditions)
    expect(first).toMatch(/上市计划/);
    const answer = text(await say(bot.adapter, '否'));
    expect(answer).toMatch(/贵企业属于一类，可享受以下/);
    expect(answer).toMatch(/资源集约利用评价（加 2 分）/);
  });

  test('facts told with a question the Q&A could not answer are kept and not asked again', async () => {
    await say(bot.adapter, '我们是2022年评上的市级专精特新，园区食堂几点开饭');
    const support = text(await say(bot.adapter, '我们能享受哪些支持'));
    expect(support).not.toMatch(/获得过哪一级/);
    expect(support).not.toMatch(/哪一年认定/);
  });

  test('a correction replaces the fact', async () => {
    await say(bot.adapter, '我们是区级专精特新，算几类');
    expect(text(await say(bot.adapter, '不对，我们其实是国家级的'))).toMatch(/一类/);
    expect(text(await say(bot.adapter, '我的企业信息'))).toMatch(/国家级（认定年份未提供）/);
  });

  test('the tier and the support in one message: the tier first, then what the facts already decide', async () => {
    const replies = text(await say(bot.adapter, '我们是区级专精特新，算第几类，有哪些支持可以享受'));
    expect(replies).toMatch(/^属于二类/);
    expect(replies).toMatch(/已可享受：.*企业沙龙/);
  });

  test('a correction right after a question answers that question again with the corrected facts', async () => {
    // (NOW is 2025: 近三年 is 2023—2025.)
    const before = text(await say(bot.adapter, '我们做激光设备，2024年评上国家级小巨人，资源集约利用评价能怎么加分'));
    expect(before).toMatch(/评级提升 1 级/);
    const after = text(await say(bot.adapter, '搞错了，是市级的，不是国家级'));
    expect(after).toMatch(/^好的，已更正/);
    expect(after).toMatch(/加 1 分/);
    expect(after).toMatch(/2024年认定的市级/);
    expect(after).not.toMatch(/评级提升 1 级：/);
    expect(text(await say(bot.adapter, '我的企业信息'))).toMatch(/市级（2024年认定）/);
  });

  test('a correction that singles out one honour by its year changes that one only', async () => {
    await say(bot.adapter, '我们2020年拿了区级专精特新，2024年拿了省级，算几类，资源集约利用评价加几分');
    const after = text(await say(bot.adapter, '更正一下，2024年那个是市级的'));
    expect(after).toMatch(/二类/);
    expect(after).toMatch(/加 1 分/);
    expect(text(await say(bot.adapter, '我的企业信息'))).toMatch(/区级（2020年认定）/);
  });

  test('a correction of the year alone, or an honour added, answers the question again', async () => {
    await say(bot.adapter, '我们是2019年认定的省级专精特新，资源集约利用评价还能加分吗');
    const year = text(await say(bot.adapter, '不对，认定年份是2024年，级别没错'));
    expect(year).toMatch(/^好的，已更正/);
    expect(year).toMatch(/加 2 分/);
    expect(text(await say(bot.adapter, '我的企业信息'))).toMatch(/省级（2024年认定）/);
    await say(bot.adapter, '我们2021年评过区级专精特新，属于哪类，综合评价能加分不');
    const added = text(await say(bot.adapter, '另外我们2024年还评过市级'));
    expect(added).toMatch(/^好的，已补充/);
    expect(added).toMatch(/二类/);
    expect(added).toMatch(/加 1 分/);
  });

  test('a corrected year said with the wrong one denied, and an honour still being applied for, are read right', async () => {
    await say(bot.adapter, '我们是区级专精特新，2020年认定的，资源集约利用评价能加分吗');
    expect(text(await say(bot.adapter, '更正一下，年份是2024年，不是2020'))).toMatch(/加 1 分/);
    await say(bot.adapter, '我们2024年评的国家级小巨人，资源集约利用评价能怎么支持');
    const after = text(await say(bot.adapter, '不对 是省级的 国家级今年还在报'));
    expect(after).toMatch(/加 2 分/);
    expect(after).not.toMatch(/评级提升 1 级：/);
  });

  test('a correction with no question before it, or a long time after, only corrects', async () => {
    expect(text(await say(bot.adapter, '不对，我们是区级的'))).not.toMatch(/刚才的问题/);
  });

  test('a year corrected after the form answered from the facts it asked amends the saved honour and answers again', async () => {
    await say(bot.adapter, '帮我们看看能享受哪些支持');
    await say(bot.adapter, '省级');
    await say(bot.adapter, '是的，制造业');
    await say(bot.adapter, '2021年');
    const first = text(await say(bot.adapter, '没有上市打算'));
    expect(first).toMatch(/资源集约利用评价（贵企业2021年获省级认定，不在近三年内/);
    const again = text(await say(bot.adapter, '搞错了，是2024年认定的'));
    expect(again).toMatch(/已更正/);
    expect(again).toMatch(/资源集约利用评价（加 2 分）/);
    expect(again).toMatch(/省级专精特新，2024年认定/);
  });

  test('an assessment asked for with the facts up front gets the tier and the support at once', async () => {
    const reply = text(await say(bot.adapter, '请帮忙评估一下：我们2023年评的市级专精特新，做汽车零部件的，有工厂，120人，暂时不打算上市'));
    expect(reply).toMatch(/贵企业属于二类，可享受以下/);
    expect(reply).not.toMatch(/获得过哪一级|哪一年认定|是否属于工业/);
  });

  test('a plan ruled out ("暂时不考虑上市") lends no topic to "能享受啥"', async () => {
    const reply = text(await say(bot.adapter, '我们是入库企业，还没有荣誉，暂时不考虑上市，帮我看看能享受啥'));
    expect(reply).toMatch(/贵企业属于三类，可享受以下/);
    expect(reply).not.toMatch(/^贵企业暂不符合“上市培育”/);
  });

  test('"没有了" at a yes/no prompt is nothing told, and a measure waiting on it says what it would bring', async () => {
    await say(bot.adapter, '我们能享受哪些支持');
    await say(bot.adapter, '市级');
    expect(text(await say(bot.adapter, '没有了'))).toMatch(/哪一年认定/);
    await say(bot.adapter, '2025年');
    const list = text(await say(bot.adapter, '没有了'));
    expect(list).toMatch(/资源集约利用评价（如贵企业为工业（制造业）企业，加 1 分）/);
    expect(list).not.toMatch(/非制造业/);
  });

  test('what an enterprise makes ("做环保设备的") tells it is a manufacturer; 上市培育 is named with 苗圃计划', async () => {
    const reply = text(await say(bot.adapter, '帮我做个政策匹配：我们是2024年认定的省级专精特新，做环保设备的，准备明年上市，也要招人'));
    expect(reply).toMatch(/资源集约利用评价（加 2 分）/);
    expect(reply).toMatch(/上市培育（苗圃计划）/);
    expect(reply).not.toMatch(/是否属于工业/);
  });

  test('"在培育库" told after the honours adds to them: still the honours\' tier', async () => {
    await say(bot.adapter, '我们是省级专精特新');
    expect(text(await say(bot.adapter, '在培育库'))).toMatch(/一类/);
  });

  test('support asked in general after several plans ("打算冲国家级，也在准备上市") is all of it, not one plan\'s measure', async () => {
    const reply = text(await say(bot.adapter, '我们2024年评的省级专精特新，做精密零部件的，明年打算冲国家级，也在准备上市，能享受哪些支持'));
    expect(reply).toMatch(/贵企业属于一类，可享受以下/);
    expect(reply).toMatch(/上市培育（苗圃计划）/);
  });

  test('a correction at a prompt that moves the enterprise to another tier says the new tier', async () => {
    const first = text(await say(bot.adapter, '我们是2024年认定的省级专精特新，能享受哪些支持'));
    expect(first).toMatch(/属于一类/);
    expect(text(await say(bot.adapter, '说错了，是市级的'))).toMatch(/已更新：市级专精特新，2024年认定；据此，贵企业属于二类/);
  });
});
