/**
 * Written for the tests (not taken from an evaluation set), through the whole product: an apology that
 * opens a correction at a yes/no prompt is no "no"; every question after it is answered; the
 * cancellation asked again at its confirmation confirms it; the question for a 服务专员 is taken as
 * typed even when it names activities; asking to be passed to a 专员 hands off; two measures asked of
 * our facts are each judged; a question typed at the enterprise-name prompt is answered, not taken
 * for the name.
 */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('an apology opening a correction at a yes/no prompt: no answer, both questions answered', async () => {
  const chat = await bot.chat();
  const first = await chat.say('我们是做激光器的中小企业，2024年拿了市级专精特新，算哪一类？能享受哪些支持？');
  expect(first).toMatch(/是否属于工业（制造业）企业|是否有上市计划|招聘需求/);
  const reply = await chat.say('不好意思说错了，2024年拿的是省级，不是市级。那我们到底是哪一类？资源集约利用评价能加几分？');
  expect(reply).toMatch(/一类/);
  expect(reply).toMatch(/加 ?2 ?分/);
});

test('the cancellation asked again at its confirmation confirms it', async () => {
  const chat = await bot.chat();
  expect(await chat.sayAll(`报名：${SALON}`, '同意', '苏州工业园区测试科技有限公司', '91320594MA1P6T4E3C', '刘洋', '13800001111', '1', '确认提交')).toMatch(/报名成功/);
  expect(await chat.say('我要取消刚才的报名')).toMatch(/确定要取消/);
  expect(await chat.say('对，取消刚才那个报名')).toMatch(/已取消/);
});

test('the question for a 服务专员 is passed on as typed, even when it names activities', async () => {
  const chat = await bot.chat();
  expect(await chat.say('帮我转人工')).toMatch(/请简要描述/);
  expect(await chat.say('想了解专精特新贷和沙龙安排')).not.toMatch(/近期的企业沙龙/);
});

test('asking to be passed to a 专员 hands off', async () => {
  const chat = await bot.chat();
  expect(await chat.say('你说的我还是不太明白，能帮我转服务专员吗？')).toMatch(/转接(?:企服中心的)?“专精特新”服务专员/);
});

test('two measures asked of our facts are each judged', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们2025年拿了区级专精特新，打算冲刺科创板。汇计划在贷款和上市这两块分别有什么支持？');
  expect(reply).toMatch(/金融支持/);
  expect(reply).toMatch(/上市培育/);
});

test('a question typed at the enterprise-name prompt is answered, not taken as the name', async () => {
  const chat = await bot.chat();
  await chat.say(`报名：${SALON}`);
  await chat.say('同意');
  const reply = await chat.say('等一下 先问个事 省级专精特新在资源集约利用评价里能加几分');
  expect(reply).toMatch(/加 ?2 ?分/);
  expect(reply).toMatch(/企业全称/);
});
