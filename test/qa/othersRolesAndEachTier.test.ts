/**
 * Everyday function words that name no topic, honours told of another enterprise of ours, the
 * speaker's job and a proxy's lead-in, "申报的时候" and "进去以后" pointing back, tiers asked of each of
 * several levels or clients, counted nouns typed as homophones, and a belief about the policy checked
 * first. Written for the tests, not taken from an evaluation set.
 */
import { splitClauses } from '../../src/nlu/clauses';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-05T02:00:00Z';

test('adverbs, demonstratives with a classifier and light verbs do not outweigh the topic named', async () => {
  const r = await recognizer();
  const topic = (text: string) => {
    const q = r.recognizeSync(text);
    return q.confidence === 'high' ? q.candidates[0]?.id : q.confidence;
  };
  expect(topic('股权融资那一块，汇计划有对应的政策吗')).toMatch(/^(hui\.finance|fin\.financial-support)$/);
  expect(topic('园区有没有特意给专精特新企业办的培训班')).toBe('svc.training');
  expect(topic('招工这件事上园区能帮我们做点啥')).toBe('tal.job-fair');
  // (A word of another subject still says the policy does not cover it.)
  expect(r.recognizeSync('园区附近有没有专门的停车场').intent).toBe('none');
});

test("an honour told of another enterprise of ours is not ours", async () => {
  const text = await lastReply(DAY, '我们的供应商是国家级小巨人，我们自己没评过，只进了培育库，我们算哪一类');
  expect(text).toMatch(/三类/);
  expect(text).not.toMatch(/属于一类/);
});

test("whether a branch shares its parent's honour is said to be outside the policy", async () => {
  const text = await lastReply(DAY, '母公司去年评上了省级专精特新，我们是它在园区的分公司，分公司也能算一类吗');
  expect(text).toMatch(/未列明集团下属企业/);
  expect(text).not.toMatch(/^属于一类/);
});

test('the speaker\'s job and a proxy\'s lead-in lend no topic', async () => {
  expect(splitClauses('我在园区一家软件公司做行政的负责人，想问专场招聘一年几场')[0].kind).toBe('filler');
  expect(splitClauses('我目前在园区一个功能区上班')[0].kind).toBe('filler');
  const r = await recognizer();
  const q = r.recognizeSync('帮我们服务的一家企业问一下：它今年评上市级专精特新，是工业企业，能享受哪些支持');
  expect(q.intent).toBe('what_support');
  expect(q.namesTopic).toBeFalsy();
});

test('"申报的时候" points at the plan that said it; "进去以后" at the measure just asked of', async () => {
  const r = await recognizer();
  const plan = r.recognizeSync('我们博士今年想报金鸡湖人才计划，第一次报。申报的时候园区会有人专门辅导吗').frame!.questions;
  expect(plan[plan.length - 1].candidates[0].id).toBe('tal.talent-application');
  const after = r.recognizeSync('标杆学习是哪些单位组织的？参加之后能学到什么？').frame!.questions;
  expect(after.map((q) => [q.intent, q.candidates[0]?.id])).toEqual([
    ['policy_question', 'ind.benchmark-learning'],
    ['policy_question', 'ind.benchmark-learning'],
  ]);
});

test('the tier of each level asked together, and of the pool beside a level', async () => {
  const ask = await conversation(DAY);
  expect((await ask('国家级和区级分别算几类')).text).toMatch(/国家级属于一类，区级属于二类/);
  expect((await ask('市级企业跟入库培育企业是一个类别吗')).text).toMatch(/市级属于二类，入库培育企业属于三类/);
});

test('clients named 客户甲 / 客户乙 are answered each', async () => {
  const text = await lastReply(DAY, '客户甲是2024年认定的国家级小巨人，客户乙是2026年认定的区级专精特新，它们各属于哪一类？');
  expect(text).toMatch(/客户甲：属于一类/);
  expect(text).toMatch(/客户乙：属于二类/);
});

test('a homophone of 类 or 汇 right after a number is the counted noun; words of the language stay', async () => {
  const r = await recognizer();
  const fix = (t: string) => r.analyzer.normalizer.fixTypos(t);
  expect(fix('培育对象总共分哪几泪')).toContain('几类');
  expect(fix('我们是第二磊吗')).toContain('第二类');
  expect(fix('下午开个会，等一会再说，一回事')).toBe('下午开个会,等一会再说,一回事');
});

test('what the asker believes of the policy is checked before the question it leads to', async () => {
  const text = await lastReply(DAY, '我们2025年评的区级。我印象中区级算一类，那海外人才能优先推荐给我们吗？');
  expect(text).toMatch(/^不是一类（一类为[^）]*）。属于二类/);
  expect(text).toMatch(/国家级、省级/);
});
