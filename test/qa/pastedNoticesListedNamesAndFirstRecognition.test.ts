/**
 * Round 129: a pasted notice's label (【金融局】) and a bare report (群里说) before what was said; the policy's terms
 * framed ("按方案“近三年内认定”的口径"); who handles a measure asked with a unit named (贴息归经发委管吗); commercial
 * insurance and a relative's region are outside the programme; 几号文 and the document named by its number; "两个点"
 * announced; an enterprise described by the pool alone is the subject of its question; enterprises listed as ①名称 or
 * "A 省级…"; 首次认定 asked whether it applies; "有没有人能帮…" is the service; conditions asked with 才能享受; 它 for the
 * enterprise whose tier was just given.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a bare report and a notice label before what was said: the question asks of what was said', async () => {
  expect(await lastReply(DAY, '群里有人转了条消息👇\n【通知】近三年内认定的区级专精特新加1分\n我们是2021年评的区级，今年还能加吗')).toMatch(/^不能/);
  const reply = await lastReply(DAY, '【金融局】\n苗圃计划开始招募了\n我们是准备上市的省级专精特新，参加这个有优先吗');
  expect(reply).toMatch(/优先推荐参加苗圃计划/);
  expect(reply).not.toMatch(/责任单位之一/);
});

test('the policy’s term framed before the question is background', async () => {
  expect(await lastReply(DAY, '一家企业2022年3月评上市级专精特新，按方案“近三年内认定”的说法，今年还算在内吗')).toMatch(/^不能/);
});

test('who handles a measure, asked with a unit named', async () => {
  expect(await lastReply(DAY, '贴息这块归经发委管吗')).toMatch(/^“金融支持”的责任单位：金融局/);
  expect(await lastReply(DAY, '知识产权保护你们管不管')).not.toMatch(/^“知识产权保护”的责任单位/);
});

test('commercial insurance and a relative’s region are outside the programme', async () => {
  expect(await lastReply(DAY, '员工团险明年续保，有推荐的保险公司吗')).toMatch(/不在汇计划的范围内/);
  const reply = await lastReply(DAY, '我朋友在常州，他们那边专精特新有奖励吗');
  expect(reply).toMatch(/^抱歉/);
  expect(reply).not.toMatch(/奖补/);
});

test('几号文, and the document named by its number', async () => {
  const reply = await lastReply(DAY, '想确认一下汇计划是几号文');
  expect(reply).toMatch(/苏园经〔2022〕11号/);
  expect(reply).not.toMatch(/举办日期/);
  expect(await lastReply(DAY, '苏园经〔2022〕11号是哪家单位发的')).toMatch(/经济发展委员会/);
  expect(await lastReply(DAY, '请教两个点：1、汇计划什么时候印发的？2、文号多少？')).not.toMatch(/两个点/);
});

test('an enterprise described by the pool alone is the subject of its own question', async () => {
  expect(await lastReply(DAY, '1.只进了培育库、没有任何荣誉的企业，算哪一类？2.国家级小巨人在资源集约利用评价里怎么加分？')).toMatch(/^属于三类/);
});

test('enterprises listed by a circled number and name, or by a letter and a space', async () => {
  const tiers = await lastReply(DAY, '帮我们分个类：①晨曦光电 国家级小巨人；②远航机械 市级专精特新');
  expect(tiers).toMatch(/晨曦光电：属于一类/);
  expect(tiers).toMatch(/远航机械：属于二类/);
  const points = await lastReply(DAY, '算下两家资源集约利用评价能加几分：A 省级专精特新 2024年认定；B 市级 2022年认定');
  expect(points).toMatch(/A：可以，加 2 分/);
  expect(points).toMatch(/B：不能/);
});

test('首次认定 asked whether it applies gets the verdict', async () => {
  expect(await lastReply(DAY, '我们今年第一次评上区级专精特新，首次认定的奖补我们能否适用')).toMatch(/^可以/);
});

test('"有没有人能帮…" asks for the service', async () => {
  expect(await lastReply(DAY, '园区有没有人能帮我们看看还差在哪些地方')).toMatch(/诊断/);
});

test('conditions asked with 才能享受 keep the topic', async () => {
  expect(await lastReply(DAY, '省级专精特新在资源集约利用评价里加几分', '那要满足什么条件才能享受呢')).toMatch(/近三年/);
});

test('它 right after a tier verdict is the enterprise the verdict was about', async () => {
  expect(await lastReply(DAY, '我们客户是区级专精特新，属于哪类', '那它能享受海外人才的优先推荐吗')).toMatch(/不在优先/);
});
