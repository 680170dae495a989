/**
 * Written for the tests (not taken from an evaluation set): several enterprises described one after
 * another in one message (a group's subsidiaries, a consultant's clients) get an answer each where
 * their facts make it differ; a supposed honour compared with the one held gets both; asking when
 * the sign-up closes is a question, not a sign-up; a greeting with an emoji hides no request.
 */
import { conversation } from './conversation';
import { recognizer } from '../nlu/fixture';

test('each subsidiary its tier', async () => {
  const reply = (await (await conversation())('我帮集团问一下：甲公司是省级专精特新，乙公司是区级的，丙公司还没有荣誉但已经进了培育库。它们分别属于哪一类？')).text;
  expect(reply).toMatch(/甲公司：属于一类/);
  expect(reply).toMatch(/乙公司：属于二类/);
  expect(reply).toMatch(/丙公司：属于三类/);
});

test('each client its bonus, by the year of its honour', async () => {
  const reply = (await (await conversation())('客户两家：A公司2024年评的国家级小巨人；B公司2020年评的省级。资源集约利用评价各自怎么算？')).text;
  expect(reply).toMatch(/A公司：[^\n]*提升 ?1 ?级/);
  expect(reply).toMatch(/B公司：[^\n]*不在近三年内/);
});

test('which of the enterprises a measure puts first', async () => {
  const reply = (await (await conversation())('第一家是国家级小巨人，第二家是市级专精特新。人才对接优先推荐给哪家公司？')).text;
  expect(reply).toMatch(/第一家：可以/);
  expect(reply).toMatch(/第二家：[^\n]*不在优先列/);
});

test('a supposed honour compared with the one held: both', async () => {
  const reply = (await (await conversation())('我们是2024年认定的市级专精特新，假如换成省级，在资源集约利用评价里有什么区别？')).text;
  expect(reply).toMatch(/省级[^。]*加 ?2 ?分/);
  expect(reply).toMatch(/市级[^。]*加 ?1 ?分/);
});

test('asking when the sign-up closes is a question; a greeting with an emoji hides no request', async () => {
  const r = await recognizer();
  expect((await r.recognize('沙龙报名截止到几号')).intent).not.toBe('sign_up');
  expect((await r.recognize('报名几点截止')).intent).not.toBe('sign_up');
  expect((await r.recognize('你好😊 我们想报名企业沙龙')).intent).toBe('sign_up');
});

test('each enterprise its verdict; what is said of the tiers or the rule comes once, after them', async () => {
  const reply = (await (await conversation())('帮三家企业问：甲公司区级，乙公司区级，丙公司省级。各属于哪类？')).text;
  expect(reply).toMatch(/甲公司：属于二类。\n乙公司：属于二类。\n丙公司：属于一类。\n/);
  expect(reply.match(/二类为/g)).toHaveLength(1);
});

test('enterprises described one by one are no facts of the user\'s own', async () => {
  const r = await recognizer();
  const told = await r.recognize('帮两家企业问：A公司是国家级小巨人，B公司是区级。分别属于哪类？');
  expect(told.frame?.facts?.update.honours).toBeUndefined();
});
