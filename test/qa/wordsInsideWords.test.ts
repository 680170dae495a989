/**
 * Words that look like something else inside a longer phrase, written for the tests (not taken from an
 * evaluation set): 人工 across 华人+工程师, 几 as "a few", a demonstrative before a topic's own name, and
 * a benefit asked "给我们吗" by an enterprise whose level decides it.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

test('人工 inside other words asks for no human', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('有个德国回来的华人工程师想加入我们，园区有什么支持').intent).not.toBe('handoff');
  expect(r.recognizeSync('我们的个人工作量太大了，有培训吗').intent).not.toBe('handoff');
  for (const t of ['转人工', '有没有人工', '我要和人工沟通', '人工', '请人工处理']) expect(r.recognizeSync(t).intent).toBe('handoff');
});

test('"工作了几年的工程师" is background, not a question', async () => {
  const r = await recognizer();
  const clauses = r.recognizeSync('有个在日本干了几年的博士想回国，园区能帮上啥忙').frame!.clauses;
  expect(clauses[0].kind).not.toBe('ask');
  const ask = await conversation();
  expect((await ask('我们是省级的，有个在国外做了好几年研发的工程师想回来，园区能帮上啥忙')).text).toMatch(/海外人才/);
  // a count still asked after 了 is a question
  expect(r.recognizeSync('今年办了几场').frame!.clauses[0].kind).toBe('ask');
});

test('a demonstrative before a topic\'s own name picks that topic, it does not point back', async () => {
  const r = await recognizer();
  const questions = r.recognizeSync('标杆学习是怎么搞的？另外那个服务专窗是干嘛的？').frame!.questions;
  expect(questions.map((q) => q.candidates[0]?.id)).toEqual(['ind.benchmark-learning', 'svc.targeted-service']);
  // a demonstrative with a general noun still points back
  expect(r.recognizeSync('想对接大企业做配套，有没有这类渠道').frame!.questions[0].candidates[0]?.id).toBe('ind.supply-cooperation');
});

test('"推荐给我们吗" is answered for the level the enterprise stated', async () => {
  expect((await (await conversation())('我们是市级专精特新，海外人才会优先推荐给我们吗')).text).toMatch(/^按方案，“人才对接”优先面向国家级、省级/);
  expect((await (await conversation())('我们是国家级的，海外人才可以优先推荐给我们吗')).text).toMatch(/^可以(?:参加)?，一类企业在“人才对接”的对象之内/);
});
