/**
 * Written for the tests (not taken from an evaluation set): a detail the policy does not give asked of a
 * tier is not answered with a tier verdict; "那对省级企业有没有特别的" keeps the topic for another honour;
 * a goal stated before a question about signing up does not lend its topic when it says nothing of signing up.
 */
import { conversation } from './conversation';

test('a deadline asked of the pool enterprises is unlisted, not a tier verdict', async () => {
  const reply = await (await conversation())('培育库企业的申请什么时候截止');
  expect(reply.text).toMatch(/^抱歉，汇计划未列明具体的申报时间、截止日期/);
  // the tier asked of the same words still gets the verdict
  expect((await (await conversation())('我们是入库企业，属于几类')).text).toMatch(/^属于三类/);
});

test('"那对X级企业有没有特别的" asks the last topic again for that honour', async () => {
  const ask = await conversation();
  await ask('人才申报方面有什么政策');
  expect((await ask('那对省级企业有没有特别的')).text).toMatch(/^有。.*重点辅导/);
});

test('a goal that says nothing of signing up lends no topic to "怎么报名"', async () => {
  const reply = await (await conversation())('我们是培育库企业，明年打算冲省级。平时活动挺多的，企业怎么报名参加？');
  expect(reply.text).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
  // a goal and "怎么申请" still asks how to apply for the honour
  expect((await (await conversation())('我们是市级的，明年打算冲省级，要怎么申请')).text).not.toMatch(/报名或预约方式/);
});

test('"要是X年认定的呢，现在还能享受吗" follows the dated rule just asked', async () => {
  const ask = await conversation();
  await ask('省级专精特新在资源集约利用评价里加几分');
  expect((await ask('那如果是2020年评的呢，现在还能加分吗')).text).toMatch(/^不能。2020年认定的/);
});

test('the parts of the programme asked in everyday words ("分哪几块") are its five 汇', async () => {
  expect((await (await conversation())('这个方案总共分哪几大块')).text).toMatch(/产业汇、金融汇、人才汇、服务汇、技术汇/);
});

test('"今年" dating the evaluation is no recognition year; a dated honour asked about as hearsay is reasoned on', async () => {
  const reply = await (await conversation())('听说2021年评的省级专精特新，今年评价还能加2分，是真的吗');
  expect(reply.text).toMatch(/^不能。2021年认定的省级/);
  expect(reply.text).not.toMatch(/2026年认定的/);
  // 今年 with a recognition word is the honour's year
  expect((await (await conversation())('我们是市级的，今年刚评的，评价能加分吗')).text).toMatch(/2026年认定的市级.*在近三年内/);
});

test('a plan and a need before "这两块分别" are each answered', async () => {
  const reply = await (await conversation())('我们准备上市，同时想引进海外人才，这两块分别有什么支持');
  expect(reply.text).toMatch(/苗圃/);
  expect(reply.text).toMatch(/聘用意向书/);
});
