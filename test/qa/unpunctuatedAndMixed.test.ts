/**
 * Written for the tests (not taken from an evaluation set): a long message typed without punctuation is
 * split before the words that open a clause; honour levels and the evaluation's words in English; hours and
 * classrooms are details the policy does not give; "这些活动" points at what was just answered.
 */
import { conversation } from './conversation';
import { splitClauses } from '../../src/nlu/clauses';

test('a long unpunctuated message is split before the hearsay that opens its question', async () => {
  const text = '我们是做工业传感器的去年从苏州高新区搬过来今年拿了市级专精特新听说园区有个专门帮准备上市企业的计划具体叫什么能享受啥';
  expect(splitClauses(text).map((c) => c.kind)).toEqual(['fact', 'ask']);
  const reply = await (await conversation())(text);
  expect(reply.text).toMatch(/苗圃/);
  // (a short one stays whole)
  expect(splitClauses('听说苗圃计划老板想了解一下').length).toBe(1);
});

test('honour levels and the evaluation\'s words in English', async () => {
  const reply = await (await conversation('2026-12-05T02:00:00Z'))('我们 2024 年拿了 provincial-level 专精特新，资源集约利用评价的 rating 有 upgrade 吗');
  expect(reply.text).toMatch(/加\s*2\s*分/);
});

test('hours of a course and where it is held are not listed', async () => {
  const reply = await (await conversation())('定制化培训班一共多少学时');
  expect(reply.text).toMatch(/未列明/);
});

test('"这些活动" points at what was just answered', async () => {
  const chat = await conversation();
  await chat('专精特新的活动通知一般在哪里发布');
  expect((await chat('那企业通过什么方式参加这些活动呢')).text).toMatch(/线上\+线下/);
});
