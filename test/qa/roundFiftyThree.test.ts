/**
 * Written for the tests (not taken from an evaluation set), one case per mechanism of round 53: a way
 * to do what the background described, English "online/offline", parts of one item compared, the
 * enterprise a tier describes, a thing pointed at inside a question, an honour opening a follow-up,
 * and an honour supposed rather than held.
 */
import { conversation } from './conversation';
import { createRecognizer } from '../../src/nlu';

const ask = async (q: string) => (await (await conversation())(q)).text;

test('"…有什么门路" after a background asks the way to do what it described', async () => {
  expect(await ask('我们是区级专精特新。销售总监要我多去跑龙头企业，这个计划里有啥渠道')).toMatch(/链主|揭榜|园易链/);
});

test('English words for the form are read, and "报名是…还是…" asks, it does not sign up', async () => {
  const r = await createRecognizer({ now: () => new Date('2026-12-04T02:00:00Z') });
  expect((await r.recognize('报名是 online 还是 offline')).intent).toBe('policy_question');
  expect(await ask('活动报名 online or offline?')).toMatch(/线上\+线下/);
});

test('two parts of one item compared get both; who set each up is who is responsible', async () => {
  const reply = await ask('服务专窗跟服务专员有啥不同，各是由谁设立的');
  expect(reply).toMatch(/服务专窗由企服中心建立/);
  expect(reply).toMatch(/服务专员由各功能区及苏相合作区明确/);
});

test('"三类企业能去吗" after a measure asks it for the enterprise the tier describes', async () => {
  const chat = await conversation();
  await chat('企业沙龙是做什么的');
  expect((await chat('三类企业能去吗')).text).toMatch(/^可以(?:参加)?，三类企业在“企业沙龙”的对象之内/);
});

test('"怎么进这个名单" points at the last topic', async () => {
  const chat = await conversation();
  await chat('帮代办是啥意思');
  expect((await chat('我们怎样才能进这个名单')).text).toMatch(/帮代办/);
});

test('"省级的有啥特别的" after a measure is a follow-up for that honour', async () => {
  const chat = await conversation();
  await chat('人才申报是什么');
  expect((await chat('省级的有啥特别的')).text).toMatch(/重点辅导/);
});

test('an honour supposed ("如果明年评上国家级") is not held: the years reasoned on are the ones held', async () => {
  const reply = await ask('我们是制造业，2025年评上了市级。要是以后评上国家级，资源集约利用评价能怎么样');
  expect(reply).not.toMatch(/^可以，加 1 分/);
  expect(reply).toMatch(/评级提升 1 级/);
});
