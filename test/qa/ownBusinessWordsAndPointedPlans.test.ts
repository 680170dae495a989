/**
 * Round 135b (from batch e3's tuned half): what our own enterprise does or supplies ("给机关学校食堂配送", "给消防救援支队
 * 供货") is no outside matter that takes the question with it; a question ending on what was just told ("园区有没有组织
 * 这种") is asked together with the plan before it; "企业沙龙是干啥的 我们怎么报名参加" asks two things; bidding and
 * certification fees are outside the programme.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('what our own enterprise supplies is no outside matter', async () => {
  const reply = await lastReply(DAY, '我们是做学校课桌椅的 就是说主要给中小学供货 80个人 2024年评的市级专精特新 平时园区专精特新的活动 怎么报名');
  expect(reply).toMatch(/线上\+线下/);
  expect(reply).not.toMatch(/不在汇计划的范围内/);
});

test('a question ending on what was just told is asked with the plan before it', async () => {
  const reply = await lastReply(DAY, '我们做医疗耗材的 2025年评上区级专精特新 就是说我想带我们的管理层去好的企业那边学习学习 园区有没有这种');
  expect(reply).toMatch(/标杆/);
});

test('what a thing is, then how to sign up: two questions', async () => {
  const reply = await lastReply(DAY, '那个企业沙龙是干啥的 我们怎么报名参加');
  expect(reply).toMatch(/政企面对面/);
  expect(reply).toMatch(/线上\+线下/);
});

test('bidding and certification fees are outside the programme', async () => {
  expect(await lastReply(DAY, '评上专精特新以后政府招投标能加分吗')).toMatch(/不在汇计划的范围内/);
  expect(await lastReply(DAY, 'ISO14001认证费用方案里有补贴吗')).toMatch(/不在汇计划的范围内/);
});

test('a kind pointed at by name is the one a clause before named', async () => {
  const reply = await lastReply(DAY, '我们是园区认定的公共服务平台，主要做工业设计，想问下汇计划对我们这种平台有没有要求');
  expect(reply).toMatch(/公共服务平台/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('hearsay said by voice opens its clause', async () => {
  const reply = await lastReply(DAY, '伲做钣金件的一百个人二三年评的区级专精特新老板想接园区大企业的单子听讲有个揭榜的讲法是啥意思');
  expect(reply).toMatch(/揭榜|链主/);
});
