/**
 * What one gets once in a measure asked after it, a weak question best matched by the topic just answered,
 * details the policy never gives (where a counter is, which day, how many working days), two items asked
 * whether they are one, levels compared after a measure question, statements holding question words, a
 * plan's purpose, 有…没 and V不V questions, the counterpart asked of the last topic, northern 俺, a part
 * named as a topic, and a correction that denies the old value. Written for the tests, not taken from an
 * evaluation set.
 */
import { newValueSaid } from '../../dialogs/activities/prompts';
import { splitClauses } from '../../src/nlu/clauses';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('once in the measure just asked about: what it offers, across turns and in one message', async () => {
  const ask = await conversation(DAY);
  await ask('苗圃计划主要针对谁');
  expect((await ask('入选之后能享受什么')).text).toMatch(/苗圃课程/);
  expect(await lastReply(DAY, '苗圃计划什么企业可以进 进了以后有啥')).toMatch(/苗圃课程/);
});

test('a short question matched weakly, best by the topic just answered, asks on of it', async () => {
  const ask = await conversation(DAY);
  await ask('海外人才想回国，园区怎么对接');
  expect((await ask('我们市级的也能被优先推荐不')).text).toMatch(/国家级、省级/);
});

test("where a counter is, which day, how many working days: the policy does not say", async () => {
  expect(await lastReply(DAY, '服务专窗位于什么地方')).toMatch(/^抱歉，汇计划未列明办公地址/);
  expect(await lastReply(DAY, '企业沙龙下一期是哪一天')).toMatch(/未列明/);
  expect(await lastReply(DAY, '走保护中心的话专利审查周期能缩短多少天')).toMatch(/^抱歉，汇计划未列明办理的具体时限/);
});

test('two items asked whether they are one: no, then each', async () => {
  const text = await lastReply(DAY, '标杆学习和企业沙龙是同一个活动吗');
  expect(text).toMatch(/^不是一回事/);
  expect(text).toMatch(/标杆/);
  expect(text).toMatch(/沙龙/);
});

test('levels compared right after a measure question ask of the measure, not of the tiers', async () => {
  const text = await lastReply(DAY, '资源集约利用评价省级能加几分？那市级跟区级加的是一样的吗？');
  expect(text).toMatch(/市级和区级一样/);
  expect(text).not.toMatch(/同属二类/);
  expect(await lastReply(DAY, '区级和市级的加分一样吗')).toMatch(/^市级和区级一样|^区级和市级一样/);
});

test('statements holding question words are told, not asked', () => {
  const kinds = (text: string) => splitClauses(text).map((c) => c.kind);
  expect(kinds('这几年订单一年比一年少，我们想找专家看看，有这种服务吗')[0]).not.toBe('ask');
  expect(kinds('干了这么多年都是摸着石头过河，园区有培训吗')[0]).not.toBe('ask');
  expect(kinds('我们正和几家高校谈合作，汇计划有支持吗')[0]).not.toBe('ask');
  expect(kinds('我也说不清问题出在哪，有没有人能帮忙诊断一下')[0]).not.toBe('ask');
});

test("a plan's purpose belongs to the plan; 有…没 and V不V ask", async () => {
  expect(await lastReply(DAY, '我们想去看看同行优秀企业是怎么做的 学习学习人家的经验 园区有这种活动没')).toMatch(/标杆/);
  expect(splitClauses('智改数转这块园区管不管').map((c) => c.kind)).toContain('ask');
});

test('a way asked as 有渠道吗 after a need', async () => {
  expect(await lastReply(DAY, '我们想给新产品做个工业设计，有渠道吗？')).toMatch(/公共服务平台/);
});

test('the counterpart asked of the last topic, and in the question itself', async () => {
  const ask = await conversation(DAY);
  await ask('专利这块能帮什么');
  expect((await ask('对接的是哪个机构呀')).text).toMatch(/国家知识产权保护中心/);
  expect(await lastReply(DAY, '知识产权申报跟哪个单位对接')).toMatch(/国家知识产权保护中心/);
});

test('northern 俺 signs up like 我; a part named with 这块 is the topic, not a fact', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('俺想报名那个企业沙龙').intent).toBe('sign_up');
  expect(r.recognizeSync('俺要给工厂报个培训').intent).toBe('sign_up');
  expect(splitClauses('我们知识产权这块，归哪个部门管')[0].kind).toBe('context');
});

test('a correction denying the old value takes the new one', () => {
  expect(newValueSaid('contactName', '联系人写错了，不是王刚，应该是王钢')).toBe('王钢');
  expect(newValueSaid('mobile', '手机号不是13900001111，是13900002222')).toBe('13900002222');
});
