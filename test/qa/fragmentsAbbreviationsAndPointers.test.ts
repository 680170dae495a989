/**
 * Messages typed in fragments ("苗圃计划 是啥 能享受啥 谁管", "… 一起发我下"), shorthand honours (市专精, 省专精),
 * the enterprise's own introduction named, "那个沙龙" naming a topic rather than pointing back, what others
 * keep asking the writer, a tier asked whether it can be recommended, priority asked of honours in a
 * follow-up, and kinds of activity named at a subscription's confirmation.
 * Written for the tests, not taken from an evaluation set.
 */
import { typesOnly } from '../../dialogs/subscription/subscribeDialog';
import { recognizer } from '../nlu/fixture';
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a topic named, then several short questions in fragments: each asked of it', async () => {
  const reply = await lastReply(DAY, '上市培育 是啥 谁负责');
  expect(reply).toMatch(/苗圃/);
  expect(reply).toMatch(/金融局/);
  const all = await lastReply(DAY, '汇计划 发文单位 文号 一并告诉我');
  expect(all).toMatch(/经发委/);
  expect(all).toMatch(/苏园经〔2022〕11号/);
  // (What one gets of a measure just named, asked of no enterprise, is what it offers.)
  expect(await lastReply(DAY, '深度诊断 能享受啥')).toMatch(/诊断服务/);
  expect(await lastReply(DAY, '服务专员 谁来定')).toMatch(/各功能区及苏相合作区/);
});

test('shorthand honours and the enterprise’s own introduction', async () => {
  expect(await lastReply(DAY, '25年拿的区专精 算几类')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '省专精 2026年的 几类')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '我们2026年评上区级专精特新，要更新企业简介，想问下在汇计划里属于第几类？')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '专精贷 谁负责')).toMatch(/金融局/);
});

test('"那个沙龙" names the salon; "那个服务" still points back', async () => {
  expect(await lastReply(DAY, '深度诊断 要钱吗', '那个沙龙呢 也免费？')).toMatch(/“企业沙龙”是否收费/);
  expect(await lastReply(DAY, '深度诊断要钱吗', '那个服务谁来做')).toMatch(/专家队伍/);
});

test('what others keep asking the writer is background to the writer’s own question', async () => {
  expect(await lastReply(DAY, '我们是一家做精密模具的企业，员工300人，2021年入选省级专精特新。员工经常问我园区有什么政策，我们人事部也想和政府部门面对面谈谈用工方面的困难，园区有没有这种交流活动？')).toMatch(/^根据产业行业类别[^\n]*沙龙/);
});

test('a tier asked whether it is recommended, and priority asked of honours in a follow-up', async () => {
  expect(await lastReply(DAY, '海外人才对接是怎么运作的', '三类企业能被优先推荐吗')).toMatch(/三类企业不在优先列/);
  expect(await lastReply(DAY, '人才申报有什么支持', '那国家级 省级 有没有特别照顾')).toMatch(/重点辅导/);
  expect(await lastReply(DAY, '准备上市的企业有啥服务', '还有吗 融资那块')).toMatch(/风险补偿|贴息/);
});

test('the other questions of this round', async () => {
  expect(await lastReply(DAY, '国家级专精特新在资源集约利用评价里有什么支持', '对认定时间有要求吗')).toMatch(/近三年/);
  expect(await lastReply(DAY, '我刚到功能区工作，请问年假怎么休')).toMatch(/^抱歉/);
  const r = await recognizer();
  expect((await r.recognize('沙龙 报个名 老板要去')).intent).toBe('sign_up');
});

test('kinds of activity named at a subscription’s confirmation', () => {
  expect(typesOnly('招聘会和培训')).toEqual(['training', 'jobfair']);
  expect(typesOnly('沙龙的就行吧')).toBeUndefined();
  expect(typesOnly('沙龙的')).toEqual(['salon']);
  expect(typesOnly('培训收费吗')).toBeUndefined();
});

test('questions and requests in simple English around the programme’s words', async () => {
  expect(await lastReply(DAY, 'What does 人才汇 include?')).toMatch(/^人才汇[^\n]*包括/);
  expect(await lastReply(DAY, 'who is responsible for 深度诊断')).toMatch(/^“深度诊断”的责任单位/);
  expect(await lastReply(DAY, 'how often is the 企业沙龙 held')).toMatch(/分批分次/);
  expect(await lastReply(DAY, 'what are the conditions for 入库')).toMatch(/入库培育的具体条件/);
  const r = await recognizer();
  expect((await r.recognize('I would like to register for the training')).intent).toBe('sign_up');
  expect((await r.recognize('please subscribe me to notifications')).intent).toBe('subscribe');
  expect((await r.recognize('can I talk to a real person')).intent).toBe('handoff');
  // ("A公司" keeps its letter; an English word inside Chinese stays when it names nothing of ours.)
  expect(await lastReply(DAY, 'A公司2025年评上省级专精特新，B公司2026年评上区级，分别属于哪一类')).toMatch(/^A公司：属于一类。\nB公司：属于二类。/);
});
