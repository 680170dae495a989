/**
 * Through Direct Line with the whole product: a part of a measure only other honour levels get (重点辅导), asked by an
 * enterprise that gets the rest, is refused before what it does get; a plan to send staff to an activity type with
 * "怎么报名" starts the sign-up; an activity named by half of its title part (供需对接) is the one signed up for; the
 * words that describe us in a tier question lend no measure to "能享受点啥" after it; the year a rule needs is asked
 * as a question, and the year given next answers the question again (round 122). A question at the subscription
 * offer is answered and the offer asked again; one measure asked of, with a trait it needs unknown, is answered with the
 * trait as its condition; 人工 in a product's name asks for no person; the tier asked at a form prompt is served (round
 * 123). Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a part only other levels get is refused before what the enterprise does get', async () => {
  const chat = await bot.chat();
  await chat.say('我们是区级专精特新');
  const reply = await chat.say('我们想申报金鸡湖人才计划，能拿到重点辅导吗');
  expect(reply).toMatch(/暂不能享受重点辅导：“人才申报”的重点辅导面向国家级、省级/);
  expect(reply).toMatch(/可以享受“人才申报”/);
});

test('a plan to send staff to an activity type, asked how to sign up, starts the sign-up', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们打算派两个技术骨干去参加专精特新企业沙龙，怎么报名')).toMatch(/个人信息告知/);
});

test('an activity named by half of a title part is the one signed up for', async () => {
  const chat = await bot.chat();
  expect(await chat.say('帮我报名供需对接专场')).toMatch(/^好的，为您报名「【示例】产业对接专场/);
});

test('the words describing us in a tier question lend no measure to the support asked after it', async () => {
  const chat = await bot.chat();
  await chat.say('帮我看下我们这家二级供应商在汇计划里算哪类，能享受点啥');
  const reply = await chat.say('区级专精特新，2025年认定的');
  expect(reply).toMatch(/属于二类/);
  expect(reply).not.toMatch(/揭榜/);
});

test('the year a rule needs is asked as a question and answered next', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们是国家级小巨人，资源集约利用评价能提档吗')).toMatch(/请问贵企业是哪一年认定的？/);
  expect(await chat.say('2023年认定的')).toMatch(/不能。2023年认定/);
});

test('the subscription offer says where notices are published; a question at it is answered and the offer asked again', async () => {
  const chat = await bot.chat();
  const offer = await chat.say('我想订阅专精特新活动通知');
  expect(offer).toContain('【订阅活动通知】');
  // (where the policy says notices are published, beside what subscribing adds)
  expect(offer).toMatch(/企服中心官网、“经济大脑”企业服务一张网/);
  const reply = await chat.say('对了，这些活动通知平时都在哪里发布？');
  expect(reply).toMatch(/企服中心官网|经济大脑/);
  expect(reply).not.toContain('暂未订阅');
  expect(reply).toContain('我们继续订阅');
  expect(await chat.say('确认订阅')).toContain('订阅成功');
});

test('one measure asked of, a trait it needs unknown: answered with the trait as its condition', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们2025年被认定为国家级小巨人，今年资源集约利用评价还能享受吗');
  expect(reply).toMatch(/要视情况而定：如贵企业为工业（制造业）企业，评级提升 1 级/);
  expect(reply).not.toMatch(/请问贵企业是否属于工业/);
});

test('人工 in a product’s name asks for no person', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们做眼科设备和人工晶状体，方案里的服务专员是由谁来明确的？');
  expect(reply).toMatch(/功能区/);
  expect(reply).not.toMatch(/转接/);
});

test('the tier asked at a form prompt ("我们属于哪一类") is served, not taken for a wrong answer', async () => {
  const chat = await bot.chat();
  await chat.say('我要报名企业沙龙');
  expect(await chat.say('我们属于哪一类')).toMatch(/获得过哪一级/);
  const tier = await chat.say('市级');
  expect(tier).toMatch(/属于二类/);
  expect(tier).toMatch(/我们继续报名/);
});
