/**
 * A topic announced before the question ("问个人才的事。") gives way to a measure of it named after; a tier guessed
 * in asking ("算一类吗") and missed is said to be missed first; an honour named before 没有 is told, not asked; the
 * formal register's 作何/起何, today's date as the moment asked of (截至2026年12月7日), whether a measure "纳入适用范围"
 * an enterprise; 由谁提供 of a measure; "其他部分还提到它吗" of what the last question named; north-eastern and
 * Sichuan words. Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a measure named after an announced topic is the one asked about', async () => {
  const reply = await lastReply(DAY, '您好，问个人才方面的事。有位海外博士打算回国，园区能不能优先推荐给我们？我们是市级专精特新');
  expect(reply).toMatch(/人才对接/);
  expect(reply).not.toMatch(/^人才汇（网聚英才）包括/);
});

test('a tier guessed and missed is said to be missed, with what that tier is', async () => {
  expect(await lastReply(DAY, '我们拿了市级专精特新，算一类吗')).toMatch(/^不是一类（一类为[^）]*国家级、省级/);
  expect(await lastReply(DAY, '我们入库培育了，没有荣誉，应该是二类吧')).toMatch(/^不是二类.*属于三类/);
  expect(await lastReply(DAY, '我们是省级专精特新，算一类吧')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '听说省级的只算二类，是这样吗？我们是2025年认定的省级')).not.toMatch(/不是二类（/);
});

test('an honour named before 没有 is told, not asked', async () => {
  const reply = await lastReply(DAY, '我们有瞪羚企业称号，小巨人没有，也没进培育库，属于哪类');
  expect(reply).not.toMatch(/无法解答|没有找到相关内容/);
  expect(reply).toMatch(/三类/);
});

test('the formal register: 作何规定, 起何作用', async () => {
  expect(await lastReply(DAY, '请问《实施方案》“深度诊断”一项原文作何规定？')).toMatch(/专家/);
  expect(await lastReply(DAY, '“企业沙龙”在汇计划中起何作用？')).toMatch(/面对面/);
});

test('today’s date as the moment asked of', async () => {
  const reply = await lastReply(DAY, '我们2024年3月被认定为市级专精特新，截至2026年12月7日是否仍在“近三年内”？');
  expect(reply).toMatch(/在近三年内/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('whether a measure takes in an enterprise, asked formally', async () => {
  expect(await lastReply(DAY, '我们目前仅入库培育，《方案》“专场招聘”是否将培育库企业纳入适用范围？')).toMatch(/^可以参加，三类企业在“专场招聘”的对象之内/);
});

test('由谁提供 of the measure just asked about', async () => {
  expect(await lastReply(DAY, '诊断服务收费不', '由谁提供？')).toMatch(/专家队伍/);
});

test('"其他部分还提到它吗" asks where else the document names what the last question named', async () => {
  expect(await lastReply(DAY, '“经济大脑”在定向服务里是干什么用的？', '方案别的地方还提到它吗')).toMatch(/一张网/);
});

test('north-eastern and Sichuan words', async () => {
  expect(await lastReply(DAY, '企业沙龙是嘎哈的，谁牵头')).toMatch(/面对面/);
  expect(await lastReply(DAY, '专场招聘，啥子企业能参加')).toMatch(/面向“专精特新”企业及培育库企业/);
  expect(await lastReply(DAY, '培训辅导，咋个报名')).toMatch(/线上\+线下/);
});
