/**
 * Round 133 (from batch aa2's dialogs, in the pool): "兹报名参加…" of official letters signs up; a boss's task after
 * why ("老板说厂里缺人 让我报名那个专场招聘会") signs up; "帮我取消刚刚报的培训班" cancels, it does not sign up again;
 * the summary confirmed in Traditional characters ("確認無誤，送出") submits.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();
const FORM = /为您报名「[^」]+」/;

test('兹报名 and a boss’s task after why sign up', async () => {
  expect(await (await bot.chat()).say('贵中心：兹报名参加专精特新企业沙龙，敬请办理为盼。')).toMatch(FORM);
  expect(await (await bot.chat()).say('老板说厂里缺人 让我报名那个专精特新专场招聘会 我们去两个人')).toMatch(FORM);
});

test('cancelling what was just signed up for, in the middle of its form, leaves it', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我想帮公司报名专精特新的培训班')).toMatch(FORM);
  const left = await chat.say('帮我取消刚刚报的培训班');
  expect(left).toMatch(/已取消当前事项|没有提交/);
  expect(left).not.toMatch(FORM);
});

test('the summary confirmed in Traditional characters submits', async () => {
  const chat = await bot.chat();
  await chat.say('我想幫公司報名專精特新企業沙龍');
  await chat.say('同意');
  await chat.say('蘇州測試精密模具有限公司');
  await chat.say('91320594MA1P4HT203');
  await chat.say('林佩君');
  await chat.say('13962158437');
  expect(await chat.say('2')).toMatch(/请核对报名信息/);
  expect(await chat.say('確認無誤，送出')).toMatch(/报名成功/);
});
