/**
 * The traps of issue 14, each as a conversation through Direct Line with the whole product (real
 * recognizer, every feature, the demo activities): what used to get a repeated prompt is served.
 */
import { SALON, TRAINING, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

const CONSENT_RETRY = '请点击“同意”继续报名';

describe('at the consent step of a sign-up', () => {
  test('转人工 starts the hand-off; 取消 there comes back to the consent question', async () => {
    const chat = await bot.chat();
    expect(await chat.say('我要报名企业沙龙')).toContain('个人信息告知');
    const handoff = await chat.say('转人工');
    expect(handoff).toContain('服务专员');
    expect(handoff).not.toContain(CONSENT_RETRY);
    const back = await chat.say('取消');
    expect(back).toContain('没有创建转人工工单');
    expect(back).toContain('我们继续报名');
    expect(await chat.say('同意')).toContain('企业全称');
  });

  test.each([
    ['退订', /没有订阅活动通知|已为您退订/],
    ['我要找真人', /服务专员/],
    ['我的报名', /您正在填写「[^」]+」的报名，尚未提交[\s\S]*此前没有其他报名/],
    ['深度诊断收费吗', /免费/],
  ])('%s is served, not answered with the consent retry', async (message, served) => {
    const chat = await bot.chat();
    await chat.say('我要报名企业沙龙');
    const reply = await chat.say(message);
    expect(reply).toMatch(served);
    expect(reply).not.toContain(CONSENT_RETRY);
  });
});

/** Drives a sign-up of the salon (2 seats per enterprise) to the head-count question. */
async function atHeadCount() {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意', '苏州测试科技有限公司', bot.nextCode(), '王明');
  expect(await chat.say('13912345678')).toContain('参会人数');
  return chat;
}

describe('at the head-count step', () => {
  test('我的报名 is shown and the head count asked again', async () => {
    const chat = await atHeadCount();
    const reply = await chat.say('我的报名');
    expect(reply).toMatch(/您正在填写「[^」]+」的报名，尚未提交/);
    expect(reply).toContain('此前没有其他报名');
    expect(reply).toContain('参会人数');
    expect(reply).not.toContain('请用数字填写参会人数');
    expect(await chat.say('2')).toContain('请核对报名信息');
  });

  test('取消报名 leaves the form (nothing saved) and, with nothing else to cancel, says no more', async () => {
    const chat = await atHeadCount();
    const reply = await chat.say('取消报名');
    expect(reply).toContain('填写的信息没有保存');
    // ("已取消…" followed by "没有可以取消的报名" read as a contradiction.)
    expect(reply).not.toContain('没有可以取消的报名');
    expect((await bot.activities.registrations.listForUser('directline', chat.userId)).length).toBe(0);
  });

  test('an answer that is not a number gets what is expected, then an example and a way out', async () => {
    const chat = await atHeadCount();
    expect(await chat.say('确认')).toContain('参会人数');
    const second = await chat.say('好的');
    expect(second).toContain('例如：2');
    expect(second).toContain('[结束报名]');
    expect(await chat.say('结束报名')).toContain('填写的信息没有保存');
  });
});

test('at the credit-code step a policy question is answered, then the code asked again', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名参加培训', '同意', '苏州示范电子有限公司');
  const reply = await chat.say('深度诊断收费吗');
  expect(reply).toContain('免费');
  expect(reply).toContain('信用代码');
  expect(reply).not.toContain('由 18 位数字和大写字母组成');
});

describe('hand-off', () => {
  test('the contact step takes the bot\'s own example; the ticket keeps the question asked before', async () => {
    const chat = await bot.chat();
    await chat.say('一对一辅导需要提前预约吗');
    const ask = await chat.say('转人工');
    expect(ask).toContain('一对一辅导需要提前预约吗');
    await chat.say('就是刚才的问题');
    const opened = await chat.say('王先生 13912345678');
    expect(opened).toContain('工单号');
    expect(opened).toContain('问题：一对一辅导需要提前预约吗');
    const { items } = await bot.admin.tickets.list();
    const ticket = items.find((t) => t.conversationId === chat.conversationId)!;
    expect(ticket.question).toBe('一对一辅导需要提前预约吗');
    expect(ticket.contactName).toBe('王先生');
    expect(ticket.mobile).toBe('13912345678');
  });

  test('留下姓名和手机号, then name and mobile in one message', async () => {
    const chat = await bot.chat();
    await chat.sayAll('转人工', '深度诊断需要准备哪些材料');
    expect(await chat.say('留下姓名和手机号')).toContain('王先生 13912345678');
    expect(await chat.say('王先生 13912345678')).toContain('工单号');
  });

  test('"就是刚才的问题" with nothing asked before asks for the question instead of storing those words', async () => {
    const chat = await bot.chat();
    await chat.say('转人工');
    expect(await chat.say('就是刚才的问题')).toContain('请直接输入您要咨询的问题');
    await chat.say('专场招聘怎么参加');
    expect(await chat.say('本会话回复即可')).toContain('问题：专场招聘怎么参加');
  });

  test('after an official answers, the user\'s replies go to the ticket until 返回助手', async () => {
    const chat = await bot.chat();
    await chat.sayAll('转人工', '深度诊断怎么申请', '本会话回复即可');
    const ticket = (await bot.admin.tickets.list()).items.find((t) => t.conversationId === chat.conversationId)!;
    await bot.admin.tickets.reply(ticket.id, '您好，请通过企服中心官网提交申请。', { name: 'zhang.san', role: 'editor', source: 'env' });

    const relayed = await chat.say('好的谢谢，一对一辅导需要提前预约吗');
    expect(relayed).toContain(`工单 #${ticket.id}`);
    expect(relayed).toContain('返回助手');
    expect(relayed).not.toContain('没有找到相关内容');
    const detail = await bot.admin.tickets.detail(ticket.id);
    expect(detail!.messages.map((m) => m.text)).toContain('好的谢谢，一对一辅导需要提前预约吗');

    const again = await chat.say('转人工');
    expect(again).toContain('服务专员已在本会话回复');
    // A global command still reaches the bot.
    expect(await chat.say('我的报名')).toContain('暂无进行中的报名');

    expect(await chat.say('返回助手')).toContain('已回到智能助手');
    expect(await chat.say('深度诊断收费吗')).toContain('免费');

    // A new answer from the official: the conversation is with the 服务专员 again, until the ticket is closed.
    await bot.admin.tickets.reply(ticket.id, '预约请拨打服务专窗电话。', { name: 'zhang.san', role: 'editor', source: 'env' });
    expect(await chat.say('好的')).toContain(`工单 #${ticket.id}`);
    await bot.admin.tickets.close(ticket.id, { name: 'zhang.san', role: 'editor', source: 'env' });
    expect(await chat.say('深度诊断收费吗')).toContain('免费');
  });
});

test('"以后园区有新活动，能第一时间告诉我们吗" offers the subscription', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('以后园区有新活动，能第一时间告诉我们吗');
  expect(reply).toContain('订阅');
  expect(reply).toContain('[确认订阅]');
  expect(await chat.say('确认订阅')).toContain('订阅成功');
});

test('a company already signed up that clicks 报名 is told at once, with 我的报名 and 取消报名', async () => {
  const chat = await bot.chat();
  await chat.registeredFor(TRAINING);
  const reply = await chat.say(`报名：${TRAINING}`);
  expect(reply).toContain('已报名');
  expect(reply).toContain('[我的报名]');
  expect(reply).toContain(`[取消报名：${TRAINING}]`);
  expect(reply).not.toContain('个人信息告知');
});

test('the activity list tells the true count, shows the place, and 更多 shows the rest', async () => {
  const published = await bot.activities.activities.listUpcoming({ limit: 100 });
  const chat = await bot.chat();
  const first = await chat.say('最近有什么活动');
  expect(first).toContain(`共 ${published.length} 项`);
  expect(first).toContain('地点：');
  expect(first).toContain('[更多活动]');
  const more = await chat.say('更多');
  for (const activity of published.slice(3)) expect(more).toContain(activity.title);
  expect(await chat.say('下一页')).toContain('已经全部列出');
});

test('帮助 shows one list, then the flow goes on', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名参加培训', '同意');
  const help = await chat.say('帮助');
  expect(help).toContain('我可以帮您');
  expect(help).not.toMatch(/^\s*1\./m);
  expect(help).toContain('企业全称');
  expect(await chat.say('苏州测试科技有限公司')).toContain('信用代码');
});

test('the tier question takes a statement of the honour; a question about the activity is answered from it', async () => {
  const chat = await bot.chat();
  expect(await chat.say('报名：【示例】产业对接专场：供需对接与产学研合作')).toContain('属于哪一类培育对象');
  expect(await chat.say('我们是省级专精特新')).toContain('个人信息告知');
  const place = await chat.say('这个活动在哪里举办');
  expect(place).toContain('地点：');
  expect(place).toContain('个人信息告知');
});

test('a question nobody can answer at the credit-code step gets an honest answer, not the code rules', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名参加培训', '同意', '苏州示范电子有限公司');
  const reply = await chat.say('需要带什么材料吗');
  expect(reply).not.toContain('由 18 位数字和大写字母组成');
  expect(reply).toContain('信用代码');
});

test('clicking 报名 on another activity in the middle of a form switches to it (the title is not taken as a field)', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名参加企业沙龙', '同意');
  await chat.say('最近有什么活动');
  const switched = await chat.say(`报名：${TRAINING}`);
  expect(switched).toContain('改为报名您新选的活动');
  expect(switched).toContain('个人信息告知');
  expect(await chat.say('同意')).toContain('企业全称');
});

test('details typed together are all kept; "手机号填错了" at the summary asks only the mobile again', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意');
  expect(await chat.say('我们公司叫苏州某某科技有限公司')).toContain('信用代码');
  expect(await chat.say(`代码是${bot.nextCode()}`)).toContain('联系人姓名');
  expect(await chat.say('联系人王明，手机13912345678')).toContain('参会人数');
  const summary = await chat.say('我们两个人参加');
  expect(summary).toContain('企业名称：苏州某某科技有限公司');
  expect(summary).toContain('联系人：王明');
  expect(summary).toContain('参会人数：2 人');
  expect(await chat.say('手机号填错了')).toContain('手机号');
  const again = await chat.say('13812345678');
  expect(again).toContain('13812345678');
  expect(again).toContain('联系人：王明');
  expect(await chat.say('确认提交')).toContain('报名成功');
});

describe('a short answer followed by a request of its own', () => {
  test('"好的，顺便问下…" at the subscription offer subscribes, then answers the question', async () => {
    const chat = await bot.chat();
    expect(await chat.say('我想订阅活动通知')).toContain('【订阅活动通知】');
    const reply = await chat.say('好的 顺便问下 这些活动通知平时都在哪里发布');
    expect(reply).toContain('订阅成功');
    expect(reply).not.toContain('暂未订阅');
    expect(reply).toMatch(/企服中心官网|经济大脑/);
    expect(reply.indexOf('订阅成功')).toBeLessThan(reply.search(/企服中心官网|经济大脑/));
  });

  test('"同意，另外…" at the notice gives consent, answers, and asks the next field again', async () => {
    const chat = await bot.chat();
    await chat.say('我要报名企业沙龙');
    const reply = await chat.say('同意，另外想问下企业沙龙一般都聊些什么');
    expect(reply).toContain('政企面对面');
    expect(reply).toMatch(/我们继续报名。.*企业全称/);
    expect(reply).not.toContain(CONSENT_RETRY);
    expect(await chat.say('苏州测试科技有限公司')).toContain('统一社会信用代码');
  });

  test('a reply whose rest is no request stays one answer', async () => {
    const chat = await bot.chat();
    await chat.say('我想订阅活动通知');
    const reply = await chat.say('好的，谢谢');
    expect(reply).toContain('订阅成功');
    expect(reply).not.toContain('抱歉');
  });
});

test('at the credit code, "稍后补充可以吗" gets where to find the code and how to leave, not a policy fallback', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意', '苏州测试科技有限公司');
  const reply = await chat.say('稍后补充可以吗');
  expect(reply).toContain('印在营业执照上');
  expect(reply).not.toContain('没有找到相关内容');
  expect(await chat.say(bot.nextCode())).toContain('联系人');
});

test('a question ending in 嘛 and an emoji at the company-name prompt is answered, not refused as a name', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意');
  const reply = await chat.say('btw 深度诊断要钱嘛😂');
  expect(reply).toMatch(/免费/);
  expect(reply).not.toMatch(/表情符号/);
  expect(reply).toMatch(/企业全称/);
  await chat.sayAll('苏州喵星人宠物用品有限公司', '91320594MA1P6T4E3C', '吴晨', '13800003333');
  expect(await chat.say('1')).toMatch(/企业名称：苏州喵星人宠物用品有限公司\n/);
});
