/**
 * A result asked to be guaranteed ("能不能保证评上", "包过吗"), a topic typed bare before "有哪些", what a topic does
 * asked after its office ("具体能帮啥"), 上世 typed for 上市 and 那 for 哪 before an office, the pool named as asked, and the exchanges' own listing rules declined.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a result asked to be guaranteed is not promised; what the policy does say follows', async () => {
  const reply = await lastReply(DAY, '我们今年报市级专精特新，你们敢不敢保证我们一定评上？');
  expect(reply).toMatch(/无法作出保证/);
  expect(reply).toMatch(/优先推荐/);
  expect(await lastReply(DAY, '申报省级专精特新能稳过吗')).toMatch(/无法作出保证/);
  // (A guarantee company, or the programme making sure of its work, asks for no promise.)
  expect(await lastReply(DAY, '融资担保公司能参加金融支持吗')).not.toMatch(/保证/);
});

test('a topic typed bare before "有哪些", then an aspect of it', async () => {
  expect(await lastReply(DAY, '转型升级 有哪些')).toMatch(/^支持企业进行智改数转/);
  expect(await lastReply(DAY, '平台服务 有哪些', '要钱吗')).toMatch(/^抱歉，汇计划未列明“平台服务”是否收费/);
});

test('what a topic does, asked after its office', async () => {
  expect(await lastReply(DAY, '上市培育 谁负责', '具体能做些什么')).toMatch(/^对拟上市的“专精特新”企业，优先推荐参加苗圃计划/);
});

test('上世 typed for 上市, 那 for 哪 before an office', async () => {
  expect(await lastReply(DAY, '我们打算上世，园区有啥支持')).toMatch(/苗圃计划/);
  expect(await lastReply(DAY, '专场招聘归那个部门管')).toMatch(/^“专场招聘”的责任单位/);
});

test('the pool, asked of as such, is named so', async () => {
  expect(await lastReply(DAY, '人才政策宣讲是面向谁的', '培育库企业也能参加吗')).toMatch(/^可以，三类（培育库）企业/);
});

test('the exchanges’ own listing rules are outside the programme', async () => {
  expect(await lastReply(DAY, '科创板上市标准里对市值有什么要求')).toMatch(/^抱歉，这个问题不在汇计划的范围内/);
});
