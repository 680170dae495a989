/**
 * Round 131, through the whole product: a wish in the written register (欲报名, 有意参加) signs up; a
 * correction opened by an apology, or explained by another year or another company's honour, corrects; a
 * question beside a sign-up is answered before the form; a person asked for outright beside a question is
 * reached; at the form, "2个" is a head count, "不对，是1个人" at the summary changes it, and "等下，…？" asks.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();
const FORM = /为您报名「[^」]+」（专场招聘|为您报名「[^」]+」（企业沙龙/;

test('a wish in the written register signs up, with a note in brackets after it', async () => {
  const chat = await bot.chat();
  expect(await chat.say('您好，我司欲报名参加“专精特新”专场招聘活动（拟招测试工程师若干名）')).toMatch(FORM);
  const other = await bot.chat();
  expect(await other.say('我们有意参加下一期企业沙龙')).toMatch(FORM);
});

test('a correction opened by an apology keeps the year said before; another company’s honour is not ours', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我司系2025年获评区级专精特新，请问资源集约利用评价可加几分？')).toMatch(/加 1 分/);
  const replay = await chat.say('抱歉，说错了，是省级（区级系另一家关联公司之荣誉），请据此重新判断');
  expect(replay).toMatch(/已更正/);
  expect(replay).toMatch(/加 2 分：2025年认定的省级/);
});

test('a year corrected, with the old one explained as another date (入库), takes the new one', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我司系省级专精特新，2021年获评，请问今年资源集约利用评价还能加分吗？')).toMatch(/^不能/);
  const replay = await chat.say('不对，是2024年获评（2021年系入库培育之年份），烦请据此重新判断');
  expect(replay).toMatch(/可以，加 2 分：2024年认定的省级/);
});

test('a question beside a sign-up is answered before the form starts', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('领导让我报名园区的专精特新企业沙龙。我看说是分批分次开的，想问下沙龙是按什么来分批的呀？');
  expect(reply).toMatch(/^企业沙龙根据产业行业类别及培育对象特点分批分次召开/);
  expect(reply).toMatch(FORM);
  expect(reply.indexOf('分批分次')).toBeLessThan(reply.indexOf('为您报名'));
});

test('a person asked for outright is reached, whatever else the message asks; a 服务专员 talked about is answered', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们公司到底够不够格参加汇计划我是真搞不清，帮我转人工吧')).not.toMatch(/培育对象分为三类/);
  const other = await bot.chat();
  expect(await other.say('客户想找园区的专精特新服务专员对接，这个是谁来明确的')).toMatch(/功能区|苏相合作区/);
});

test('at the form: "等下，…？" asks, "2个" is a head count, "不对，是1个人" at the summary changes it', async () => {
  const chat = await bot.chat();
  await chat.say('帮我报个名，专精特新企业沙龙');
  await chat.say('同意');
  await chat.say('苏州测试精密机械有限公司');
  const asked = await chat.say('等下，沙龙主要是干嘛的？讲些啥');
  expect(asked).not.toMatch(/暂时查不到/);
  expect(asked).toMatch(/政策宣讲/);
  await chat.say('91320594MA1P4HT203');
  await chat.say('王敏');
  await chat.say('13962155821');
  const summary = await chat.say('2个');
  expect(summary).toMatch(/参会人数：2 人/);
  const changed = await chat.say('不对，是1个人，另一位去不了');
  expect(changed).toMatch(/参会人数：1 人/);
});
