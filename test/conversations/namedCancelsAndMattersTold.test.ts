/**
 * Round 135c (from the tuned pool's dialogs): "取消那个沙龙" cancels by the activity named; a request for a person that
 * says what it is about ("先转人工吧，我想找服务专员问下首次认定奖补的事") takes that as the question instead of asking
 * for it, and a form it interrupted goes on afterwards; "HR让我帮她报一下…招聘会" signs up (asked by someone else for the one
 * who goes).
 * Round 135f (from batch e3, now in the tuning pool): a matter only hinted at ("还有个事想找人问问 转人工") is asked for;
 * the kind of activity offered, named back ("专场招聘"), takes the offer; "我想帮公司报一下" signs up; "我的报名在哪里看"
 * in a form shows the sign-ups; "谁主版的" (主版 is a word of its own) is who organises it.
 * Round 135g (from batch f3, after its numbers were taken): "培训那个帮我取消掉吧" at the consent notice leaves the form;
 * "想给我们厂中层报个…培训班 咋报呀" is a wish to sign up, so the form is offered.
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

test('a matter only hinted at with 转人工 is still asked for', async () => {
  expect(await (await bot.chat()).say('还有个事想找人问问 转人工')).toMatch(/请简要描述/);
});

test('the kind of activity offered, named back, takes the offer', async () => {
  const chat = await bot.chat();
  expect(await chat.say('专精特新专场招聘会怎么报名，我们公司想去招几个工程师')).toMatch(/需要现在为您报名吗/);
  expect(await chat.say('专场招聘')).toMatch(/为您报名「[^」]+」（专场招聘/);
});

test('wanting to sign the company up, asked whether one can: the form starts', async () => {
  expect(await (await bot.chat()).say('请问专精特新的培训班现在可以报名吗？我想帮公司报一下')).toMatch(/为您报名「[^」]+」（培训辅导/);
});

test('my sign-ups asked where to see them, in the middle of a form: the sign-ups, not the activity\'s place', async () => {
  const chat = await bot.chat();
  await chat.say('麻烦帮我报名一下企业沙龙');
  const reply = await chat.say('请问我的报名在哪里看呀？');
  expect(reply).toMatch(/尚未提交/);
  expect(reply).not.toMatch(/地点：/);
});

test('谁主版的 is who organises it', async () => {
  expect(await (await bot.chat()).say('专精特新的沙笼一般是谁主版的')).toMatch(/责任单位：经发委/);
});

test('the activity first, then the cancel, at the consent notice: the form is left; 沙龙取消了吗 asks', async () => {
  const chat = await bot.chat();
  await chat.say('想给两位同事报名专精特新培训班');
  expect(await chat.say('不好意思，培训那个帮我取消掉吧，时间冲突了')).toMatch(/已取消当前事项/);
  expect(await (await bot.chat()).say('沙龙取消了吗')).not.toMatch(/取消报名|已取消/);
});

test('wanting to sign colleagues up, asked how: the form is offered', async () => {
  expect(await (await bot.chat()).say('想给我们厂中层报个专精特新的培训班 咋报呀')).toMatch(/需要现在为您报名吗/);
});
