/**
 * Voice messages without punctuation, parted by speech's fillers (然后呢, 就是说, 对吧) and read with Wu words (好参加 for
 * 能参加, 啥部门); the pool asked whether it may, after a measure in the same message; where in the document an item
 * is (哪个部分); two measures' units compared formally (是否完全一致); "这条" pointing at the last measure and its units
 * counted; the measures counted "加起来一共多少条".
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a voice message parted by its fillers: background, then the question', async () => {
  const reply = await lastReply(DAY, '喂你好我们是做包装机械的然后呢一百多号人2025年评了区级专精特新就是说专利申请老是批得慢园区有啥办法帮我们快点伐');
  expect(reply).toMatch(/知识产权保护中心|申报周期/);
});

test('several questions run on in speech, each answered, the pool of the measure asked before', async () => {
  const reply = await lastReply(DAY, '那个企业沙龙多久开一次然后呢是啥部门负责的还有我们只是培育库里的企业是不是也好参加的');
  expect(reply).toMatch(/“企业沙龙”的责任单位/);
  expect(reply).not.toMatch(/^属于三类|\n属于三类/);
});

test('where in the document an item is', async () => {
  expect(await lastReply(DAY, '上市培育写在方案哪个部分')).toMatch(/^“上市培育”见《方案》二、（二）/);
});

test('two measures’ units compared formally, and counted', async () => {
  expect(await lastReply(DAY, '上市培育与金融支持的责任单位是否完全一致？')).toMatch(/^一样/);
  expect(await lastReply(DAY, '深度诊断包括什么', '这条的责任单位有几个')).toMatch(/^“深度诊断”的责任单位/);
  expect(await lastReply(DAY, '五个汇的措施加起来一共多少条')).toMatch(/十六项措施/);
});

test('an unpunctuated message over thirty characters is parted before a plan of the year and the park asked', async () => {
  const reply = await lastReply(DAY, '我们做阀门的2020年评的区级专精特新明年想报省级申报材料不会写园区有没有人帮忙辅导');
  expect(reply).toMatch(/申报辅导|培训班/);
});

test('Wu money words: 铜钿 is money, 几钿 how much', async () => {
  expect(await lastReply(DAY, '企业沙龙要铜钿伐')).toMatch(/收费/);
  expect(await lastReply(DAY, '首次认定奖补有几钿')).toMatch(/未列明具体(的)?金额/);
});
