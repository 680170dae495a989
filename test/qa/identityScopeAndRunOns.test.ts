/**
 * Whether the assistant is a person asked beside a real question (no hand-off: the question is answered), the
 * programme's scope for forms it does not name (个体户, 分公司), a question run on into what it means ("…的呢就是…"),
 * words that name the programme only without another topic (主要内容), a word that names a tier only inside a way
 * of asking whom (哪些级别的企业), "定期" as all the policy says of how often, whom an enterprise contacts, and a
 * domain term misheard in its first word (只是产权). Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('asked whether it is a person, beside a question: the question is answered, no hand-off', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('你是真人还是机器人？深度诊断收费吗')).intent).toBe('policy_question');
  expect((await r.recognize('您是人工客服吗，专场招聘一年几场')).intent).toBe('policy_question');
  expect((await r.recognize('我要转人工')).intent).toBe('handoff');
  expect(await lastReply(DAY, '先问下你是机器人吧？我们2025年评的市级专精特新，资源集约利用评价能加几分')).toMatch(/^可以，加 ?1 ?分/);
});

test('forms of enterprise the policy does not name: said so, with whom it is for', async () => {
  expect(await lastReply(DAY, '个体工商户能参加吗')).toMatch(/^抱歉，汇计划未列明个体工商户能否参加；培育对象为中小企业/);
  expect(await lastReply(DAY, '我们是分公司，能申请入库吗')).toMatch(/未[^\n]*集团下属企业/);
});

test('a question run on into what it means', async () => {
  expect(await lastReply(DAY, '企业沙龙是怎么个开法的就是大家坐一起聊吗')).toMatch(/政企面对面/);
  expect(await lastReply(DAY, '我们2025年评的省级，资源集约利用评价加几分', '那市级的呢就是我们兄弟公司是2026年评的市级')).toMatch(/^可以，加 ?1 ?分：2026年认定的市级/);
});

test('words naming the programme only without another topic ask of the one just named', async () => {
  expect(await lastReply(DAY, '标杆学习是什么', '主要内容是什么')).toMatch(/现场看、标杆讲/);
  expect(await lastReply(DAY, '标杆学习是什么', '汇计划的主要内容是什么')).toMatch(/^汇计划是/);
  const reply = await lastReply(DAY, '培训辅导谁负责？主要内容是什么？');
  expect(reply).toMatch(/“培训辅导”的责任单位[\s\S]*定制化培训班/);
});

test('a tier word inside a way of asking whom names no tier', async () => {
  expect(await lastReply(DAY, '人才对接是什么', '什么级别的企业能被优先推荐')).toMatch(/国家级、省级/);
});

test('"定期" is all the policy says of how often; whom an enterprise contacts', async () => {
  expect(await lastReply(DAY, '服务专员多久来走访一次')).toMatch(/定期联系走访[\s\S]*方案未规定具体频次/);
  expect(await lastReply(DAY, '企业平时找谁对接')).toMatch(/服务专窗|服务专员/);
});

test('a domain term misheard in its first word, but not a word of its own at its end', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('企业的只是产权申报有啥帮助')).normalized).toContain('知识产权');
  expect((await r.recognize('每年要申请十几个专利')).normalized).toContain('十几');
});

test('an enterprise settling in the park is in scope; a person\'s household registration is not', async () => {
  expect(await lastReply(DAY, '有家企业明年落户园区，2025年评的市级专精特新，落户后资源集约利用评价能加几分')).toMatch(/加 ?1 ?分/);
  expect(await lastReply(DAY, '刚落户的企业先找谁')).toMatch(/服务专窗|服务专员/);
  expect(await lastReply(DAY, '人才落户需要什么条件')).toMatch(/^抱歉/);
  expect(await lastReply(DAY, '社保问题找谁')).toMatch(/^抱歉/);
});

test('questions labelled Q1:, 问题2：: the labels ask nothing and part the questions', async () => {
  expect(await lastReply(DAY, 'Q1: 汇计划的牵头单位是谁，confirm下')).toMatch(/^由经发委牵头/);
  const reply = await lastReply(DAY, '问题1：企业沙龙多久办一次？问题2：责任单位是哪个？');
  expect(reply).toMatch(/分批分次[\s\S]*“企业沙龙”的责任单位/);
});
