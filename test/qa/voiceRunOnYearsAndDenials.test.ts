/**
 * Round 124: in an unpunctuated voice message, the year the company was founded (2015年成立的) dates no honour, a year
 * said twice (去年就是2025年) is one year, and honours denied before the next clause's opening word (国家省市区的都没有他们
 * 这种…) are not held; the honours named before their denial (荣誉一个都没有拿过); 找谁反映 of the enterprise's
 * problems is the service window; a tier named by its numeral and compared asks of the tiers.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('the founding year and a year said twice date no honour in a voice message', async () => {
  const reply = await lastReply(DAY, '我们厂是2016年成立的现在八十几个人前年就是2024年评上了省级专精特新之前2020年还拿过一个市级的想问一下今年资源集约利用评价能加几分');
  expect(reply).toMatch(/^可以，加 2 分：2024年认定的省级/);
  expect(reply).toMatch(/2020年认定的市级“专精特新”荣誉不在近三年内/);
});

test('honours denied in a voice message are not held', async () => {
  const reply = await lastReply(DAY, '我们做检测仪器的专精特新荣誉一个都没有拿过国家省市区的都没有我们这种在汇计划里面算哪一类');
  expect(reply).not.toMatch(/属于[一二]类/);
  expect(reply).toMatch(/三类/);
});

test('找谁反映 of the enterprise’s problems is the service window', async () => {
  expect(await lastReply(DAY, '厂里碰到招工用电这些问题，找谁反映快一点')).toMatch(/^可通过“专精特新”服务专窗反映/);
});

test('a tier named by its numeral and compared asks of the tiers', async () => {
  const reply = await lastReply(DAY, '我们是区级专精特新，属于几类？跟一类企业差在哪');
  expect(reply).toMatch(/一类为获得国家级、省级/);
  expect(reply).not.toMatch(/诊断/);
});
