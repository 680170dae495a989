/**
 * Round 130: 额 typed by voice for 的 (Wu speech), not in 名额/额度/额外; 咋参加 asks how to take part; "政府有没有培训"
 * asks what the programme has; "有人辅导不" after a plan asks of the plan's measure; "先介绍下我们公司" introduces, it
 * asks nothing.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('额 for 的 in voice-typed Wu speech, not in 名额 or 额度', async () => {
  expect(await lastReply(DAY, '准备上市额企业园区有啥帮忙', '哪个部门负责额')).toMatch(/金融局/);
  expect(await lastReply(DAY, '专精特新贷的额度是多少')).toMatch(/未列明/);
});

test('咋参加 asks how to take part', async () => {
  expect(await lastReply(DAY, '企业沙笼咋参加')).toMatch(/报名或预约/);
});

test('whether the government offers something is what the programme has, not a listing', async () => {
  const r = await recognizer();
  expect((await r.recognize('我想让管理层学学怎么管厂，政府有没有培训的')).intent).toBe('policy_question');
  expect((await r.recognize('园区最近有培训吗')).intent).toBe('list_activities');
});

test('"有人辅导不" after a plan asks of the plan’s measure', async () => {
  expect(await lastReply(DAY, '公司是省级专精特新 研发部有同事想报金鸡湖人才计划 园区有人辅导不')).toMatch(/重点辅导/);
});

test('"先介绍下我们公司" introduces, it asks nothing', async () => {
  const reply = await lastReply(DAY, '先介绍下我们公司：做传感器的，60人，2025年市级专精特新。我们能参加专场招聘吗');
  expect(reply).not.toMatch(/汇计划是园区经发委印发/);
  expect(reply).toMatch(/^可以/);
});

test('round 130b: 平价 typed for 评价 where this year’s round of it is asked', async () => {
  expect(await lastReply(DAY, '我们2021年评的市级专精特新 今年这次平价还能加分吗')).toMatch(/^不能/);
});
