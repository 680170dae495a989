/**
 * Written for the tests (not taken from an evaluation set): a longer aspect question opened by 那 follows
 * the last topic; "汇计划里怎么说的" after a topic named bare asks what the programme says of that topic.
 */
import { conversation } from './conversation';

test('"那…" with an aspect and nothing named follows the last topic, however long', async () => {
  const ask = await conversation();
  await ask('专场招聘是什么');
  const reply = await ask('那一般是哪几个部门在牵头组织这个');
  expect(reply.text).toMatch(/“专场招聘”的责任单位/);
  const other = await conversation();
  await other('深度诊断是干什么的');
  expect((await other('那到底是什么样的企业才可以申请')).text).toMatch(/深度诊断|诊断/);
});

test('without a topic before, such a question asks to say more instead of guessing', async () => {
  const reply = await (await conversation())('那一般是哪几个部门在牵头组织这个');
  expect(reply.text).not.toMatch(/“[^”]+”的责任单位/);
});

test('a topic named bare, then what the programme says, asks of that topic', async () => {
  // (Phrased like a question the guiding-ideas item knows, "指导思想里怎么说的": the topic before still decides.)
  expect((await (await conversation())('深度诊断 方案里怎么说的')).text).toMatch(/^[^\n]*诊断/);
  expect((await (await conversation())('金鸡湖人才计划 汇计划里怎么说的')).text).toMatch(/金鸡湖人才计划/);
  expect((await (await conversation())('上市培育 汇计划里有啥说法')).text).toMatch(/苗圃/);
});
