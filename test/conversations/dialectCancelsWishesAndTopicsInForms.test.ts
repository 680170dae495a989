/**
 * Round 136e (from batch g3's unseen half — gc3, gd3, gh3 — after its numbers were taken, now in the tuning pool): "那个沙龙
 * 我去勿成了 帮我取消掉" in a form leaves it (去不成 is 去不了); "专场招聘现在可以报名吗？我们孵化的一家公司想参加" is a sign-up
 * for the activity asked about; a question typed in a form that names a topic of the policy ("对接链主企业的供需专区是在哪个
 * 平台上的") is answered by the Q&A, not with the activity's details — which still answer "在哪里举办".
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"去不成了 帮我取消掉" in a form leaves it', async () => {
  const chat = await bot.chat();
  await chat.say('报名企业沙龙');
  expect(await chat.say('刚刚报的那个沙龙我去勿成了 帮我取消掉')).toMatch(/已取消当前事项/);
});

test('an enterprise wanting to take part, after asking whether the activity is open, is signed up', async () => {
  expect(await (await bot.chat()).say('请问专精特新专场招聘现在可以报名吗？我们孵化的一家公司想参加')).toMatch(/为您报名「[^」]+」（专场招聘/);
});

test('a topic of the policy asked in a form goes to the Q&A; where the activity is held stays its details', async () => {
  const chat = await bot.chat();
  await chat.sayAll('想报名下专精特新企业沙龙 我们公司想去交流下', '同意', '苏州链工智能科技有限公司');
  const topic = await chat.say('对了 问下那个对接链主企业的供需专区 是在哪个平台上的');
  expect(topic).toMatch(/园易链/);
  expect(topic).toMatch(/继续报名[\s\S]*信用代码/);
  expect(await chat.say('在哪里举办')).toMatch(/地点：/);
});
