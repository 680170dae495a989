/**
 * Written for the tests (not taken from an evaluation set), through the whole product: a command typed
 * at the sign-up notice is served and the form goes on; a question an activity's details cannot answer
 * gets the policy's answer; a subscription keeps every kind of activity named, and "全部" at its
 * confirmation subscribes to all; a sign-up said after who is writing, after spoken openings or a
 * menu word, with WeChat emoji codes; asking to be put in touch with a 服务专员 hands off; what was
 * typed into a form is never offered as the question for the 服务专员; an honour compared with in a
 * claim someone reported is no fact of ours; asked when or where the next activity is, the answer
 * says the policy gives no dates and lists the activities published; a correction that says its new
 * value is taken at once, at the summary or at another field's prompt.
 */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"先帮我看看我的报名" at the notice: the sign-ups are shown, then the notice asked again', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我要报名专精特新企业沙龙')).toMatch(/个人信息告知/);
  const reply = await chat.say('等一下，先帮我看看我的报名情况');
  expect(reply).toMatch(/尚未提交[\s\S]*此前没有其他报名/);
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
  for (const text of ['我是行政，老板让我给公司报名企业沙龙', '我是咨询公司的，帮客户报名专精特新企业沙龙', '嗯那个我想报名那个企业沙龙', '活动报名[抱拳] 想报个沙龙']) {
    const chat = await bot.chat();
    expect(await chat.say(text)).toMatch(/个人信息告知/);
  }
});

test('a WeChat emoji code is no word of the question; alone, it is unreadable', async () => {
  const chat = await bot.chat();
  expect(await chat.say('深度诊断要钱不[捂脸]')).toMatch(/免费/);
  expect(await chat.say('[微笑]')).toMatch(/没有看懂/);
});

test('asking to be put in touch with the 服务专员 hands off', async () => {
  const chat = await bot.chat();
  expect(await chat.say('这个问题我想直接找人，麻烦帮我联系园区的服务专员')).toMatch(/转接(?:企服中心的)?“专精特新”服务专员/);
});

test('what was typed into a form is never offered as the question for the 服务专员', async () => {
  const chat = await bot.chat();
  await chat.sayAll('我要报名专精特新企业沙龙', '同意', '苏州工业园区测试科技有限公司', '91320594MA1P6T4E3C');
  const reply = await chat.say('人工人工！找个真人来');
  expect(reply).toMatch(/转接(?:企服中心的)?“专精特新”服务专员/);
  expect(reply).not.toMatch(/91320594MA1P6T4E3C|测试科技/);
});

test('an honour compared with in a reported claim is no fact of ours', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('1、企业情况：做传感器，员工60人；2、荣誉：2024年获评区级专精特新；3、疑问：同事说区级也算一类企业，能跟国家级一样享受重点辅导。我们到底算哪一类？');
  expect(reply).toMatch(/二类/);
  expect(reply).not.toMatch(/国家级、区级|属于一类/);
});

test('asked when and where the next salon is: not in the policy, and the published ones are listed', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('下一场沙龙是几号？在哪儿开？');
  expect(reply).toMatch(/^汇计划未列明各场活动的具体日期和地点/);
  expect(reply).toContain(SALON);
  expect(await chat.say('最近有什么活动')).not.toMatch(/未列明/);
});

test('a correction that says its new value is taken at once, at the summary or at another prompt', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意', '苏州工业园区甲乙科技有限公司', '91320594MA1P6T4E3C', '刘洋');
  const fixed = await chat.say('等下，公司名称写错了，应该是苏州工业园区丙丁科技有限公司');
  expect(fixed).toMatch(/已更正为“企业名称：苏州工业园区丙丁科技有限公司”/);
  expect(fixed).toMatch(/手机号/);
  await chat.say('13800001111');
  expect(await chat.say('1')).toMatch(/企业名称：苏州工业园区丙丁科技有限公司/);
  const more = await chat.say('人数改成2个');
  expect(more).toMatch(/已更正为“参会人数：2 人”/);
  expect(more).toMatch(/请核对报名信息[\s\S]*参会人数：2 人/);
  expect(await chat.say('联系人改成王敏')).toMatch(/联系人：王敏/);
  expect(await chat.say('手机号填错了')).toMatch(/请输入手机号/);
});
