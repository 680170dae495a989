import { TurnContext, type Activity } from 'botbuilder';
import { creditCodeCheckChar } from '../../src/activities/validation/creditCode';
import { ENTERPRISE_PROFILE_PROPERTY } from '../../src/advisor/profile';
import { buildBot, buttons, say, type TestBot } from './helpers';

const FIRST17 = '91320594MA1W5K3R8';
const CODE = FIRST17 + creditCodeCheckChar(FIRST17);
const texts = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');

async function enterpriseRow(bot: TestBot): Promise<{ name: string | null; profile: string } | undefined> {
  return bot.db.get('SELECT name, profile FROM enterprise_profiles WHERE credit_code = ?', [CODE]);
}

/** A turn context of `userId` outside any dialog, as another feature would have. */
function contextFor(bot: TestBot, userId: string): TurnContext {
  const activity = { type: 'message', channelId: 'test', from: { id: userId }, conversation: { id: `conv-${userId}` }, recipient: { id: 'huibot' } } as Activity;
  return new TurnContext(bot.adapterFor(userId), activity);
}

/** The raw UserState property another feature (activity sign-up) reads. */
async function storedProfile(bot: TestBot, userId = 'user-1'): Promise<Record<string, unknown> | undefined> {
  return bot.userState.createProperty<Record<string, unknown>>(ENTERPRISE_PROFILE_PROPERTY).get(contextFor(bot, userId));
}

describe('my_profile and delete_profile', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await buildBot();
  });
  afterEach(() => bot.close());

  test('nothing saved yet: says so and offers the way in', async () => {
    const [reply] = await say(bot.adapter, '我的企业信息');
    expect(reply.text).toContain('目前还没有保存贵企业的信息');
    expect(buttons(reply)).toContain('我们属于哪一类');
  });

  test('shows what was saved, with the tier and the credit code masked', async () => {
    await say(bot.adapter, `我们是省级专精特新，2023年认定，信用代码${CODE}，属于哪类`);
    const [reply] = await say(bot.adapter, '我的企业信息');
    expect(reply.text).toContain('· “专精特新”荣誉：省级（2023年认定）');
    expect(reply.text).toContain('· 培育类别：一类');
    expect(reply.text).toContain(`· 统一社会信用代码：${CODE.slice(0, 6)}********${CODE.slice(14)}`);
    expect(reply.text).not.toContain(CODE);
    expect(buttons(reply)).toEqual(['修改企业信息', '删除我的信息', '我们能享受哪些支持']);
  });

  test('the UserState profile has the shape other features read (name, creditCode, honours, tier, updatedAt)', async () => {
    await say(bot.adapter, `我们是市级专精特新，信用代码${CODE}，属于哪类`);
    const stored = await storedProfile(bot);
    expect(stored).toMatchObject({ creditCode: CODE, honours: [{ level: 'city' }], tier: 2 });
    expect(typeof stored?.updatedAt).toBe('string');
  });

  test('a correction through my_profile ("我们其实是市级的") updates the profile', async () => {
    await say(bot.adapter, '我们是省级专精特新，属于哪类');
    const replies = await say(bot.adapter, '我们的资料：其实是市级的');
    expect(texts(replies)).toContain('好的，已更新：市级专精特新。');
    expect(texts(replies)).toContain('· 培育类别：二类');
  });

  test('the editor changes one item at a time: honours with year, name, credit code (checked)', async () => {
    await say(bot.adapter, '我们是省级专精特新，属于哪类');
    const [choose] = await say(bot.adapter, '修改企业信息');
    expect(choose.text).toContain('要修改哪一项');
    expect(buttons(choose)).toContain('荣誉及认定年份');
    expect((await say(bot.adapter, '荣誉及认定年份'))[0].text).toContain('获得过哪一级');
    expect((await say(bot.adapter, '市级'))[0].text).toContain('哪一年认定');
    expect(texts(await say(bot.adapter, '2024年'))).toContain('好的，已更新：市级专精特新，2024年认定。');

    await say(bot.adapter, '企业名称');
    expect((await say(bot.adapter, '😀'))[0].text).toContain('企业名称');
    expect(texts(await say(bot.adapter, '苏州某某智能科技有限公司'))).toContain('要修改哪一项');

    await say(bot.adapter, '统一社会信用代码');
    const [wrong] = await say(bot.adapter, '91320594MA1W5K3R8Z');
    expect(wrong.text).toMatch(/统一社会信用代码/);
    await say(bot.adapter, CODE);
    const done = texts(await say(bot.adapter, '完成修改'));
    expect(done).toContain('修改已保存');
    expect(done).toContain('· 企业名称：苏州某某智能科技有限公司');
    expect(done).toContain('· “专精特新”荣誉：市级（2024年认定）');

    const row = await enterpriseRow(bot);
    expect(row?.name).toBe('苏州某某智能科技有限公司');
    expect(JSON.parse(row!.profile)).toMatchObject({ honours: [{ level: 'city', year: 2024 }] });
  });

  test('the enterprise record by credit code is reused by a colleague, without the private facts', async () => {
    await say(bot.adapter, `我们是省级专精特新，2024年认定，制造业，拟上市，信用代码${CODE}，能享受哪些支持`);
    const colleague = bot.adapterFor('colleague');
    const replies = await say(colleague, `我们的信用代码是${CODE}，我们属于哪一类`);
    expect(texts(replies)).toContain('已按统一社会信用代码找到贵企业此前保存的信息');
    expect(texts(replies)).toMatch(/属于一类/);
    const shared = await storedProfile(bot, 'colleague');
    expect(shared).toMatchObject({ honours: [{ level: 'provincial', year: 2024 }], manufacturing: true });
    expect(shared?.planningIpo).toBeUndefined();
  });

  test('delete asks for confirmation; "暂不删除" keeps everything', async () => {
    await say(bot.adapter, `我们是省级专精特新，信用代码${CODE}，属于哪类`);
    const [confirm] = await say(bot.adapter, '删除我的信息');
    expect(confirm.text).toContain('确认删除以下信息吗');
    expect(confirm.text).toContain('省级专精特新');
    expect(buttons(confirm)).toEqual(['确认删除', '暂不删除']);
    expect((await say(bot.adapter, '嗯？'))[0].text).toContain('请回复“确认删除”或“暂不删除”');
    expect((await say(bot.adapter, '暂不删除'))[0].text).toContain('已保留');
    expect(await enterpriseRow(bot)).toBeDefined();
    expect((await say(bot.adapter, '我们属于哪一类'))[0].text).toMatch(/^根据您之前提供的信息/);
  });

  test('delete with confirmation removes the user profile and the enterprise row', async () => {
    await say(bot.adapter, `我们是省级专精特新，信用代码${CODE}，属于哪类`);
    expect(await enterpriseRow(bot)).toBeDefined();
    await say(bot.adapter, '删除我的信息');
    const [done] = await say(bot.adapter, '确认删除');
    expect(done.text).toContain('已删除');
    expect(done.text).toContain('按统一社会信用代码保存的企业记录');
    expect(await enterpriseRow(bot)).toBeUndefined();
    expect(await storedProfile(bot)).toBeUndefined();
    expect((await say(bot.adapter, '我们属于哪一类'))[0].text).toContain('获得过哪一级');
  });

  test('other features get the saved standing on one measure, without questions', async () => {
    await say(bot.adapter, '我们是市级专精特新，属于哪类');
    const reply = await bot.advisor.savedItemReply(contextFor(bot, 'user-1'), 'tal.talent-matching');
    expect(reply?.text).toMatch(/^根据您之前提供的信息（市级专精特新），贵企业暂不符合“人才对接”的条件/);
    expect(await bot.advisor.savedItemReply(contextFor(bot, 'user-1'), 'fin.ipo-cultivation')).toBeUndefined();
    expect(await bot.advisor.savedItemReply(contextFor(bot, 'stranger'), 'tal.talent-matching')).toBeUndefined();
  });

  test('delete with nothing saved', async () => {
    expect((await say(bot.adapter, '删除我的信息'))[0].text).toContain('无需删除');
  });
});
