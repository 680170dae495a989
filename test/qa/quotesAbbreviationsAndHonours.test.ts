/**
 * Formal 均, another tier asked whether it may after a measure, home-made abbreviations (金汇, 区专精, 啥类), names typed
 * as keywords, a platform that is no question of form, an amount of a reward, the honours' own recognition (no part of
 * the programme), a bare command to sign up, a quoted sentence of the policy before a dash or a question. Written for
 * the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('formal 均 for 都, and another tier asked whether it may, of the measure just talked about', async () => {
  expect(await lastReply(DAY, '苗圃计划能享受什么服务', '请问是否所有企业均可参加？')).toMatch(/拟上市/);
  expect(await lastReply(DAY, '海外人才对接优先推荐给谁', '那三类会员能享受吗')).toMatch(/优先面向国家级、省级[\s\S]*三类企业不在优先列/);
});

test('home-made abbreviations and names typed as keywords', async () => {
  expect(await lastReply(DAY, '金汇都有啥')).toMatch(/^金融汇[\s\S]*金融支持、上市培育/);
  expect(await lastReply(DAY, '区专精 2026的 啥类')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '发文时间 文号')).toMatch(/2022年6月17日[\s\S]*苏园经〔2022〕11号/);
});

test('a platform asked for is no question of online or offline; an amount of a reward is unlisted', async () => {
  const platform = await lastReply(DAY, '有没有网上平台可以发布采购需求找配套');
  expect(platform).toMatch(/园易链/);
  expect(platform).not.toMatch(/线上还是线下/);
  expect(await lastReply(DAY, '揭榜成功的企业能拿多少奖金')).toMatch(/未列明/);
});

test('the honours’ own recognition is no part of the programme', async () => {
  expect(await lastReply(DAY, '园区可以帮我们直接认定为国家级小巨人吗')).toMatch(/不涉及荣誉本身的认定[\s\S]*优先推荐/);
  expect(await lastReply(DAY, '省级专精特新复核有什么评分规则')).toMatch(/不涉及荣誉本身的认定/);
  // (A first recognition's reward asked of is not the review of an honour.)
  expect(await lastReply(DAY, '如果认定成功大概能拿多少钱')).not.toMatch(/不涉及荣誉本身的认定/);
});

test('a bare command signs up; a quoted sentence of the policy lends its topic', async () => {
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('报个培训')).intent).toBe('sign_up');
  expect((await recognizer.recognize('报销培训费')).intent).not.toBe('sign_up');
  expect((await recognizer.recognize('“分批分次召开企业沙龙”——我想报名这个沙龙')).intent).toBe('sign_up');
  expect(await lastReply(DAY, '文件里“鼓励区内经认定的公共服务平台主动对接、靠前服务”，这些平台具体做什么？')).toMatch(/技术创新/);
});
