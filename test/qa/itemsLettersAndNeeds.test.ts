/**
 * Written for the tests (not taken from an evaluation set): numbered items announced as "N件事" are each
 * asked; a clause asking only for brevity asks what was named before it; the programme named as what
 * supports a thing asks about that thing; a plan told after a question lends its topic to the question after
 * it; a need the rules key on (hiring) names its measures; domain words typed in pinyin letters are read.
 */
import { conversation } from './conversation';

test('"麻烦说两件事 1… 2…": every numbered item is asked, with or without a question word', async () => {
  const reply = await (await conversation())('麻烦说两件事 1汇计划印发日期 2牵头部门');
  expect(reply.text).toMatch(/2022年6月17日/);
  expect(reply.text).toMatch(/经发委/);
});

test('"X 一句话？" and "X一句话概括" ask about X', async () => {
  expect((await (await conversation())('汇计划的目标 简单说说')).text).toMatch(/领先/);
  expect((await (await conversation())('深度诊断一句话概括')).text).toMatch(/^深度诊断|诊断/);
  // 简单 as a word of the question stays ("流程简单吗" asks whether it is simple)
  expect((await (await conversation())('申报辅导的流程简单吗')).text).not.toMatch(/^抱歉，这个问题在汇计划政策中没有找到/);
});

test('"X和Y 汇计划支持吗": the programme is what supports the things named before', async () => {
  const reply = await (await conversation())('我们在搞产学研合作 这个方案有支持吗');
  expect(reply.text).toMatch(/产学研/);
  expect(reply.text).not.toMatch(/^汇计划是园区经发委印发/);
});

test('a plan told after a question lends its topic to the question after it', async () => {
  const reply = await (await conversation())('两个问题。第一，专场招聘一年几场？第二，我们打算从日本引进一位技术专家，有没有相关的支持？');
  expect(reply.text).toMatch(/1~2场/);
  expect(reply.text).toMatch(/海外人才|聘用意向书|人才对接/);
});

test('a hiring need without a measure named is what a question after it asks about', async () => {
  const reply = await (await conversation())('我们明年打算招三十个销售，园区能提供什么帮助');
  expect(reply.text).toMatch(/专场招聘/);
});

test('"有没有专门的人对接我们" asks for the 服务专员', async () => {
  const reply = await (await conversation())('我们刚评上市级，园区有没有专门的人员跟我们对接');
  expect(reply.text).toMatch(/服务专员/);
});

test('"我们能不能去" asks whether the enterprise may take part', async () => {
  const reply = await (await conversation())('我们只是入库企业，那个企业沙龙我们能不能去');
  expect(reply.text).toMatch(/^可以/);
});

test('a domain word typed in pinyin letters is read as the word', async () => {
  expect((await (await conversation())('shenduzhenduan要收费吗')).text).toMatch(/深度诊断/);
});

test('"X 一句话概括下区别": what is left after how to answer is what is asked; the three tiers compared get all three', async () => {
  const reply = await (await conversation())('一二三类 简单说下区别');
  expect(reply.text).toMatch(/^培育对象分为三类/);
});

test('a full date less than three years ago but in the year before the window: both readings, no flat "不能"', async () => {
  const reply = await (await conversation('2026-12-04T02:00:00Z'))('我们2023年12月20日认定的省级专精特新，资源集约利用评价还能加分吗');
  expect(reply.text).toMatch(/自认定之日起算.*未满三年，可加 2 分/);
  expect(reply.text).not.toMatch(/^不能/);
  // a year alone is read by the year
  expect((await (await conversation('2026-12-04T02:00:00Z'))('我们2023年认定的省级专精特新，资源集约利用评价还能加分吗')).text).toMatch(/^不能/);
});
