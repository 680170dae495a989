/**
 * Years said as a span back from this one ("五年前评上的", "6年前"), the park typed as its homophone (圆区), and a
 * tier named as whom a question about the field just told asks of ("…打算搞节能改造，二类企业在这方面有什么支持").
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a year said as so many years ago is reasoned against 近三年', async () => {
  expect(await lastReply(DAY, '我们厂做模具，五年前评上了区级专精特新，后来没再评过，今年资源集约利用评价还能加分吗')).toMatch(/^不能。2021年认定的区级/);
  expect(await lastReply(DAY, '两年前评的市级专精特新，集约利用评价能加分吗')).toMatch(/2024年认定的市级[^\n]*近三年内/);
  expect(await lastReply(DAY, '6年前拿的省级专精特新，评价还能加2分吗')).toMatch(/^不能。2020年认定的省级/);
  // (A span of time is no year: "成立10年了" does not date the honour.)
  expect(await lastReply(DAY, '我们公司成立10年了，2025年评上市级，资源集约利用评价加几分')).toMatch(/^可以，加 ?1 ?分：2025年认定的市级/);
});

test('the park typed as its homophone', async () => {
  expect(await lastReply(DAY, '圆区专精特新这事儿是哪个部门牵头的')).toMatch(/经发委/);
});

test('a tier named as whom a question about the field just told asks of', async () => {
  expect(await lastReply(DAY, '客户今年打算搞智改数转和节能改造，二类企业在这方面有什么支持？')).toMatch(/^支持企业进行智改数转和节能改造/);
  expect(await lastReply(DAY, '今年打算上市，一类企业在这块有什么支持')).toMatch(/苗圃/);
  // (The tier itself asked about stays the tier.)
  expect(await lastReply(DAY, '一类和二类在这方面有什么区别')).toMatch(/一类[^\n]*国家级、省级/);
});
