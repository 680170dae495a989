/**
 * Round 135c (from the tuned pool's dialogs): "取消那个沙龙" cancels by the activity named; a request for a person that
 * says what it is about ("先转人工吧，我想找服务专员问下首次认定奖补的事") takes that as the question instead of asking
 * for it, and a form it interrupted goes on afterwards; "HR让我帮她报一下…招聘会" signs up (asked by someone else for the one
 * who goes).
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('an activity named with 取消 is a cancel', async () => {
  const chat = await bot.chat();
  expect(await chat.say('取消那个沙龙')).not.toMatch(/政企面对面沟通机制/);
  expect(await chat.say('帮我取消下周的培训')).not.toMatch(/定制化培训班/);
});

test('the matter told with 转人工 is the question; the form goes on after', async () => {
  const chat = await bot.chat();
  expect(await chat.say('转人工，我想问下首次认定奖补的事')).toMatch(/咨询事项：“[^”]*首次认定奖补/);
  expect(await chat.say('本会话回复即可')).toMatch(/工单号/);

  const form = await bot.chat();
  await form.sayAll('报名企业沙龙', '同意', '苏州澜码网络科技有限公司', '91320594MA1P3D7K17', '周婷', '13962588041');
  const asked = await form.say('先转人工吧，我想找服务专员问下首次认定奖补的事');
  expect(asked).not.toMatch(/请简要描述/);
  expect(await form.say('本会话回复即可')).toMatch(/继续报名[\s\S]*参会人数/);
});

test('转人工 alone still asks what it is about', async () => {
  expect(await (await bot.chat()).say('转人工')).toMatch(/请简要描述/);
});

test('asked by someone else to sign them up, the form starts', async () => {
  expect(await (await bot.chat()).say('HR让我帮她报一下专精特新专场招聘会')).toMatch(/为您报名「[^」]+」（专场招聘/);
});
