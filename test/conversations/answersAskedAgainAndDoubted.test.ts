/**
 * Round 137 (from the gaps hc3 and hd3 showed after their numbers): the last answer asked again ("你再说一遍 我没看明白"),
 * doubted ("你确定吗？", "真的假的") or its policy text asked for ("原文怎么写的") is answered from what was said last;
 * a doubt before a claim heard ("你确定吗？我同事说省级只加1分，不对吧") asks the claim.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"再说一遍" with "没看明白" says the last answer once more', async () => {
  const chat = await bot.chat();
  const first = await chat.say('专场招聘是干什么的');
  const again = await chat.say('你能再说一遍吗 我没看明白');
  expect(again).toMatch(/^好的，再说一遍/);
  expect(again).toContain(first.split('\n')[0]);
});

test('a bare doubt keeps the answer and quotes the policy text it rests on', async () => {
  const chat = await bot.chat();
  await chat.say('市级专精特新资源集约利用评价能加几分');
  const doubted = await chat.say('你确定吗？');
  expect(doubted).toMatch(/答复不变/);
  expect(doubted).toMatch(/市级[^。]*加 1 分/);
  expect(doubted).toMatch(/原文：“辅导企业[^\n]*市级和区级“专精特新”企业加 1 分。”/);
});

test('the policy text asked for after an answer is the item\'s own text', async () => {
  const chat = await bot.chat();
  await chat.say('深度诊断是什么服务');
  const words = await chat.say('原文是怎么写的？');
  expect(words).toMatch(/^原文：“/);
  expect(words).toMatch(/依据：《方案》二、（四）/);
});

test('the policy text asked for after an answer that already is it says so', async () => {
  const chat = await bot.chat();
  const first = await chat.say('企业沙龙有什么用');
  const words = await chat.say('原文怎么写的');
  expect(words).toMatch(/^答复即《方案》原文/);
  expect(words).toContain(first.split('\n')[0]);
});

test('a doubt before a claim a colleague made asks the claim', async () => {
  const chat = await bot.chat();
  await chat.say('省级专精特新在资源集约利用评价里能加几分？');
  const reply = await chat.say('你确定吗？我同事说省级只加1分，不对吧');
  expect(reply).toMatch(/加 2 分/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('asked again with nothing said before, the bot asks what is meant', async () => {
  const reply = await (await bot.chat()).say('真的假的');
  expect(reply).toMatch(/请把问题说完整/);
});
