/**
 * Round 134c (from batch d3's tuned half, a foreign general manager typing English around the programme's words): the
 * English glossary of knowledge/nlu/synonyms.yaml reads who does what ("which units are responsible", "who is
 * leading"), what is asked of a measure ("do we have to pay for it", "per year") and the measures' own words (bank loan,
 * patents, recruiting) as their Chinese; the answers stay in Chinese, from the knowledge.
 * Round 134c, from the same half: "为啥是二类不是一类" says what 一类 is too; "我们孵化的几家企业" tells a few of ours, it
 * asks no number.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('who does what, asked in English', async () => {
  expect(await lastReply(DAY, 'which units are responsible for 人才对接?')).toMatch(/责任单位/);
  expect(await lastReply(DAY, 'who is leading the 汇计划?')).toMatch(/经发委/);
});

test('what is asked of a measure, in English', async () => {
  expect(await lastReply(DAY, 'what is the 深度诊断?', 'do we have to pay for it?')).toMatch(/免费/);
  expect(await lastReply(DAY, 'how many 专精特新 job fairs per year?')).toMatch(/1~2场/);
});

test('the measures named in English', async () => {
  expect(await lastReply(DAY, 'Is there some special bank loan for 专精特新 companies in the 汇计划?')).toMatch(/风险补偿|贴息/);
  expect(await lastReply(DAY, 'What does the 汇计划 offer for patents?')).toMatch(/知识产权/);
});

test('"为啥是二类不是一类" says what the other tier is', async () => {
  const reply = await lastReply(DAY, '我们是市级专精特新 为啥是二类不是一类啊');
  expect(reply).toMatch(/^属于二类/);
  expect(reply).toMatch(/一类为获得国家级、省级/);
});

test('"我们孵化的几家企业" tells a few of ours', async () => {
  const reply = await lastReply(DAY, '我们孵化的几家企业分布在园区不同的功能区，其中一家2024年获评区级专精特新。烦请问“专精特新”服务专员是由哪个单位明确的？');
  expect(reply).not.toMatch(/未列明具体的企业数量/);
  expect(reply).toMatch(/功能区/);
});
