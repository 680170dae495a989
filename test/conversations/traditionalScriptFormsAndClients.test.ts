/**
 * Round 135d (from the tuned pool's dialogs, batch b2's Hong Kong-run factory among them): forms read replies typed in
 * Traditional characters and written Cantonese — "確認" subscribes, "確認冇錯，提交" submits (a reply made of the
 * choice's words), "機械工程師3個" is a position with its headcount, "幫我取消啱啱報嗰個沙龍" leaves the form; a client
 * described with nothing told of our own is the enterprise the advisor judges; a question ending on a kind named before
 * ("我们这种平台") is asked with the clause that named it.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('確認 subscribes', async () => {
  const chat = await bot.chat();
  expect(await chat.say('想訂閱專精特新培訓通知')).toMatch(/确认订阅/);
  expect(await chat.say('確認')).toMatch(/订阅成功/);
});

test('a job fair form filled in Traditional characters and Cantonese is submitted', async () => {
  const chat = await bot.chat();
  await chat.sayAll('想報名專精特新專場招聘會', '同意', '蘇州科匯精工有限公司', '91320594MA1WD3N549', '李國強', '13771908822', '2');
  expect(await chat.say('機械工程師3個，電氣工程師2個')).toMatch(/请核对报名信息/);
  expect(await chat.say('確認冇錯，提交')).toMatch(/报名成功/);
});

test('a cancel in written Cantonese leaves the form', async () => {
  const chat = await bot.chat();
  await chat.say('我想報名專精特新企業沙龍');
  expect(await chat.say('幫我取消啱啱報嗰個沙龍')).toMatch(/已取消当前事项/);
});

test('a client described, nothing told of our own: the client is judged', async () => {
  const reply = await (await bot.chat()).say('您好，客户是2025年认定的国家级专精特新小巨人，做汽车电子的，350人，最近在我们行谈贷款，问下算哪一类，能享受哪些支持？');
  expect(reply).toMatch(/一类/);
  expect(reply).not.toMatch(/获得过哪一级/);
});
