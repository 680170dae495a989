/**
 * Written for the tests (not taken from an evaluation set), through the whole product: a correction
 * with two questions typed at the advisor's prompt gets both answers, then the prompt again; a
 * correction that changes the tier lists what the facts now decide; the consent notice, the sign-up
 * summary and the subscription notice say in words what to reply (text-only channels show their
 * buttons as plain text).
 */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('two questions typed at an advisor prompt: both answered, then the prompt again', async () => {
  const chat = await bot.chat();
  await chat.say('我们是一家做精密零件的制造企业，2020年评了市级专精特新，属于哪一类，有哪些支持');
  const reply = await chat.say('说错了，市级是2024年评的；我们2025年还拿了省级。那现在是几类？资源集约利用评价加几分？');
  expect(reply).toMatch(/一类/);
  expect(reply).toMatch(/加 ?2 ?分/);
});

test('a correction that changes the tier during the support questions lists what the facts now decide', async () => {
  const chat = await bot.chat();
  await chat.say('请帮我看看我们能享受哪些支持');
  await chat.say('我们是2025年评上的区级专精特新，做传感器的');
  const reply = await chat.say('刚才说错了，是2025年评上的省级');
  expect(reply).toMatch(/一类/);
  expect(reply).toMatch(/已可享受：[^\n]*资源集约利用评价（加 ?2 ?分）/);
});

test('the sign-up summary says what to reply', async () => {
  const chat = await bot.chat();
  await chat.say(`报名：${SALON}`);
  await chat.say('同意');
  await chat.say('苏州工业园区测试科技有限公司');
  await chat.say('91320594MA1P6T4E3C');
  await chat.say('刘洋');
  await chat.say('13800001111');
  expect(await chat.say('1')).toMatch(/信息无误请回复“确认提交”/);
});

test('giving up in several words at the notice ends the sign-up', async () => {
  const chat = await bot.chat();
  await chat.say(`报名：${SALON}`);
  expect(await chat.say('算了，这回先不报了，麻烦帮我取消')).toMatch(/已取消当前事项/);
});

test('the consent notice asks in words', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toMatch(/请问是否同意以上告知？/);
});

test('the subscription notice asks in words', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我想订阅活动通知')).toMatch(/是否确认订阅？请回复“确认订阅”或“暂不订阅”/);
});
