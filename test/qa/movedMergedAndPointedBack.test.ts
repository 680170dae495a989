/**
 * A verb and its object said apart (贷点款), "啥意思" after a topic, several tier questions each of its own
 * enterprise, another city's honour and a merger said honestly to be outside the policy, 相关/这类
 * pointing at the background, 几位 as "a few", several advisor facts asking for all the support, formal
 * sign-up requests, a correction whose value follows a later mark, and a part of a message the policy has
 * nothing on said so. Written for the tests, not taken from an evaluation set.
 */
import { newValueSaid } from '../../dialogs/activities/prompts';
import { splitClauses } from '../../src/nlu/clauses';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-05T02:00:00Z';

test('a domain word said apart around a measure word is the word', async () => {
  const r = await recognizer();
  expect(r.analyzer.normalizer.fixTypos('下个月想跟银行贷笔款')).toContain('贷款');
  expect(r.analyzer.normalizer.fixTypos('过个年再说')).toBe('过个年再说');
  const q = r.recognizeSync('最近资金周转紧，想贷点款，园区有啥办法');
  expect(q.frame!.questions.map((x) => x.candidates[0]?.id)).toContain('fin.financial-support');
});

test('"这是啥意思" after a topic asks what the topic is', async () => {
  const ask = await conversation(DAY);
  await ask('标杆学习');
  expect((await ask('这是啥意思')).text).toMatch(/对标|现场看/);
});

test('several tier questions, each of its own enterprise', async () => {
  const text = await lastReply(DAY, '培育对象总共几类？区级企业属于哪一类？只进了培育库的企业属于哪一类？');
  expect(text).toMatch(/分为三类/);
  expect(text).toMatch(/属于二类/);
  expect(text).toMatch(/属于三类/);
});

test("another city's own honour and a merger are said to be outside the policy; a Suzhou honour is not", async () => {
  expect(await lastReply(DAY, '我们前年拿了杭州市的专精特新，去年把公司搬到园区，现在在这边算几类？')).toMatch(/未列明苏州以外的城市认定/);
  expect(await lastReply(DAY, '我们和兄弟单位去年重组了，对方是省级专精特新，重组后我们还能算一类吗')).toMatch(/未列明企业合并、分立或重组/);
  expect(await lastReply(DAY, '我们2025年在昆山拿了苏州市级专精特新，今年搬到园区，算几类？')).toMatch(/^属于二类/);
});

test('相关 and 这类 point at what the background just said; 几位 with 有意向 is "a few"', async () => {
  const r = await recognizer();
  const platform = r.recognizeSync('我们做检测仪器，区级专精特新，产品外观的工业设计一直是短板。园区有没有相关的平台能帮忙？').frame!.questions;
  expect(platform[platform.length - 1].candidates[0].id).toBe('tech.platform-services');
  expect(splitClauses('有几位专家有意向来我们公司，园区能帮忙对接吗')[0].kind).not.toBe('ask');
  const talent = r.recognizeSync('我们是省级专精特新，有几位海外工程师有意向回国，园区对这类人才能给什么支持').frame!.questions;
  expect(talent[talent.length - 1].candidates[0].id).toBe('tal.talent-matching');
});

test("several of the advisor's facts ask for all the support; one need asks of its measure", async () => {
  const r = await recognizer();
  const all = r.recognizeSync('我们2025年首次被认定为省级专精特新，是制造企业，暂无上市打算，还要从海外引进几名研发人才，请问可享受哪些支持');
  expect(all.frame!.facts!.update).toMatchObject({ firstRecognition: true, manufacturing: true, planningIpo: false, hiring: true });
  expect(all.intent).toBe('what_support');
  expect(all.namesTopic).toBeFalsy();
  const one = r.recognizeSync('我们是市级专精特新，打算明年上市，能享受哪些支持');
  expect(one.namesTopic).toBe(true);
});

test('formal sign-up requests', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('本公司拟报名参加专场招聘会，请予办理').intent).toBe('sign_up');
  expect(r.recognizeSync('我想为本公司报名参加定制化培训班').intent).toBe('sign_up');
  expect(r.recognizeSync('本公司拟报名参加培训，需要准备哪些材料？').intent).not.toBe('sign_up');
});

test('a correction whose value follows a later mark', () => {
  expect(newValueSaid('mobile', '补充更正：刚才手机号填错了，正确号码是13911112222')).toBe('13911112222');
  expect(newValueSaid('contactName', '联系人改为：周敏，其他不变')).toBe('周敏');
});

test('a part of a message the policy has nothing on is said so after the answers, not dropped', async () => {
  const text = await lastReply(DAY, '请教两件事：企业沙龙由哪些单位负责？另外我们员工的公积金缴存比例今年怎么定？');
  expect(text).toMatch(/经发委/);
  expect(text).toMatch(/关于“我们员工的公积金缴存比例今年怎么定”，汇计划政策中没有相关内容/);
  // (where a measure sits asks nothing of its own: "人才汇下面有哪几项措施")
  expect(await lastReply(DAY, '技术汇下面有哪几项措施')).toMatch(/知识产权保护/);
});
