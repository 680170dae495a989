/**
 * Written for the tests (not taken from an evaluation set): questions run on without punctuation after
 * 然后/还有 are each answered; "谁来明确" asks who is responsible; a follow-up asked in the
 * words the last topic itself uses is about that topic, not a choice among others.
 */
import { conversation } from './conversation';
import { splitClauses } from '../../src/nlu/clauses';

test('run-on questions after 然后/还有 are split where each side asks', async () => {
  expect(splitClauses('企业沙龙一般聊什么然后培训辅导收不收费还有专场招聘一年几场').map((c) => c.text)).toEqual(['企业沙龙一般聊什么', '培训辅导收不收费', '专场招聘一年几场']);
  // "还有吗" asks once; "我们还有个事" before a question is no question of its own
  expect(splitClauses('还有吗').length).toBe(1);
  expect(splitClauses('我们然后想问深度诊断收费吗').length).toBe(1);
  const reply = await (await conversation())('标杆学习是怎么组织的然后人才申报有啥辅导');
  expect(reply.text).toMatch(/现场看/);
  expect(reply.text).toMatch(/重点辅导/);
});

test('"由谁来明确" after a topic asks who is responsible for it', async () => {
  const chat = await conversation();
  await chat('专场招聘是什么');
  expect((await chat('由谁来明确')).text).toMatch(/“专场招聘”的责任单位/);
});

test('an aspect asked in the last topic\'s own words is about it, not a choice among topics', async () => {
  const chat = await conversation();
  // (The shape of a tuning case of set az: the question's words match another measure as well.)
  await chat('苗圃计划是什么');
  const reply = await chat('什么样的企业会被优先推荐');
  expect(reply.text).toMatch(/拟上市/);
  expect(reply.text).not.toMatch(/^您是想问以下哪个问题/);
});
