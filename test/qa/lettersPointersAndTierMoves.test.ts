/**
 * Everyday words typed in pinyin letters beside domain words, pointing back at the last answer by who said it
 * ("你刚才提到的…"), a tier aimed at (what it takes to reach it), honours supposed question by question or not
 * obtained, and what a measure just asked about gives (the advisor's side: test/conversations/supposedAndOthers).
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('everyday words typed in letters are read as the words the knowledge uses; English words stay', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('知识产权保护有哪些zhichi')).normalized).toContain('支持');
  expect((await r.recognize('huodong tongzhi 在哪看')).normalized).toContain('活动通知');
  expect((await r.recognize('xiang dingyue huodong tongzhi')).intent).toBe('subscribe');
  expect((await r.recognize('我们的 demo 做好了')).normalized).toContain('demo');
  expect(await lastReply(DAY, 'shangshi peiyu 有啥 zhichi')).toMatch(/苗圃计划/);
});

test('pointing back at the last answer by who said it', async () => {
  expect(await lastReply(DAY, '人才对接是怎么回事', '你刚才提到的意向书，是谁签的')).toMatch(/聘用意向书/);
  expect(await lastReply(DAY, '知识产权保护有什么支持', '前面说的那个中心是哪个')).toMatch(/国家知识产权保护中心/);
});

test('a tier aimed at: what it takes, beside the tier held; a tier asked of is still a verdict', async () => {
  expect(await lastReply(DAY, '我们在培育库里，算几类？想升到二类需要什么条件？')).toMatch(/^属于三类[\s\S]*二类为获得市级、区级/);
  expect(await lastReply(DAY, '我们是区级专精特新，这样算二类还是会升到一类？')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '培育库企业算几类', '升到二类需要什么', '那再往上升到一类呢')).toMatch(/国家级、省级/);
});

test('an honour supposed in one question only, and one not obtained', async () => {
  expect(await lastReply(DAY, '我们是入库企业，现在算几类？拿到市级以后算几类？')).toMatch(/^属于三类[\s\S]*属于二类/);
  expect(await lastReply(DAY, '我们在培育库，2026年申报市级没评上，算几类')).toMatch(/^属于三类/);
});

test('what a measure just asked about gives, not what we may get', async () => {
  const reply = await lastReply(DAY, '上市培育是面向哪些企业的？能享受什么服务？');
  expect(reply).toMatch(/苗圃课程/);
  expect(reply).not.toMatch(/获得过哪一级/);
});

test('the name of a thing the last answer mentions, asked by pointing at it', async () => {
  expect(await lastReply(DAY, '知识产权保护方面能帮企业做什么', '这个中心叫什么名字')).toMatch(/^[^\n]*国家知识产权保护中心/);
  expect(await lastReply(DAY, '深度诊断是什么服务', '这个方案全称是什么')).toMatch(/苏园经〔2022〕11号/);
});

test('who designs the courses is who delivers them, not the responsible units', async () => {
  expect(await lastReply(DAY, '培训辅导的课程由谁来设计')).toMatch(/培训机构/);
});

test('a verb before a pronoun is no misheard end of a domain word', async () => {
  const r = await createRecognizer();
  const read = await r.recognize('那个培训帮我报一下');
  expect(read.normalized).toContain('培训帮我');
  expect(read.intent).toBe('sign_up');
});

test('how much of a subsidy of a kind the policy does not name: it does not give the sum', async () => {
  expect(await lastReply(DAY, '实习生园区给多少实习补贴')).toMatch(/^抱歉，汇计划未列明具体的金额/);
});
