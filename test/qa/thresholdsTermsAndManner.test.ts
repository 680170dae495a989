/**
 * How to explain before what to explain ("一句话概括…", "用大白话给读者讲讲…"), terms quoted or described, things announced
 * before they are asked, a figure of the enterprise held against a threshold the policy never sets, the class of a product
 * (三类医疗器械) that is no tier, an enterprise described by its standing after a topic, a question someone else asked
 * us, and an aspect word said only as an attribute of what is named. Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('how to explain something is no part of what is asked', async () => {
  expect(await lastReply(DAY, '简单概括一下汇计划')).toMatch(/^汇计划是/);
  expect(await lastReply(DAY, '麻烦用大白话给读者讲讲专场招聘一年办几场')).toMatch(/1~2场/);
  expect(await lastReply(DAY, '用一两句话说明下汇计划一共几个汇')).toMatch(/五个汇/);
});

test('a term in single quotation marks, and a term described', async () => {
  expect(await lastReply(DAY, '汇计划里面有几个‘汇’')).toMatch(/五个汇/);
  expect(await lastReply(DAY, '方案对小巨人是怎么定义的')).toMatch(/主营业务突出/);
  const both = await lastReply(DAY, '有两个名词想请你解释一下：培育库企业指什么？方案里小巨人怎么描述的？');
  expect(both).toMatch(/入库培育企业[\s\S]*主营业务突出/);
  expect(both).not.toMatch(/没有相关内容|属于一类/);
});

test('who carries out the programme beside the lead', async () => {
  expect(await lastReply(DAY, '专项行动由谁协同实施')).toMatch(/^企服中心协同实施/);
});

test('a figure of the enterprise held against a threshold the policy never sets', async () => {
  expect(await lastReply(DAY, '年营收才两千万够不够')).toMatch(/^抱歉，汇计划未列明对企业营收、员工人数[\s\S]*量化门槛/);
  expect(await lastReply(DAY, '专利数量有要求吗')).toMatch(/量化门槛/);
  const salon = await lastReply(DAY, '我们员工人数不到30，能参加企业沙龙吗');
  expect(salon).toMatch(/量化门槛[\s\S]*沙龙/);
  // (A small figure conceded, then whether we may: one question of that figure, after a topic too.)
  expect(await lastReply(DAY, '深度诊断要钱吗', '我们才二十几个人，也能做吗')).toMatch(/量化门槛/);
  expect(await lastReply(DAY, '公司研发投入占比5%，能进培育库吗')).toMatch(/^抱歉，汇计划未列明入库培育的具体条件/);
  // (Asked which tier, the tier is answered; other words of a figure are no threshold asked.)
  expect(await lastReply(DAY, '我们营收一个亿，在培育库里，属于几类')).toMatch(/^属于三类/);
  expect(await lastReply(DAY, '员工出差的报销标准定多少合适')).not.toMatch(/量化门槛/);
});

test('how to sign up, asked before the request itself, is the request; after a wish it is asked', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('专精特新培训班在哪报名？我来替他们报一下')).intent).toBe('sign_up');
  expect((await r.recognize('企业沙龙是什么？我想去，怎么报名')).intent).not.toBe('sign_up');
});

test('the class of a medical device or a licence is no tier', async () => {
  expect(await lastReply(DAY, '我们生产二类医疗器械，2026年评上区级专精特新，属于哪类')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '我们做三类器械的，还在培育库里，算几类')).toMatch(/^属于三类/);
  const r = await createRecognizer();
  expect((await r.recognize('三类医疗器械注册证怎么办理')).normalized).not.toContain('三类');
});

test('an enterprise described by its standing asks of the topic just talked about', async () => {
  expect(await lastReply(DAY, '企业沙龙一般聊什么', '那还没拿过称号、只进了培育库的企业能参加吗')).toMatch(/^可以参加[\s\S]*沙龙/);
});

test('a question someone else asked us is asked all the same', async () => {
  expect(await lastReply(DAY, '我们今年拿了市级专精特新。集团法务问我园区对首次认定的企业有没有配套的支持，我想核实一下方案原文')).toMatch(/^对首次认定[\s\S]*奖补/);
});

test('an aspect word said only as an attribute of what is named asks nothing beside another aspect', async () => {
  expect(await lastReply(DAY, '免费的深度诊断一年能做几次')).toMatch(/未列明[\s\S]*频次/);
  expect(await lastReply(DAY, '深度诊断收费吗')).toMatch(/^免费/);
});

test('Taiwan usage: the particle 喔, 这样子, 数位, and the words as written on the mainland', async () => {
  expect(await lastReply(DAY, '苗圃计划谁负责喔？')).toMatch(/金融局/);
  expect(await lastReply(DAY, '园区对数位转型有支持吗')).toMatch(/智改数转/);
  expect(await lastReply(DAY, '人才申报有什么服务', '我们是市级的专精特新，这样子也适用吗')).toMatch(/金鸡湖人才计划/);
});

test('this year in brackets after "now" tells no year', async () => {
  expect(await lastReply(DAY, '我们2020年评上省级专精特新，目前（2026年）还算一类吗')).toMatch(/^属于一类/);
});

test('a polite request to be signed up after the wish is the request', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('我们想参加企业沙龙，麻烦帮我们登记一下好吗')).intent).toBe('sign_up');
  expect((await r.recognize('你能帮我登记一下吗')).intent).not.toBe('sign_up');
});

test('a character picked by its shape in a longer domain word is read as the word; words of the language stay', async () => {
  const r = await createRecognizer();
  const read = async (text: string) => (await r.recognize(text)).normalized;
  expect(await read('专场招骋一年几场')).toContain('专场招聘');
  expect(await read('标杵学习是什么活动')).toContain('标杆学习');
  expect(await read('资源集钓利用评价加几分')).toContain('资源集约利用');
  // (Not a word the characters make with their neighbours, a common character, a question word, or a phrase of common characters.)
  expect(await read('项目申请有辅导吗')).toContain('项目申请');
  expect(await read('我们2023年1月拿的国家级小巨人')).toContain('拿的国家级');
  expect(await read('听人说资源集约利用评价只给国家级')).toContain('听人说');
  expect(await read('培育对象分哪三类')).toContain('分哪三类');
  expect(await read('有没有快一点的路子')).toContain('快一点');
  expect(await lastReply(DAY, '深度诊继是什么服务')).toMatch(/专家/);
});
