/**
 * Written for the tests (not taken from an evaluation set): a follow-up naming nothing, asked in the
 * last topic's own phrase, stays with it though another item's words fit better; the content asked
 * beside an aspect ("具体内容以及责任单位") is answered with it; "除此以外…还有别的用途" asks of another
 * item naming the same thing; a thing a measure names (金鸡湖人才计划) is said to belong to it; the
 * programme's structure (整体框架, 哪几大块); a typo in the word asking who is responsible.
 */
import { conversation } from './conversation';

test('a follow-up in the last topic\'s own phrase stays with it', async () => {
  const chat = await conversation();
  await chat('苗圃计划是干嘛的');
  const reply = (await chat('哪些企业能被优先推荐')).text;
  expect(reply).toMatch(/上市培育|拟上市/);
  expect(reply).not.toMatch(/海外人才/);
});

test('the content asked beside an aspect is answered with it', async () => {
  const reply = await (await conversation())('标杆学习的具体内容以及责任单位');
  expect(reply.text).toMatch(/现场看/);
  expect(reply.text).toMatch(/经发委/);
});

test('"除此以外…还有别的用途" asks of another item naming the same thing', async () => {
  const chat = await conversation();
  await chat('经济大脑在定向服务里是做什么的');
  expect((await chat('除此以外经济大脑还有别的用途吗')).text).toMatch(/一张网|活动通知/);
});

test('a thing a measure names is said to belong to it', async () => {
  const reply = await (await conversation())('金鸡湖人才计划由哪些单位负责');
  expect(reply.text).toMatch(/金鸡湖人才计划见于“人才申报”/);
  expect(reply.text).toMatch(/组织部/);
});

test.each(['汇计划的整体框架是怎样的', '汇计划的总体架构'])('the programme\'s structure: %s', async (question) => {
  expect((await (await conversation())(question)).text).toMatch(/产业汇/);
});

test('a typo in the word asking who is responsible', async () => {
  expect((await (await conversation())('培训辅导这个是谁负则的')).text).toMatch(/责任单位/);
});
