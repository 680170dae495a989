/**
 * The term 专精特新 asked (the policy gives no definition: said so, with what it does say), the programme's
 * name alone asked what it is, two tiers named side by side, a pool enterprise told the measure's audience,
 * and a day asked for an activity. Written for the tests, not taken from an evaluation set.
 */
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('what 专精特新 means: no definition in the policy, and what it says instead', async () => {
  for (const q of ['专精特新到底指的是什么', '啥叫小巨人']) {
    const text = await lastReply(DAY, q);
    expect(text).toMatch(/^方案未对“专精特新”作出定义/);
    expect(text).toMatch(/中小企业/);
  }
});

test("the programme's own name, asked what it is, gets the overview; asked of something else, not", async () => {
  for (const q of ['这个汇计划是做什么的呀', '介绍一下汇计划']) expect(await lastReply(DAY, q)).toMatch(/^汇计划是园区经发委印发的/);
  expect(await lastReply(DAY, '听说有个房产税优惠 汇计划支持吗')).toMatch(/^抱歉/);
});

test('two tiers named side by side are each answered', async () => {
  const text = await lastReply(DAY, '二类、三类是指什么企业');
  expect(text).toMatch(/二类为获得市级、区级/);
  expect(text).toMatch(/三类为其他优质中小企业/);
});

test("a pool enterprise asking whether it may join is told the measure's audience, which names the pool", async () => {
  const ask = await conversation(DAY);
  await ask('专场招聘一年办几次');
  expect((await ask('入库培育的企业能不能去')).text).toMatch(/^可以(?:参加)?，三类企业在“专场招聘”的对象之内，方案写明面向“专精特新”企业及培育库企业/);
});

test('the day of an activity is said to be unlisted in the policy', async () => {
  expect(await lastReply(DAY, '今年专场招聘会是哪一天啊')).toMatch(/未列明/);
});
