/**
 * Follow-ups that name the pool or a tier in a word ("那 入库培育的?", "库呢", "那三类企业有份吗"), a condition opened by
 * 那 before its question, a class said of a measure as background ("省级专精特新在资源集约利用评价里加分，…"), an aspect
 * of two measures compared ("…的责任单位一样吗", also of the last one: "和上市培育那条的…一样吗"), a part of the last
 * answer pointed at where it was said ("其中提到的经济大脑"), a purpose clause that lends its topic to "汇计划有哪些具体
 * 举措", "几趟", "哪一级的…企业优先", "多少位专家", a hesitation told as background, and an abbreviated quotation.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('the pool named alone after a tier answer is the tier asked of', async () => {
  expect(await lastReply(DAY, '区级专精特新→几类?', '那 培育库的?')).toMatch(/^属于三类/);
  expect(await lastReply(DAY, '国家级专精特新几类', '省级呢', '库呢')).toMatch(/^属于三类/);
});

test('a tier or the pool asked whether it has a share, after a measure, is of that measure', async () => {
  expect(await lastReply(DAY, '人才对接具体怎么做', '那二类企业有份吗')).toMatch(/^按方案，“人才对接”优先面向国家级、省级/);
  expect(await lastReply(DAY, '专场招聘面向哪些企业', '入库培育的企业也算吗')).toMatch(/专场招聘/);
});

test('a condition opened by 那 belongs to the question after it', async () => {
  expect(await lastReply(DAY, '那假如是区级专精特新，属于几类？')).toMatch(/^属于二类/);
});

test('a class said of a measure before the question lends the measure', async () => {
  const reply = await lastReply(DAY, '市级专精特新在资源集约利用评价里加分，有没有时间上的要求');
  expect(reply).toMatch(/近三年/);
  expect(await lastReply(DAY, '国家级专精特新在资源集约利用评价里提档，有没有时间限制', '隔壁那家是2020年评上的，今年还算吗')).toMatch(/^不能。2020年认定/);
  expect(await lastReply(DAY, '资源集约利用评价，省级的能加几分', '我们是2020年评上的，今年还能加吗？')).toMatch(/^不能。2020年认定/);
});

test('an aspect of two measures compared: the same or not, then each', async () => {
  expect(await lastReply(DAY, '上市培育和金融支持的责任单位相同吗')).toMatch(/^一样，两项在这一点上相同：\n“上市培育”的责任单位：[\s\S]*“金融支持”的责任单位：/);
  expect(await lastReply(DAY, '专场招聘和人才申报的责任单位一样吗')).toMatch(/^不完全一样/);
  expect(await lastReply(DAY, '上市培育的责任单位有哪些', '跟金融支持那条的责任单位一样吗')).toMatch(/^一样，两项在这一点上相同：\n“上市培育”的责任单位[\s\S]*“金融支持”的责任单位/);
  // (Two measures asked whether they are one thing: still no, then each.)
  expect(await lastReply(DAY, '专精特新SHOW和企业沙龙是一回事吗')).toMatch(/^不是一回事/);
});

test('a part of the last answer pointed at where it was said', async () => {
  expect(await lastReply(DAY, '定向服务包括什么', '这里面讲到的经济大脑起什么作用')).toMatch(/专题版块/);
});

test('a purpose clause lends its topic to the programme’s measures asked', async () => {
  expect(await lastReply(DAY, '为加强知识产权保护，汇计划有哪些具体举措？')).toMatch(/^畅通知识产权申报渠道/);
});

test('details asked in a word the policy does not give', async () => {
  expect(await lastReply(DAY, '标杆学习是干嘛的', '那一年搞几趟')).toMatch(/未(规定|列明)/);
  expect(await lastReply(DAY, '人才对接是什么', '哪一级的企业优先')).toMatch(/国家级、省级/);
  expect(await lastReply(DAY, '文件里说的专家队伍一共多少名专家？')).toMatch(/^抱歉，汇计划未列明具体的企业数量、人员或名单/);
  // (The document's own details are given, whatever counts the background names.)
  expect(await lastReply(DAY, '我们集团有十几家子公司，想确认一下这份文件的文号')).toMatch(/苏园经〔2022〕11号/);
});

test('a hesitation told before the question asks nothing', async () => {
  const reply = await lastReply(DAY, '我们是省级专精特新。租约快到期了，老板在纠结要不要搬。想问资源集约利用评价里我们能加几分？');
  expect(reply).toMatch(/^(?!方案未列明实施期限)[\s\S]*2\s*分/);
});

test('an abbreviated quotation of the programme’s aim', async () => {
  expect(await lastReply(DAY, '“育企业、成集群”这句原文怎么说的')).toMatch(/培育一批企业[\s\S]*形成若干集群/);
});
