/**
 * Honour levels compared or listed clause by clause, sections named by their numbers, enumerated requests,
 * progress the policy does not report, one attribute asked of two things, "这两个" pointing back, parts of one
 * item asked whether they are the same, a tier named as whom a measure is asked of (also in a follow-up),
 * terms the policy uses without defining them, and requests in the formal register.
 * Written for the tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('several honour levels asked about get each level’s own rule', async () => {
  expect(await lastReply(DAY, '资源集约利用评价里，省级和国家级的待遇有啥不同')).toMatch(/^国家级[^\n]*提升 1 级[^\n]*省级[^\n]*加 2 分/);
  const spoken = await lastReply(DAY, '嗯 资源集约利用评价 国家级的怎么算 然后呢 省级的 还有区级的 各加多少');
  expect(spoken).toMatch(/提升 1 级/);
  expect(spoken).toMatch(/加 2 分[\s\S]*加 1 分/);
  // (Levels an enterprise holds are its honours: its highest decides, no list of rules.)
  expect(await lastReply(DAY, '我们是省级和市级专精特新，资源集约利用评价加几分')).toMatch(/^省级[^\n]*加 2 分/);
});

test('a question without its subject after a clause naming it asks of that', async () => {
  expect(await lastReply(DAY, '专场招聘一年办几场 还有那个人才计划 叫什么名字')).toMatch(/金鸡湖人才计划/);
});

test('a section named by its numbers is the item it holds', async () => {
  expect(await lastReply(DAY, '方案第二部分第三条讲的是什么')).toMatch(/^人才汇/);
  expect(await lastReply(DAY, '第四部分的第2条说了什么')).toMatch(/专项资金/);
  // (An item the question names inside that section stays.)
  expect(await lastReply(DAY, '二、（三）里人才申报怎么说')).toMatch(/金鸡湖人才计划/);
});

test('enumerated requests are each answered', async () => {
  const reply = await lastReply(DAY, '请确认以下三点：一、发文字号；二、发文机关；三、印发日期');
  expect(reply).toMatch(/苏园经〔2022〕11号/);
  expect(reply).toMatch(/经济发展委员会|经发委/);
  expect(reply).toMatch(/2022年6月17日/);
});

test('progress the policy does not report is said so, with its wording', async () => {
  expect(await lastReply(DAY, '专精特新贷风险补偿资金池现在已经建立了吗')).toMatch(/^抱歉，汇计划未列明[^\n]*实施进展[^\n]*方案的表述是：[^\n]*探索设立/);
});

test('one attribute asked of two things is answered for each', async () => {
  const reply = await lastReply(DAY, '汇计划与小巨人三年行动计划，文号各是多少？');
  expect(reply).toMatch(/苏园经〔2022〕11号/);
  expect(reply).toMatch(/苏园管〔2021〕60号/);
});

test('"这两个" points back at the two things named before, past a word it touches', async () => {
  const reply = await lastReply(DAY, '我在“深度诊断”和“培训辅导”之间拿不定主意，这两个在目的上有什么不同？');
  expect(reply).toMatch(/诊断服务[\s\S]*培训班/);
});

test('two parts of one item asked whether they are the same are told apart', async () => {
  expect(await lastReply(DAY, '服务专员跟服务专窗是一个东西吗')).toMatch(/^不一样：[\s\S]*服务专窗[\s\S]*服务专员/);
});

test('a tier named is whom the measure is asked of, also in a follow-up', async () => {
  expect(await lastReply(DAY, '三类企业能加分吗')).toMatch(/三类企业不在其列/);
  expect(await lastReply(DAY, '二类能参加人才对接吗')).toMatch(/二类企业不在优先列/);
  expect(await lastReply(DAY, '国家级专精特新在人才对接上有什么优先', '那二类企业呢')).toMatch(/二类企业不在优先列/);
});

test('terms the policy uses without defining them are said so, with what it does say', async () => {
  expect(await lastReply(DAY, '优质中小企业这个说法具体指什么')).toMatch(/^方案未对“优质中小企业”作出具体定义/);
  expect(await lastReply(DAY, '梯度培育怎么理解')).toMatch(/^方案未对“梯度培育”单独作出解释/);
  expect(await lastReply(DAY, '方案中的功能区具体指哪些区域')).toMatch(/^方案未说明各功能区和苏相合作区的具体范围/);
});

test('requests in the formal register, and what only looks like one', async () => {
  const r = await recognizer();
  expect((await r.recognize('本单位拟报名参加专精特新企业沙龙。')).intent).toBe('sign_up');
  expect((await r.recognize('申请报名专精特新专场招聘会')).intent).toBe('sign_up');
  expect((await r.recognize('请为本公司开通活动通知订阅')).intent).toBe('subscribe');
  expect((await r.recognize('帮我订一下后天去上海的机票')).intent).not.toBe('subscribe');
  expect((await r.recognize('我们市级的是不是参加不了')).intent).not.toBe('cancel_signup');
});
