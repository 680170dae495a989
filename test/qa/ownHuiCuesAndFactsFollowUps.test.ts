/**
 * Written for the tests (not taken from an evaluation set): one 汇's support asked for our own
 * enterprise goes to the advisor; a topic named just before "这件事" is what it points at; facet cues
 * with a gap ("入库…条件"); the pool's thresholds are unlisted; "那…呢" around facts alone follows up;
 * a tier we state ("我们三类的") is a fact of a "may we" follow-up.
 */
import { conversation } from './conversation';
import { createRecognizer } from '../../src/nlu';
import { findCue, cueParts } from '../../src/text/cues';

const recognizer = createRecognizer({ now: () => new Date('2026-12-04T02:00:00Z') });

test('one 汇 asked for our own enterprise is the advisor\'s support for that 汇; asked in general, the 汇 described', async () => {
  const r = await recognizer;
  for (const text of ['我们是市级专精特新，金融这块我们能享受什么支持', '产业汇里我司能享受哪些']) {
    const q = (await r.recognize(text)).frame!.questions.at(-1)!;
    expect(q.intent).toBe('what_support');
    expect(q.candidates[0].id).toMatch(/^hui\./);
  }
  const general = (await r.recognize('专精特新企业在金融方面有哪些支持')).frame!.questions[0];
  expect(general.intent).toBe('policy_question');
});

test('"X这件事" points at X, not at the topic of the question before', async () => {
  const reply = await (await conversation())('专场招聘一年几场？海外人才回国这事又是谁负责');
  expect(reply.text).toMatch(/1~2场/);
  expect(reply.text).toMatch(/“人才对接”的责任单位/);
  // (a name a few words before the demonstrative: "海外人才…对接这件事")
  const before = await (await conversation())('企业沙龙谁牵头；海外人才引进对接这件事又是谁负责');
  expect(before.text).toMatch(/“人才对接”的责任单位/);
  const other = await (await conversation())('上市培育是啥？银行贷款这事归哪个部门管');
  expect(other.text).toMatch(/“金融支持”的责任单位/);
});

test('a cue written with "…" holds its parts in order, a few characters apart', () => {
  expect(cueParts('入库…条件')).toEqual(['入库', '条件']);
  expect(findCue('加入培育库的企业得符合哪些条件', '培育库…条件')).toBe('培育库条件');
  expect(findCue('条件是入库', '入库…条件')).toBeUndefined();
  expect(findCue('入库以后园区会不会定期组织企业参加各种培训和交流的条件', '入库…条件')).toBeUndefined();
  expect(findCue('入库门槛', '入库门槛')).toBe('入库门槛');
});

test('entry conditions of the pool, asked with words between, get the honest answer on entry', async () => {
  const reply = await (await conversation())('加入培育库的企业得符合哪些条件');
  expect(reply.text).toMatch(/^按方案[^\n]*方案未列明入库培育的具体条件/);
  const threshold = await (await conversation())('入库的话研发投入有没有硬性指标');
  expect(threshold.text).toMatch(/^抱歉，汇计划未列明入库培育的具体条件或指标/);
});

test('"那…呢" around nothing but an honour and its year asks the last question for them', async () => {
  const ask = await conversation();
  expect((await ask('我们2021年评上的省级专精特新，资源集约利用评价还能加分吗')).text).toMatch(/^不能/);
  const reply = await ask('那我们去年又评了国家级小巨人呢');
  expect(reply.text).toMatch(/^可以，评级提升 1 级：2025年认定的国家级/);
});

test('"我们三类的能去吗" after a measure: the tier is what we are, the measure what is asked about', async () => {
  const ask = await conversation();
  await ask('企业沙龙是干啥的');
  const reply = await ask('我们是三类的，能去吗');
  expect(reply.text).toMatch(/^可以(?:参加)?，三类企业在“企业沙龙”的对象之内/);
  // asked which tier, the tier still answers
  expect((await (await conversation())('我们三类的算哪一类')).text).toMatch(/三类/);
});

test('in one message, "我们只是入库的企业，可以去吗" asks of the measure just asked about', async () => {
  const reply = await (await conversation())('企业沙龙多久办一次？我们只是入了库的企业也可以去吗');
  expect(reply.text).toMatch(/可以(?:参加)?，三类企业在“企业沙龙”的对象之内/);
  expect(reply.text).not.toMatch(/^属于三类/m);
});
