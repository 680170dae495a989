/**
 * "想报名参加专场招聘会，请问怎么报名？": the answer says how enterprises sign up, then offers the form right
 * here; "好的" takes the offer, any other message withdraws it. Through Direct Line with the whole product.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

const OFFER = /需要现在为您报名吗/;
const FORM = /个人信息告知/;

test('a wish to take part asked with how: the answer, then the form offered; 好的 starts it for that kind of activity', async () => {
  const chat = await bot.chat();
  const answer = await chat.say('您好，我们明年要招几个工艺工程师，打算参加专精特新专场招聘会，请问怎么报名？');
  expect(answer).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
  expect(answer).toMatch(OFFER);
  expect(answer).toContain('报名专场招聘');
  const form = await chat.say('好的');
  expect(form).toMatch(/为您报名「[^」]+」（专场招聘/);
  expect(form).toMatch(FORM);
});

test('any other message withdraws the offer: a later 好的 signs nothing up', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们是市级专精特新，想参加企业沙龙，怎么报名')).toMatch(OFFER);
  expect(await chat.say('沙龙是谁组织的')).not.toMatch(OFFER);
  expect(await chat.say('好的')).not.toMatch(FORM);
});

test('no wish told, no offer: how enterprises sign up is all that is asked', async () => {
  const chat = await bot.chat();
  const answer = await chat.say('企业沙龙一般怎么报名');
  expect(answer).toMatch(/线上\+线下/);
  expect(answer).not.toMatch(OFFER);
});

test('no activity of the kind open for sign-up, no offer', async () => {
  const fairs = await bot.activities.activities.listUpcoming({ type: 'jobfair' });
  for (const fair of fairs) await bot.activities.activities.cancel(fair.id, '测试');
  const chat = await bot.chat();
  const answer = await chat.say('您好，我们明年要招几个工艺工程师，打算参加专精特新专场招聘会，请问怎么报名？');
  expect(answer).toMatch(/线上\+线下/);
  expect(answer).not.toMatch(OFFER);
});

test('a training named by what the policy calls it (申报辅导, 线上解读) is the training signed up for', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('您好，我想报名参加重点荣誉项目的申报辅导，为明年申报省级做准备，烦请协助办理');
  expect(reply).toMatch(/为您报名「[^」]+」（培训辅导/);
});
