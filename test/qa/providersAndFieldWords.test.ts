/**
 * Who delivers a service ("培训辅导由什么机构提供", "诊断是哪些专家来做") is what the item says of it, not its
 * responsible units; after a measure, "具体能享受哪些服务" asks more of it, not of the 汇 its field word names.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('who delivers it, not who is responsible', async () => {
  expect(await lastReply(DAY, '定制化培训班是由什么机构来上课的')).toMatch(/校企培训机构/);
  expect(await lastReply(DAY, '深度诊断是哪些专家来做')).toMatch(/专家队伍/);
  // (Who is responsible is still the units.)
  expect(await lastReply(DAY, '培训辅导归哪个部门管')).toMatch(/^“培训辅导”的责任单位：经发委/);
});

test('a field word after a measure asks more of the measure', async () => {
  expect(await lastReply(DAY, '上市培育是怎么回事', '具体能享受哪些服务')).toMatch(/苗圃课程/);
  expect(await lastReply(DAY, '定向服务是啥', '具体有哪些内容')).toMatch(/服务专窗/);
  // (A 汇 named by its own name is a new topic.)
  expect(await lastReply(DAY, '上市培育是怎么回事', '那服务汇呢')).toMatch(/^服务汇/);
});
