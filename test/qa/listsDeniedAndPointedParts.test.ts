/**
 * A denial reaching every honour of a list, aspect follow-ups in the last topic's own words, "分别叫什么"
 * after a 汇, modifiers inside a part's cue, "有几件…一直卡在" told not asked, a 汇 named by its part when
 * the need told before is one of its measures, "园区能给我们哪些支持", a measure's name holding a fact word,
 * a claim made of us checked, a sign-up for the company by activity, and whether the list just answered
 * holds something. Written for the tests, not taken from an evaluation set.
 */
import { splitClauses } from '../../src/nlu/clauses';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a denial before a list of honours denies each of them', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('我们去年评了区级，没评上市级和省级，算几类').entities.honourLevels).toEqual(['district']);
  expect(r.recognizeSync('客户2025年拿了市级，尚未获得省级、国家级，属于哪类').entities.honourLevels).toEqual(['city']);
  // (Held honours listed the same way stay held.)
  expect(r.recognizeSync('我们有省级和国家级').entities.honourLevels).toEqual(['national', 'provincial']);
  expect(await lastReply(DAY, '那家企业2025年评上区级，没有市级和国家级，它属于第几类？')).toMatch(/^属于二类/);
});

test("an aspect asked in the last topic's own words, or with a verb of carrying out, is of that topic", async () => {
  const ask = await conversation(DAY);
  await ask('园易链的供需专区是干嘛的');
  expect((await ask('这个专区是谁负责搭建的')).text).toMatch(/责任单位：经发委/);
  const other = await conversation(DAY);
  await other('标杆学习是什么');
  expect((await other('由谁推动')).text).toMatch(/责任单位/);
});

test('"分别叫什么" after a 汇 names its measures', async () => {
  const ask = await conversation(DAY);
  await ask('技术汇有几项？');
  expect((await ask('分别叫啥')).text).toMatch(/技术汇[\s\S]*三项/);
});

test("a modifier inside a part's cue does not hide it, and the part asked makes the item clear", async () => {
  expect(await lastReply(DAY, '整个方案底下一共列了多少项具体措施')).toMatch(/十六项措施/);
});

test('"有几件…一直卡在…" tells of a problem; the question after it asks of that', async () => {
  const clauses = splitClauses('我们有几件实用新型一直卡在审查，拖了一年多，园区能帮忙吗');
  expect(clauses[0].kind).not.toBe('ask');
  expect(await lastReply(DAY, '我们有几件实用新型一直卡在审查，拖了一年多，园区能帮忙吗')).toMatch(/知识产权/);
});

test('a 汇 named by its part, after a need that is one of its measures, asks of that measure', async () => {
  expect(await lastReply(DAY, '我们是省级专精特新，有个在德国的工程师有意向回来发展，你们在人才这一块有什么安排')).toMatch(/海外人才|意向书/);
  expect(await lastReply(DAY, '我们是市级专精特新，公司有个在日本的博士愿意回国来我们这，园区的人才计划对这样的情况有啥支持')).toMatch(/海外人才|意向书/);
});

test('"园区能给我们哪些支持" asks what we may get', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('园区可以为我们提供什么样的帮助').intent).toBe('what_support');
  expect(r.recognizeSync('你们能给我司带来哪些好处').intent).toBe('what_support');
});

test("the evaluation's own name holds 工业企业, and names the measure; Cantonese 着数 asks for what it gives", async () => {
  const clauses = splitClauses('我们是国家级小巨人，工业企业资源集约利用综合评价，我们能得到什么');
  expect(clauses[1].kind).toBe('context');
  expect(await lastReply(DAY, '我们是2025年评的国家级小巨人。工业企业资源集约利用综合评价，我们这个荣誉有什么用？')).toMatch(/提升\s*1\s*级/);
  expect(await lastReply(DAY, '我哋2025年攞咗省级专精特新，资源集约利用评价入面有咩着数？')).toMatch(/2\s*分/);
});

test('a claim made of us, then "是这样吗", is checked against our facts', async () => {
  expect(await lastReply(DAY, '我们2024年拿的市级专精特新。领导说我们已经算一类了，对吗？')).toMatch(/^不对。属于二类/);
});

test('signing the company up for an activity named after 报一个 is a sign-up', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('想给我们公司报一个企业沙龙').intent).toBe('sign_up');
  expect(r.recognizeSync('帮单位报个招聘会，麻烦了').intent).toBe('sign_up');
});

test('whether the list just answered holds something: yes with the list, or that it does not name it', async () => {
  const ask = await conversation(DAY);
  await ask('工作专班由哪些单位组成');
  expect((await ask('苏相合作区也在里面吗')).text).toMatch(/^方案此处所列不包括苏相合作区[\s\S]*经发委、企服中心、各功能区/);
  expect((await ask('企服中心也在里面吗')).text).toMatch(/^是的，企服中心在其中/);
  const units = await conversation(DAY);
  await units('企业沙龙谁负责');
  expect((await units('包括科技局吗')).text).toMatch(/^方案此处所列不包括科技局/);
});
