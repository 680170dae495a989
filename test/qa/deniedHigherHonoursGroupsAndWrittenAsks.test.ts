/**
 * Round 131: "尚无省级及以上荣誉" denies the honours it names; a subsidiary of a big group is not itself large (and
 * "算不算中小企业" asks it); the written register's "文号为何" asks what, and "何时、由何单位印发" shares its verb;
 * "新来了几个管理层" tells, "想让大家学学…怎么做、荣誉怎么申报" is what is to be learnt; "往市级、省级冲" is a goal.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('尚无 / 暂无 before honours denies them', async () => {
  const reply = await lastReply(DAY, '客户企业2025年获评苏州市级专精特新（尚无省级及以上荣誉），按方案应属哪一类？');
  expect(reply).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '我们是区级专精特新，暂无市级荣誉，算几类')).toMatch(/^属于二类/);
});

test('a big group’s subsidiary is not told large; whether it counts as an SME is honestly not given', async () => {
  const r = await recognizer();
  expect((await r.recognize('我们公司是一家大集团控股的子公司，算不算中小企业，能参加汇计划吗')).entities.large).not.toBe(true);
  expect((await r.recognize('我们是做精密件的，是不是中小企业我也不清楚')).entities.large).not.toBe(true);
  const reply = await lastReply(DAY, '我们公司是一家大集团控股的子公司，算不算中小企业，能参加汇计划吗');
  expect(reply).not.toMatch(/贵企业为大型企业|大型企业不属于培育对象。贵企业/);
  expect(reply).toMatch(/未列明|未说明/);
});

test('the written register: 为何 ending a clause asks what; a verb said once is each question’s', async () => {
  const reply = await lastReply(DAY, '该方案系何时、由何单位印发？文号为何？');
  expect(reply).toMatch(/苏园经〔2022〕11号/);
  expect(reply).toMatch(/经发委|经济发展委员会/);
  expect(reply).toMatch(/2022年6月/);
  expect(reply).not.toMatch(/原因/);
});

test('background with a few people and what the boss wants learnt asks nothing; the question after it is answered', async () => {
  const r = await recognizer();
  const said = await r.recognize('我们是食品检测公司，70人，2024年评了区级专精特新。现在新来了几个管理层，老板想让大家系统学学“专精特新”怎么做、荣誉怎么申报 汇计划有培训吗？');
  expect((said.frame?.questions ?? [said]).map((q) => q.topics?.[0])).toEqual(['svc.training']);
});

test('honours aimed at on the way up are not held', async () => {
  const r = await recognizer();
  const said = await r.recognize('计划先申报园区区级专精特新，评上以后再往市级、省级冲。园区对申报更高级别荣誉有啥支持');
  expect(said.entities.honourLevels ?? []).toEqual([]);
});
