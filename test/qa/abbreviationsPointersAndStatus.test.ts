/**
 * Short forms of the programme's words (巨人, 省专精, 专精沙龙, the programme as 汇, tiers as 1类/2类), items
 * numbered (1)(2)(3), a 汇 named as the frame of its measures and "二者" pointing at both, 其 and "那是谁…" pointing
 * back, whether the programme still holds and when it began, a tier supposed from the pool, and years that answer
 * only the question asking of them. Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('short forms: 巨人 is the national honour, 汇 the programme, 2类 the tier', async () => {
  expect(await lastReply(DAY, '巨人，2025年评的，汇里算几类')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '2020年市专精，2025年升了省专精，现在1类还是2类')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '汇 谁牵头')).toMatch(/经发委牵头/);
  expect(await lastReply(DAY, '3类啥意思')).toMatch(/三类为其他优质中小企业，即入库培育企业/);
  expect(await lastReply(DAY, '我们是做传感器的，2024年评上国家巨人。想问下汇是谁牵头？')).toMatch(/^由经发委牵头/);
});

test('items numbered (1)(2)(3): each asked, with or without punctuation between them', async () => {
  const reply = await lastReply(DAY, '想确认三点：（1）该方案的发文机关；（2）文号；（3）发布日期。');
  expect(reply).toMatch(/经发委[\s\S]*苏园经〔2022〕11号[\s\S]*2022年6月17日/);
  expect(await lastReply(DAY, '请问（一）标杆学习由谁负责（二）专场招聘一年几场')).toMatch(/^“标杆学习”的责任单位[\s\S]*1~2场/);
});

test('a 汇 framing its measures, then "二者" asks of both', async () => {
  const reply = await lastReply(DAY, '“技术汇”里的知识产权保护和平台服务各有哪些举措？二者的责任单位一样吗？');
  expect(reply).toMatch(/国家知识产权保护中心[\s\S]*公共服务平台/);
  expect(reply).toMatch(/“知识产权保护”的责任单位：科创委[\s\S]*“平台服务”的责任单位：经发委/);
});

test('其 and "那是谁…" point back at what was just named', async () => {
  expect(await lastReply(DAY, '我们有位海外博士想回国。请问所谓“人才对接”，其具体做法是怎样的？')).toMatch(/聘用意向书/);
  expect(await lastReply(DAY, '企业沙龙是干什么的', '那是谁负责组织的')).toMatch(/“企业沙龙”的责任单位：经发委/);
  // ("它跟服务专员有什么区别" after 服务专窗: both parts said.)
  expect(await lastReply(DAY, '服务专窗是干什么用的', '那它跟服务专员有什么区别')).toMatch(/服务专窗[^\n]*\n服务专员/);
  // (A platform's qualification asked is what it must be: 经认定的.)
  expect(await lastReply(DAY, '公共服务平台能提供哪些服务', '那么这些平台需要具备什么资质')).toMatch(/经认定的公共服务平台/);
});

test('whether the programme still holds, and when it began', async () => {
  expect(await lastReply(DAY, '这个方案是不是已经失效了')).toMatch(/^方案未列明实施期限或有效期/);
  expect(await lastReply(DAY, '汇计划现在还执行吗')).toMatch(/^方案未列明实施期限或有效期/);
  expect(await lastReply(DAY, '汇计划是哪个部门发的', '那它过期了吗')).toMatch(/^方案未列明实施期限或有效期/);
  expect(await lastReply(DAY, '这个汇计划是哪年开始搞的')).toMatch(/2022年6月17日/);
});

test('a tier supposed: the pool now, the honour later', async () => {
  expect(await lastReply(DAY, '我们还没评过专精特新，去年进了培育库。现在算第几类？如果后年评上区级，会变成第几类？')).toMatch(/^目前属于三类；如获评区级“专精特新”，属于二类/);
  expect(await lastReply(DAY, '我们是入库培育企业，算第几类', '那要是2028年评上市级呢')).toMatch(/^属于二类/);
});

test('years answer the question that asks of them; the others are answered as asked', async () => {
  const reply = await lastReply(DAY, '资源集约利用评价归哪个部门管？省级怎么加？我们2020年认定的省级今年还算吗？');
  expect(reply).toMatch(/“资源集约利用评价”的责任单位：经发委/);
  expect(reply).toMatch(/省级“专精特新”企业加 2 分/);
  expect(reply).toMatch(/不能。2020年认定的省级/);
});

test('a plan said with 拟 lends its topic; personnel rules for individuals are out of scope', async () => {
  expect(await lastReply(DAY, '敝司拟开展节能改造，汇计划有何支持？')).toMatch(/^支持企业进行智改数转和节能改造/);
  expect(await lastReply(DAY, '高校老师离岗创业需要学校审批吗')).toMatch(/^抱歉/);
});
