/**
 * WeChat (wechaty-puppet-mock) with the product's real dialogs and recognizer: numbered choices
 * that stay valid over a reply of several messages, a sign-up from a pushed notice, a hand-off reply.
 */
import type { App } from '../../src/app';
import { createRecognizer } from '../../src/nlu';
import { createBotFeatures, type BotFeatures } from '../../src/features';
import { creditCode, startTestApp } from '../helpers/testApp';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION } from '../../src/activities/notice';
import { MockWechat, waitUntil, type Person } from './mockWechat';

jest.setTimeout(60000);

const SALON = '【示例】专精特新企业沙龙：政策宣讲与需求对接';
const OFFICIAL = { name: 'zhang.san', role: 'editor' as const, source: 'env' as const };

/** The bot's messages to `person` after `from`, once they have stopped coming for a moment. */
async function settle(person: Person, from: number): Promise<string[]> {
  let seen = -1;
  await waitUntil(() => person.received.length > from, 'a reply');
  for (;;) {
    await new Promise((r) => setTimeout(r, 150));
    if (person.received.length === seen) return person.received.slice(from);
    seen = person.received.length;
  }
}

async function ask(person: Person, text: string): Promise<string> {
  const from = person.received.length;
  person.say(text);
  return (await settle(person, from)).join('\n---\n');
}

describe('WeChat with the real dialogs and recognizer', () => {
  const world = new MockWechat();
  let app: App<BotFeatures>;

  beforeAll(async () => {
    ({ app } = await startTestApp({
      recognizer: await createRecognizer(),
      features: (services) => createBotFeatures(services, { wechat: { wechaty: world.wechaty } }),
      env: { WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: 'huibot-real', SEED_DEMO: 'true', WECHAT_SEND_GAP_MIN_MS: '1', WECHAT_SEND_GAP_MAX_MS: '5' },
    }));
    await world.login();
  });
  afterAll(() => app?.close());

  test('numbers go on across the messages of one reply and all stay valid until the next message', async () => {
    const user = world.person('列表用户');
    const list = await ask(user, '最近有什么活动');
    expect(list).not.toContain('点击');
    expect(list).toContain('回复数字');
    // Cards (报名/详情 per activity) and the 更多活动 hint: one numbering.
    const numbers = [...list.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const more = list.split('\n').find((l) => /^\d+\. 更多活动$/.test(l))!;
    expect(more).toBeDefined();
    // The first number of the first message still works after the later messages.
    const first = list.split('\n').find((l) => /^1\. /.test(l))!;
    expect(first).toContain(`报名：${SALON}`);
    const consent = await ask(user, '1');
    expect(consent).toContain('个人信息告知');
    expect(consent).not.toContain('点击');
  });

  test('帮助 shows one numbered list', async () => {
    const user = world.person('帮助用户');
    const help = await ask(user, '帮助');
    expect(help.match(/^1\. /gm)).toHaveLength(1);
  });

  test('a sign-up from a pushed notice: its 报名 number starts the sign-up, or says at once that the enterprise is signed up', async () => {
    const fresh = world.person('通知用户甲');
    const registered = world.person('通知用户乙');
    for (const user of [fresh, registered]) {
      await ask(user, '订阅活动通知');
      expect(await ask(user, '确认订阅')).toContain('订阅成功');
    }
    const module = app.features.activities.module;
    const activity = (await module.activities.findUpcomingByTitle(SALON))!;
    await module.registrations.register({
      activityId: activity.id,
      enterpriseName: '苏州测试科技有限公司',
      creditCode: creditCode(4242),
      contactName: '王明',
      mobile: '13912345678',
      attendees: 1,
      origin: { channelId: 'wechat', userId: registered.id, conversationId: `contact:${registered.id}`, refKey: `wechat|contact:${registered.id}` },
      consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: new Date().toISOString() },
    });

    const admin = app.features.admin.module;
    const marks = [fresh.received.length, registered.received.length];
    await admin.notifications.send({ text: '园区将举办专精特新企业沙龙，欢迎报名。', activityId: activity.id, audience: {} }, OFFICIAL);
    const noticeTo = async (user: Person, from: number) => {
      const notice = (await settle(user, from)).join('\n');
      expect(notice).toContain('欢迎报名');
      return notice;
    };
    const freshNotice = await noticeTo(fresh, marks[0]);
    const number = /^(\d+)\. 报名：/m.exec(freshNotice)?.[1];
    expect(number).toBeDefined();
    // The registered enterprise's notice may already say so; its 报名 reply is told at once either way.
    await noticeTo(registered, marks[1]);

    const consent = await ask(fresh, number!);
    expect(consent).toContain('个人信息告知');
    const told = await ask(registered, `报名：${SALON}`);
    expect(told).toContain('已报名');
    expect(told).not.toContain('个人信息告知');
  });

  test('after an official answers a hand-off ticket, the reply goes to the ticket', async () => {
    const user = world.person('转人工用户');
    await ask(user, '转人工');
    await ask(user, '深度诊断怎么申请');
    expect(await ask(user, '本会话回复即可')).toContain('工单号');
    const admin = app.features.admin.module;
    const ticket = (await admin.tickets.list()).items.find((t) => t.userId === user.id)!;
    const from = user.received.length;
    await admin.tickets.reply(ticket.id, '您好，请通过企服中心官网提交申请。', OFFICIAL);
    expect((await settle(user, from)).join('\n')).toContain('请通过企服中心官网提交申请');

    const relayed = await ask(user, '好的谢谢，一对一辅导需要提前预约吗');
    expect(relayed).toContain(`工单 #${ticket.id}`);
    expect(relayed).toContain('返回助手');
    const detail = await admin.tickets.detail(ticket.id);
    expect(detail!.messages.map((m) => m.text)).toContain('好的谢谢，一对一辅导需要提前预约吗');
    expect(await ask(user, '返回助手')).toContain('已回到智能助手');
  });
});
