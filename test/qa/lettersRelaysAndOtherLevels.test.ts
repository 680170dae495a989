/**
 * Round 132: a letter's numbered background ("一、…有限公司…；二、二〇二四年获评…") asks nothing, and another honour's
 * title ("苏州市守合同重信用企业称号") is no 专精特新; a year typed "二0二四年"; "可享受" is 可以享受; "老板问…" passes the
 * boss's question on; "是那个单位在办的" asks who; an honour told after 请问 is a fact ("有拿到区级的，今年3月又升上
 * 省级了"); "园区有个啥评价" heard is no question; "还有其他级别的呢" asks the last measure for every level; "那23年的
 * 国家级小巨人呢" follows up with a two-digit year; "属于哪一项措施" asks which measure, not our class.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';
import { splitClauses } from '../../src/nlu/clauses';

const DAY = '2026-12-07T02:00:00Z';

test('a letter’s numbered background is facts; another honour’s title is not 专精特新', async () => {
  const letter = '贵中心：\n一、苏州某精密机械有限公司，成立于二〇一一年，现有职工二百三十余人；\n二、二〇二四年获评江苏省专精特新中小企业，二〇二〇年获苏州市“守合同重信用”企业称号；\n兹询问：今年综合评价中，我司可获得何种加分支持？';
  expect(splitClauses(letter).filter((c) => c.kind === 'ask')).toHaveLength(1);
  const reply = await lastReply(DAY, letter);
  expect(reply).toMatch(/^可以，加 2 分/);
  expect(reply).not.toMatch(/市级|无法解答/);
});

test('a year typed with mixed digits, and 可享受', async () => {
  const reply = await lastReply(DAY, '兹询问：我顾问的一家企业于二0二四年七月获评国家级专精特新“小巨人”，今年参加资源集约利用综合评价，可享受什么支持？');
  expect(reply).toMatch(/评级提升 1 级/);
});

test('the boss’s question passed on, and 那 typed for 哪 before who runs it', async () => {
  expect(await lastReply(DAY, '老板问金鸡胡人才计划我们专经特新企业能报不')).toMatch(/金鸡湖/);
  expect(await lastReply(DAY, '专精特新企业沙龙是那个单位在办的啊')).toMatch(/经发委|企服中心/);
});

test('honours told after 请问, the later one dated by 今年3月', async () => {
  const reply = await lastReply(DAY, '请问客户2022年有拿到区级的，今年3月又升上省级了，今年资源集约利用评价可以加几分？');
  expect(reply).toMatch(/^可以，加 2 分：2026年认定的省级/);
  expect(reply).not.toMatch(/无法解答/);
});

test('what was heard "有个啥…" asks nothing; the question after it takes its topic', async () => {
  const reply = await lastReply(DAY, '我们公司2025年评上了省级专精特新 老板说听别的老板讲园区有个啥资源集约利用评价 专精特新能加分 让我问问我们这种能加几分');
  expect(reply).toMatch(/^可以，加 2 分/);
});

test('"还有其他级别的呢" and a two-digit year follow the last measure', async () => {
  expect(await lastReply(DAY, '省级专精特新在资源集约利用评价加几分？', '还有其他级别的呢？')).toMatch(/国家级企业评级提升 1 级[^\n]*市级和区级企业加 1 分/);
  expect(await lastReply(DAY, '我们19年评的省级专精特新，今年资源集约利用评价还能加分吗', '那23年的国家级小巨人呢')).toMatch(/^不能。2023年认定的国家级/);
});

test('"属于哪一项措施" asks which measure, not our class', async () => {
  const r = await recognizer();
  const said = await r.recognize('我们是市级专精特新。想多认识上下游的厂商，汇计划有没有这类对接活动？是属于哪一项措施？');
  expect((said.frame?.questions ?? [said]).some((q) => q.intent === 'which_tier' || q.candidates[0]?.id === 'tiers.classification')).toBe(false);
});
