/**
 * Round 134 (from batch b2's tuned half): a sign-up typed as a form ("报名：专精特新企业沙龙\n联系人：…") names the
 * activity its first line picks; "帮我取消一下 谢谢老师" leaves a form; a company placed elsewhere ("我们吴江的企业")
 * still signs up; "*市级 麻烦了" fixes a typo of the message before and answers it again; "能参加些啥活动" after the
 * tier question lists the activities.
 * Round 134b (from batch c3's tuned half): "…招聘会，帮忙报一下" signs up; a loan asked "在金融方面" by a described
 * enterprise is answered for the loan measure first; a head count above the limit is offered the limit, which a yes takes.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();
const FORM = /为您报名「[^」]+」/;

test('a sign-up typed as a form names the activity of its first line', async () => {
  const reply = await (await bot.chat()).say('报名：专精特新企业沙龙\n联系人：沈蕾\n手机：13814627753\n人数：2');
  expect(reply).toMatch(/为您报名「【示例】专精特新企业沙龙/);
  expect(reply).not.toMatch(/没有找到名为/);
});

test('a polite cancel leaves the form', async () => {
  const chat = await bot.chat();
  expect(await chat.say('老师 报名企业沙龙')).toMatch(FORM);
  expect(await chat.say('帮我取消一下 谢谢老师')).toMatch(/已取消当前事项/);
});

test('a company placed elsewhere signs up for a training', async () => {
  expect(await (await bot.chat()).say('我们吴江的企业 想报个专精特新的培训班')).toMatch(FORM);
});

test('"*市级" fixes the typo of the question before and answers it again', async () => {
  const chat = await bot.chat();
  await chat.say('老师您好 我们公司2018年成立的 六十来个人 做仪器仪表 2022年评的是级专精特新 想问下贷款这块园区有没有支持');
  const again = await chat.say('*市级 麻烦了');
  expect(again).toMatch(/已更正/);
  expect(again).toMatch(/风险补偿|贴息/);
});

test('which activities we may join, asked after the tier', async () => {
  const reply = await (await bot.chat()).say('领导让我来问问：咱们公司2021年成立，40个人，还没拿过任何专精特新荣誉，去年刚进了园区的培育库。请问咱们算哪一类呀？能参加些啥活动？');
  expect(reply).toMatch(/三类/);
  expect(reply).toMatch(/近期的活动/);
});

test('the favour asked in a clause of its own after the activity signs up', async () => {
  expect(await (await bot.chat()).say('我们hr要去专精特新专场招聘会，帮忙报一下，5个人')).toMatch(FORM);
});

test('a loan asked "在金融方面" is the loan measure, first', async () => {
  const reply = await (await bot.chat()).say('您好，我们公司150人，2020年入库培育，2023年获评市级专精特新。打算找银行申请一笔贷款。想问下汇计划在金融方面对专精特新企业贷款有什么支持？');
  expect(reply.slice(0, 120)).toMatch(/金融支持/);
  expect(reply.slice(0, 150)).toMatch(/风险补偿|贴息/);
});

test('a head count above the limit is offered the limit, and a yes takes it', async () => {
  const chat = await bot.chat();
  await chat.say('我想报名专精特新企业沙龙');
  await chat.say('同意');
  await chat.say('苏州测试精密机械有限公司');
  await chat.say('91320594MA1P4HT203');
  await chat.say('陈晓雯');
  await chat.say('15950032716');
  expect(await chat.say('5')).toMatch(/是否按 2 人报名/);
  expect(await chat.say('是')).toMatch(/请核对报名信息[\s\S]*2 人|参会人数：2/);
});

test('signing up asked politely or passed on, with the details in the same message', async () => {
  expect(await (await bot.chat()).say('您好，烦请帮我们孵化的企业报名“专精特新”企业沙龙，谢谢')).toMatch(FORM);
  expect(await (await bot.chat()).say('在吗 人事部让我帮忙报一下专精特新专场招聘会 公司是苏州测试智能科技有限公司 联系人王芳 手机15962881234 去3个人')).toMatch(FORM);
});

test('two plans before a support question: the advisor asks what it needs', async () => {
  const reply = await (await bot.chat()).say('我们老板想三年里上市，也想从外面引进几个高端人才，我们是专精特新企业，你帮我看看我们能享受啥支持');
  expect(reply).toMatch(/哪一级“专精特新”荣誉/);
});

test('signing up asked in English', async () => {
  expect(await (await bot.chat()).say('pls register me for the 企业沙龙')).toMatch(FORM);
  expect(await (await bot.chat()).say('we need engineers - pls sign us up for the next 专精特新 专场招聘 (job fair)')).toMatch(FORM);
});
