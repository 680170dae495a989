/**
 * Written for the tests (not taken from an evaluation set): internet slang and pinyin initials (有木有,
 * zf); the points named in a bonus question ("还能加1分吗") ask of the rating; everyday words asking who
 * runs something (谁来张罗) and how often (几回); an enterprise's nature (外资, 民企), which the policy
 * never speaks of, is answered honestly, not by the advisor.
 */
import { conversation } from './conversation';
import { recognizer } from '../nlu/fixture';

test('slang and pinyin initials', async () => {
  const r = await recognizer();
  expect(r.analyzer.analyze('zf有木有扶持').clean).toBe('政府有没有扶持');
});

test('the points named ask of the rating', async () => {
  const reply = (await (await conversation())('我们2020年评的区级专精特新，今年还能加1分吗')).text;
  expect(reply).toMatch(/不在近三年内/);
});

test('who runs it and how often, in everyday words', async () => {
  const reply = (await (await conversation())('企业沙龙平时谁来操办？一年搞几回？')).text;
  expect(reply).toMatch(/责任单位/);
  expect(reply).toMatch(/分批分次/);
});

test('an enterprise\'s nature is answered honestly', async () => {
  const r = await recognizer();
  const asked = await r.recognize('我们想问外资企业能参加培训辅导吗');
  expect(asked.intent).toBe('policy_question');
  expect((await (await conversation())('民营企业能参加企业沙龙吗')).text).toMatch(/未列明对企业性质/);
});
