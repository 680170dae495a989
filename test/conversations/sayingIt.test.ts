/** Everything the bot can do is reachable by saying it (real recognizer, through Direct Line). */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test.each([
  ['以后园区有新活动，能第一时间告诉我们吗', /【订阅活动通知】/],
  ['有活动的话通知我们一下', /【订阅活动通知】/],
  ['不想收通知了', /没有订阅活动通知|已为您退订/],
  ['我报了哪些活动', /暂无进行中的报名/],
  ['我的企业信息', /企业信息|还没有/],
  ['删除我的信息', /删除|没有保存/],
  ['招聘会的详情', /类型：专场招聘[\s\S]*地点：/],
  ['只看沙龙', new RegExp(`企业沙龙共 1 项[\\s\\S]*${SALON.replace(/[【】]/g, '.')}`)],
  ['下个月有什么培训', /培训辅导/],
])('%s', async (message, expected) => {
  const chat = await bot.chat();
  expect(await chat.say(message)).toMatch(expected);
});

test('subscribe, then unsubscribe, by saying it', async () => {
  const chat = await bot.chat();
  await chat.say('以后园区有新活动，能第一时间告诉我们吗');
  expect(await chat.say('好的')).toContain('订阅成功');
  expect(await chat.say('不想再收到通知了')).toContain('已为您退订');
});

test('facts stated in a message that goes to another flow are kept: the tier is not asked later', async () => {
  const chat = await bot.chat();
  // A list request (the activities flow), with the enterprise's honour said on the way.
  await chat.say('我们是2024年认定的省级专精特新，最近有什么活动');
  const tier = await chat.say('我们属于哪一类');
  expect(tier).toMatch(/一类/);
  expect(tier).not.toMatch(/获得过哪一级/);
});

test('facts typed at a form prompt are kept too', async () => {
  const chat = await bot.chat();
  await chat.say('订阅活动通知');
  // A question at the subscription offer is answered (the offer asked again); its facts stay.
  await chat.say('我们是市级专精特新，深度诊断收费吗');
  const tier = await chat.say('我们属于哪一类');
  expect(tier).toMatch(/二类/);
  expect(tier).not.toMatch(/获得过哪一级/);
});
