/**
 * Round 131b: "人才方面呢" after another measure asks of that field's 汇, keeping the aspect; the three-year plan's
 * period is over (2021—2023), said when asked whether it still runs; "园区对…有啥支持" after our background asks of
 * the thing named, not what we may get in general.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('a field alone, elliptical, replaces the last topic and keeps its aspect', async () => {
  expect(await lastReply(DAY, '深度诊断谁负责？', '人才方面呢？')).toMatch(/^“人才汇”的责任单位/);
  expect(await lastReply(DAY, '资源集约利用评价能加几分？', '那金融这块呢')).toMatch(/金融汇/);
});

test('the three-year plan’s period is over', async () => {
  const reply = await lastReply(DAY, '三年行动计划现在还在期内吗');
  expect(reply).toMatch(/2021—2023年，期限已届满（2023年底结束）/);
});

test('what the park does for a thing named, after our background, is that thing', async () => {
  const text = '我们公司2019年成立，做软件外包，25人。计划先申报园区区级专精特新，评上以后再往市级、省级冲。园区对后面申报更高级别的荣誉有啥支持吗';
  const r = await recognizer();
  expect((await r.recognize(text)).intent).toBe('policy_question');
  expect(await lastReply(DAY, text)).toMatch(/^园区优先推荐/);
});
