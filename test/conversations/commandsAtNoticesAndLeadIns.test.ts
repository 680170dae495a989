/**
 * Written for the tests (not taken from an evaluation set), through the whole product: a command typed
 * at the sign-up notice is served and the form goes on; a question an activity's details cannot answer
 * gets the policy's answer; a subscription keeps every kind of activity named, and "全部" at its
 * confirmation subscribes to all; a sign-up said after who is writing, or after spoken openings.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"先帮我看看我的报名" at the notice: the sign-ups are shown, then the notice asked again', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我要报名专精特新企业沙龙')).toMatch(/个人信息告知/);
  const reply = await chat.say('等一下，先帮我看看我的报名情况');
  expect(reply).toMatch(/还没有已提交的报名/);
  expect(reply).toMatch(/同意/);
  expect(await chat.say('同意')).toMatch(/企业全称/);
});

test('a question the activity’s details cannot answer gets the policy’s answer, then the form goes on', async () => {
  const chat = await bot.chat();
  await chat.say('我想报名专场招聘会');
  const reply = await chat.say('先问一下，这个招聘会是线上还是线下？一年办几场？');
  expect(reply).toMatch(/每年举办1~2场/);
  expect(reply).toMatch(/同意/);
});

test('a subscription keeps the kinds named; "全部" at its confirmation is every kind', async () => {
  const chat = await bot.chat();
  expect(await chat.say('以后有沙龙和培训都提醒我')).toMatch(/订阅范围：企业沙龙、培训辅导/);
  const other = await bot.chat();
  const offer = await other.say('订阅活动通知，沙龙、培训、招聘会都要');
  expect(offer).not.toMatch(/订阅范围/);
  const done = await other.say('全部');
  expect(done).toMatch(/订阅成功/);
  expect(done).not.toMatch(/范围：/);
});

test('a sign-up said after who is writing, or after spoken openings, is a sign-up', async () => {
  for (const text of ['我是行政，老板让我给公司报名企业沙龙', '我是咨询公司的，帮客户报名专精特新企业沙龙', '嗯那个我想报名那个企业沙龙']) {
    const chat = await bot.chat();
    expect(await chat.say(text)).toMatch(/个人信息告知/);
  }
});
