/**
 * Round 136f (from the tuned half of batch h3: ha3, hb3): background given as numbered points after "先简单介绍下情况：" /
 * "背景先说下：" (founded, people, subsidiaries, a dated plan, a wish) asks nothing — only the question after it is
 * answered, first; "那新材公司2025年评的市级呢" goes on from the tier asked of the other subsidiary; "是谁给我们安排的"
 * asks who is responsible; how to sign up for one kind of activity ("培训课怎么报", "招聘会怎么报名 我们要招检测工程师")
 * is offered the form; "把刚才那个取消掉" in a form leaves it. From h3's unseen hd3, after its numbers were taken: "不对，是2025年
 * 认定的，2021是我上一家公司" corrects with the year said with its recognition.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('numbered background asks nothing: the question after it is answered first', async () => {
  const reply = await (await bot.chat()).say(
    '您好，我是苏州恒铸精密的厂长，先简单介绍下情况：\n1、集团2010年成立，现在800人左右；\n2、园区里有两家子公司，恒铸精工2024年评上省级专精特新；\n3、明年恒铸精工要上一条新产线，资金缺口比较大。\n想问下：我们在融资贷款方面能享受什么支持？',
  );
  expect(reply).toMatch(/^[^\n]*(专精特新贷|政策性贷款|贷款)/);
  expect(reply).not.toMatch(/集团下属企业/);
});

test('another subsidiary named after 那, with its honour, goes on from the tier question', async () => {
  const chat = await bot.chat();
  await chat.say('精铸公司2023年评的省级专精特新，在汇计划里算哪一类？');
  expect(await chat.say('那新材公司2025年评的市级呢？')).toMatch(/二类/);
});

test('"是谁给我们安排的" asks who is responsible', async () => {
  expect(await (await bot.chat()).say('听说有服务专员，是谁给我们安排的啊')).toMatch(/功能区|责任单位/);
});

test.each(['培训课怎么报', '招聘会怎么报名 我们要招检测工程师'])('"%s" is offered the form', async (question) => {
  expect(await (await bot.chat()).say(question)).toMatch(/需要现在为您报名吗/);
});

test('"把刚才那个取消掉" in a form leaves it', async () => {
  const chat = await bot.chat();
  await chat.say('帮我报一下那个培训');
  expect(await chat.say('把刚才那个取消掉')).toMatch(/已取消当前事项/);
});

test('a correction that says which of its two years was someone else\'s replays with the other', async () => {
  const chat = await bot.chat();
  await chat.say('我们是市级专精特新，2021年认定的，做体外诊断试剂，30人。资源集约利用评价还能加分吗？');
  const again = await chat.say('不对，是2025年认定的，2021是我上一家公司，记混了');
  expect(again).toMatch(/已更正/);
  expect(again).toMatch(/可以，加 1 分：2025年认定的市级/);
});
