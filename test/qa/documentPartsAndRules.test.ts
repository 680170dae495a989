/**
 * The document's parts asked by number, 举措 for measures, the wording of a phrase quoted before the
 * question, the rule asked of every level while our facts are known, a date asked right after the issuer,
 * a claim heard from someone (有同行跟我说…), never having applied for an honour, a friend's company
 * told beside our own, what is inside a measure just named, and a counter's floor or window. Written for
 * the tests, not taken from an evaluation set.
 */
import { splitClauses } from '../../src/nlu/clauses';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a part of the document asked by its number, then another', async () => {
  const ask = await conversation(DAY);
  expect((await ask('实施方案的第二部分主要写了啥')).text).toMatch(/^第二部分为“主要工作”/);
  expect((await ask('那第一部分呢')).text).toMatch(/^第一部分为“总体要求”/);
  expect(await lastReply(DAY, '这份方案总共分成了几大部分')).toMatch(/四个部分/);
});

test('举措 are the measures', async () => {
  expect(await lastReply(DAY, '我们是市级专精特新，今年想招几个博士。写报告时想弄清楚：人才汇里面具体有哪几项举措？')).toMatch(/人才对接、人才申报、专场招聘/);
});

test('the wording of a phrase quoted before the question', async () => {
  expect(await lastReply(DAY, '我们是区级专精特新，明年想冲市级。培训时老师提到方案里有“搭建一个平台、培育一批企业”的提法，原文是怎么写的？')).toMatch(/形成若干集群/);
});

test('the rule asked of every level, though our own facts are known', async () => {
  const text = await lastReply(DAY, '我们2024年评的区级专精特新。资源集约利用评价里各级企业分别是怎么加分的？');
  expect(text).toMatch(/国家级/);
  expect(text).toMatch(/省级/);
});

test('a date asked right after the issuer is the date', async () => {
  expect(await lastReply(DAY, '方案是谁发的？什么时候印发的？')).toMatch(/2022年6月17日/);
});

test('a claim heard from someone is checked; never having applied is no honour', async () => {
  expect(await lastReply(DAY, '我们2025年拿的市级专精特新。有个朋友跟我说市级的评价能加2分，靠谱吗？')).toMatch(/1\s*分/);
  const r = await recognizer();
  expect(r.recognizeSync('我们还没申报过任何专精特新荣誉，算哪一类').entities.noHonour).toBe(true);
});

test("a friend's company told beside our own is not ours", () => {
  const clauses = splitClauses('我一个朋友的公司是省级专精特新，我们公司是区级的，我们能加几分');
  expect(clauses[0].kind).toBe('context');
});

test('what is inside a measure just named', async () => {
  const ask = await conversation(DAY);
  await ask('苗圃计划是干什么的');
  expect((await ask('里面都有哪些服务')).text).toMatch(/苗圃课程/);
});

test("a counter's floor or window is unlisted", async () => {
  expect(await lastReply(DAY, '服务专窗在几楼')).toMatch(/^抱歉，汇计划未列明办公地址/);
});

test('points claimed that the policy does not give are said to be wrong first', async () => {
  expect(await lastReply(DAY, '朋友说市级专精特新在资源集约利用评价里能加2分，对吧？')).toMatch(/^不是加2分。[\s\S]*加\s*1\s*分/);
  expect(await lastReply(DAY, '区级的评价能加1分吗')).not.toMatch(/^不是/);
});
