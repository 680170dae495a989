/**
 * Written for the tests (not taken from an evaluation set): "X的Y" — a topic's attribute named without a
 * question word — before another question is asked too, not taken as background; a part of a measure
 * named by its own facet and asked its cost gets the honest unlisted answer.
 */
import { conversation } from './conversation';

test('"X的<attribute>" then another question: both are answered', async () => {
  const doc = await (await conversation())('专项行动方案的文号 是哪个部门发的');
  expect(doc.text).toMatch(/苏园经〔2022〕11号/);
  expect(doc.text).toMatch(/经发委/);
  const cost = await (await conversation())('深度诊断的费用 哪些单位负责');
  expect(cost.text).toMatch(/^免费/);
  expect(cost.text).toMatch(/“深度诊断”的责任单位/);
});

test('a part named by its own facet, asked an unlisted aspect, is answered honestly', async () => {
  const reply = await (await conversation())('定制化培训班收费吗');
  expect(reply.text).toMatch(/^抱歉，汇计划未列明“培训辅导”是否收费/);
});

test('"我们公司的产品" names no attribute of a topic: still background', async () => {
  const reply = await (await conversation())('我们公司的产品 主要是医疗器械 深度诊断收费吗');
  expect(reply.text).toMatch(/^免费/);
});

test('an aspect word that only describes what else is asked ("线上的专区叫啥") asks no aspect', async () => {
  const chat = await conversation();
  await chat('配套合作是什么');
  expect((await chat('那个线上的供需专区是依托什么搭的')).text).toMatch(/园易链/);
});
