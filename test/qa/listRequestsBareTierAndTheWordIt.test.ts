/**
 * Round 127: "帮我列一下…" is how to answer, not what is asked, and the n-th of the list answers after it; the tier asked
 * again bare right after a verdict; 它 standing for an honour whose tier is asked; a question about a sign-up's
 * deadline is no sign-up (啥 as well as 什么 in the request patterns' checks); 有个人专门对接 is a person of one's own;
 * 评级还能提 is the rating raised.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('a list asked for, then the n-th of it', async () => {
  expect(await lastReply(DAY, '帮我列一下服务汇有哪几条措施')).toMatch(/深度诊断、培训辅导、定向服务、企业沙龙/);
  expect(await lastReply(DAY, '帮我列一下人才汇有哪几条措施', '第二条是哪个部门负责的')).toMatch(/^“人才申报”的责任单位：组织部/);
});

test('the tier asked again bare, right after a verdict', async () => {
  expect(await lastReply(DAY, '一个荣誉都没有，刚进了培育库', '那算几类')).toMatch(/^属于三类/);
});

test('它 standing for an honour whose tier is asked', async () => {
  const reply = await lastReply(DAY, '省级专精特新在资源集约利用评价里加几分？另外它算几类企业');
  expect(reply).toMatch(/加 2 分/);
  expect(reply).toMatch(/属于一类/);
});

test('a question about a sign-up’s deadline is no sign-up', async () => {
  const r = await recognizer();
  expect((await r.recognize('沙龙 报名啥时候截止')).intent).not.toBe('sign_up');
  expect((await r.recognize('培训班 报名截止时间')).intent).not.toBe('sign_up');
  expect((await r.recognize('沙龙 报个名')).intent).toBe('sign_up');
});

test('a person of one’s own to deal with, and the rating raised said with 提', async () => {
  expect(await lastReply(DAY, '我们想有个人专门对接 有吗')).toMatch(/服务专员/);
  expect(await lastReply(DAY, '国家级 2025年认定的 评级还能提吗')).toMatch(/评级提升 1 级/);
});
