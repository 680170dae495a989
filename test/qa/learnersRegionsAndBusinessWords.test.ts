/**
 * The tier asked in a learner's words or in English (几个类, 哪一个类, tier是几), Lead for 牵头, 哪一个部门, Cantonese
 * 幾耐; another city's policy told as the background of a question about the park (…，园区给不给); a business in
 * customer service (AI客服公司) asks for no person; money given ("奖励的钱") asks no fee.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('the tier asked in a learner’s words or in English', async () => {
  expect(await lastReply(DAY, '我们2026年拿到区级专精特新，是几个类？')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '省级专精特新的公司，哪一个类？')).toMatch(/一类/);
  expect(await lastReply(DAY, '我们是国家级小巨人，tier是几')).toMatch(/^属于一类/);
});

test('Lead for 牵头, 哪一个部门 for the units, 幾耐 for how long', async () => {
  expect(await lastReply(DAY, '汇计划的Lead部门是哪个')).toMatch(/经发委/);
  expect(await lastReply(DAY, '专场招聘是哪一个部门管的')).toMatch(/^“专场招聘”的责任单位/);
  expect(await lastReply(DAY, '培训辅导要等幾耐？')).toMatch(/未列明/);
});

test('another city told as background of a question about the park', async () => {
  expect(await lastReply(DAY, '杭州那边对专精特新有贷款贴息，园区会不会给贴息？')).toMatch(/贴息/);
});

test('a business in customer service asks for no person', async () => {
  expect(await lastReply(DAY, '我们是做智能客服系统的软件公司，2025年评了区级专精特新，专场招聘一年几场？')).toMatch(/1~2场/);
});

test('money given asks no fee', async () => {
  expect(await lastReply(DAY, '首次认定有奖励的钱吗')).not.toMatch(/是否收费/);
});
