/**
 * The advisor behind the real recognizer (src/nlu), as users type: the intents route to the
 * advisor, and answers to its questions are read by the advisor itself.
 */
import type { Activity } from 'botbuilder';
import { recognizer } from '../nlu/fixture';
import { buildBot, buttons, say, type TestBot } from './helpers';

const texts = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '').join('\n');

describe('advisor with the real recognizer', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await buildBot({ recognizer: await recognizer() });
  });
  afterEach(() => bot.close());

  test('d-tier-06: 我们属于哪一类？ → 市级专精特新 → 二类 within 80 characters', async () => {
    expect(texts(await say(bot.adapter, '我们属于哪一类？'))).toContain('获得过哪一级');
    const answer = texts(await say(bot.adapter, '市级专精特新'));
    expect(answer.slice(0, 80)).toMatch(/二类/);
  });

  test('d-tier-07: 我们想判断下培育类型 → 有省级的荣誉 → 一类', async () => {
    await say(bot.adapter, '我们想判断下培育类型');
    expect(texts(await say(bot.adapter, '有省级的荣誉')).slice(0, 80)).toMatch(/一类/);
  });

  test('a large enterprise asking its tier', async () => {
    expect(texts(await say(bot.adapter, '我们是大型企业，属于哪一类'))).toMatch(/^贵企业为大型企业/);
  });

  test('what we can get: questions, overview with a button per 汇, then what does not apply', async () => {
    const start = texts(await say(bot.adapter, '我们能享受哪些支持？我们是省级专精特新'));
    expect(start).toContain('工业（制造业）企业');
    let replies = await say(bot.adapter, '是');
    for (const reply of ['2024年', '否']) replies = await say(bot.adapter, reply);
    expect(texts(replies)).toMatch(/贵企业属于一类，可享受以下/);
    expect(buttons(replies[replies.length - 1])).toContain('支持详情：服务汇');
    expect(texts(await say(bot.adapter, '我们不能享受哪些支持'))).toContain('暂不适用');
  });

  test('my_profile and delete_profile with confirmation', async () => {
    await say(bot.adapter, '我们属于哪一类');
    await say(bot.adapter, '区级');
    expect(texts(await say(bot.adapter, '我的企业信息'))).toContain('· 培育类别：二类');
    expect(texts(await say(bot.adapter, '删除我的信息'))).toContain('确认删除');
    expect(texts(await say(bot.adapter, '确认删除'))).toContain('已删除');
    expect(texts(await say(bot.adapter, '我的企业信息'))).toContain('还没有保存');
  });
});
