/**
 * Round 128: 这些 after questions points at what they asked, not at the background before them; things summed up
 * by 这些 head the question after them; "对国家级、省级企业有什么特别的吗" asks the last topic for those honours;
 * of two measures a background names, the one after the wanting verb is wanted (海归博士想申报金鸡湖人才计划);
 * 啥人 whose 人 begins 人才 is no dialect 谁; "有什么能用的" in a 汇 is what we may get there; a may-we verdict says
 * which measure the thing asked of belongs to; a loan’s rate and limit are said not given; who is responsible asks no honour.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('这些活动 after two questions asks of them, not of the background before them', async () => {
  const reply = await lastReply(DAY, '我们公司2023年评上了区级专精特新，想把管理水平提升一下。请教三个问题：一、标杆学习是做什么的？二、企业沙龙主要做什么？三、这些活动企业怎么报名？');
  expect(reply).toMatch(/沙龙/);
  expect(reply).toMatch(/线上\+线下/);
  expect(reply).not.toMatch(/加 1 分/);
});

test('things summed up by 这些 head the question after them', async () => {
  const reply = await lastReply(DAY, '请问标杆学习和企业沙龙这些活动，我们企业要怎么报名？');
  expect(reply).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
});

test('对 some honours, 有什么特别的: the last topic asked for them', async () => {
  expect(await lastReply(DAY, '人才申报是什么', '对省级企业有什么特殊的吗')).toMatch(/^有。[^。]*重点辅导/);
});

test('of two measures a background names, the one wanted after the verb', async () => {
  const reply = await lastReply(DAY, '我们是省级专精特新，有两位海归工程师打算申报金鸡湖人才计划，这方面能给什么支持？');
  expect(reply).toMatch(/人才申报/);
  expect(reply).not.toMatch(/^[^。]*人才对接/);
});

test('啥人 before 才 is 啥 + 人才, no dialect 谁', async () => {
  expect(await lastReply(DAY, '那还有啥人才方面的支持')).toMatch(/人才汇/);
});

test('what is usable in a 汇, asked by an enterprise that told its honour, is what it may get there', async () => {
  const r = await recognizer();
  const [asked] = (await r.recognize('我们2025年评的区级专精特新，现金流比较紧，金融汇有哪些我们用得上的？')).frame?.questions ?? [];
  expect(asked?.intent).toBe('what_support');
  expect(asked?.candidates[0]?.id).toBe('hui.finance');
});

test('a may-we verdict names the measure the thing asked of belongs to', async () => {
  const reply = await lastReply(DAY, '我们还只是培育库企业，金鸡湖人才计划的政策宣讲能去听吗');
  expect(reply).toMatch(/^可以/);
  expect(reply).toMatch(/见于“人才申报”/);
});

test('a loan’s rate and limit are not given, and who to ask is', async () => {
  const reply = await lastReply(DAY, '专精特新贷的贷款利率是多少，最高能贷多少');
  expect(reply).toMatch(/^方案未列明“专精特新贷”的利率、额度/);
  expect(reply).toMatch(/金融局咨询/);
});

test('who is responsible is the same at every level: our honour is not asked for it', async () => {
  const reply = await lastReply(DAY, '我们打算从海外引进两位专家，这个对接是哪些部门负责的');
  expect(reply).toMatch(/组织部/);
  expect(reply).not.toMatch(/哪一级/);
});
