/**
 * Details the policy does not give, asked in shapes it had no cue for: a sum asked after its kind ("资助能拿多少"), the
 * time money arrives ("多久能到账"), support kept after moving out of the park asked of no measure; a measure named
 * alone before the question ("首次认定的奖补，…") is its topic; what the policy does not cover stays declined.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a sum asked after its kind is a detail the policy does not give', async () => {
  expect(await lastReply(DAY, '配套合作里揭榜的企业，奖励能给多少')).toMatch(/^抱歉，汇计划未列明具体的金额、额度、比例或规模/);
  expect(await lastReply(DAY, '入选人才项目的话能拿到多少补助？')).toMatch(/未列明具体的金额/);
});

test('a measure named alone before the question is its topic', async () => {
  const reply = await lastReply(DAY, '首次认定的奖补，大概多久才能到账');
  expect(reply).toMatch(/首次认定/);
  expect(reply).toMatch(/未列明资金或奖补的发放时间/);
});

test('support kept after moving out of the park, asked of no measure', async () => {
  expect(await lastReply(DAY, '假如将来公司搬离园区，之前享受的支持需要返还吗')).toMatch(/^抱歉，汇计划未列明企业迁出园区后已获支持或加分的处理/);
});

test('a sum of what the policy does not cover stays declined, the question not echoed as a claim', async () => {
  const reply = await lastReply(DAY, '研发费用加计扣除比例多少');
  expect(reply).not.toMatch(/未列明具体的金额/);
});

test('a list or a monthly sum asked of no measure is of the programme', async () => {
  expect(await lastReply(DAY, '能不能发我一份园区专精特新企业的名单')).toMatch(/^抱歉，汇计划未列明具体的企业数量、人员或名单/);
  expect(await lastReply(DAY, '毕业生去专精特新企业工作，每月能发多少生活补助')).toMatch(/^抱歉，汇计划未列明具体的金额/);
});
