import { types } from 'wechaty';
import { TEXT, withMenu } from '../../dialogs/messages';
import { createWechatFeature } from '../../src/features/wechat';
import { splitText } from '../../src/channels/wechat/render';
import { startTestApp, tempDbPath } from '../helpers/testApp';
import { FakeClock, MockWechat, waitUntil } from './mockWechat';
import { LONG_ANSWER_LINES, testFeature, testRecognizer } from './testFeature';

interface Handled {
  id: string;
  text: string;
  outcome: string;
}

const QUICK_SENDS = { WECHAT_SEND_GAP_MIN_MS: '1', WECHAT_SEND_GAP_MAX_MS: '5' };

/** The whole bot (createApp) with the WeChat feature on a mock WeChat account. */
async function startWechatApp(
  world: MockWechat,
  options: { dbPath?: string; env?: Record<string, string>; qr?: string[]; clock?: FakeClock } = {},
) {
  const handled: Handled[] = [];
  const { app, dbPath } = await startTestApp({
    dbPath: options.dbPath,
    recognizer: testRecognizer,
    features: async (services) => ({
      test: await testFeature(services),
      wechat: await createWechatFeature({
        wechaty: world.wechaty,
        clock: options.clock,
        printQr: (qr) => options.qr?.push(qr),
        onMessageHandled: (message, outcome) => handled.push({ id: message.id, text: message.text(), outcome }),
      })(services),
    }),
    env: { WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_NAME: 'huibot-test', ...QUICK_SENDS, ...options.env },
  });
  const outcomeOf = (predicate: (h: Handled) => boolean, what: string) => waitUntil(() => handled.find(predicate), what);
  return { app, dbPath, handled, outcomeOf };
}

describe('WeChat channel through the whole bot (wechaty-puppet-mock)', () => {
  const world = new MockWechat();
  let app: Awaited<ReturnType<typeof startWechatApp>>['app'];
  let outcomeOf: Awaited<ReturnType<typeof startWechatApp>>['outcomeOf'];
  let handled: Handled[];

  beforeAll(async () => {
    ({ app, outcomeOf, handled } = await startWechatApp(world));
    await world.login();
  });
  afterAll(() => app.close());

  test('a private message runs the bot and the reply comes back with say(), menu as numbers', async () => {
    const alice = world.person('Alice');
    const [reply] = await alice.ask('你好');
    expect(reply).toBe(`${TEXT.greeting}\n\n回复数字：\n1. 我们属于哪一类\n2. 能享受哪些支持\n3. 最近有什么活动\n4. 我的报名\n5. 转人工`);
    // The bot's own reply comes back as a message too, and is ignored.
    await outcomeOf((h) => h.text === reply && h.outcome === 'self', 'the self message');
  });

  test('the activity names the channel, the conversation and the talker', async () => {
    const bob = world.person('Bob');
    await bob.ask('你好');
    const stored = await app.services.proactive.references.get(`wechat|contact:${bob.id}`);
    expect(stored).toMatchObject({ channelId: 'wechat', conversationId: `contact:${bob.id}`, userId: bob.id, userName: 'Bob' });
    expect(stored?.reference.bot).toMatchObject({ id: world.botUser.id, name: '汇计划助手' });
  });

  test('a reply "3" picks the third option of the last menu', async () => {
    const carol = world.person('Carol');
    const [help] = await carol.ask('帮助');
    expect(help).toContain('回复数字：\n1. 我们属于哪一类');
    expect(await carol.ask('3')).toEqual(['近期活动：3月15日 企业沙龙']);
  });

  test('a multi-turn flow: a choice prompt as a numbered menu, then a text prompt', async () => {
    const dave = world.person('Dave');
    const [question] = await dave.ask('我要报名');
    expect(question).toBe('请选择活动类型：\n\n回复数字：\n1. 企业沙龙\n2. 培训辅导\n3. 专场招聘');
    expect(await dave.ask('2')).toEqual(['请输入企业名称：']);
    // The name prompt showed no menu, so "3" here is a name, not a menu choice.
    expect(await dave.ask('3')).toEqual(['已为3登记：培训辅导']);

    await dave.ask('我要报名');
    expect(await dave.ask('专场招聘')).toEqual(['请输入企业名称：']);
    expect(await dave.ask('苏州某某科技有限公司')).toEqual(['已为苏州某某科技有限公司登记：专场招聘']);
  });

  test('a wrong answer to a choice gets the retry prompt with the menu again', async () => {
    const erin = world.person('Erin');
    await erin.ask('我要报名');
    const [retry] = await erin.ask('9');
    expect(retry).toContain('请回复活动前面的数字。');
    expect(retry).toContain('1. 企业沙龙');
    expect(await erin.ask('1')).toEqual(['请输入企业名称：']);
  });

  test('a hero-card choice becomes a menu; the option can be picked by its text', async () => {
    const frank = world.person('Frank');
    const [card] = await frank.ask('有哪些支持');
    expect(card).toContain('想了解哪类支持？');
    expect(card).toContain('回复数字：\n1. 资金支持\n2. 人才支持');
    expect(await frank.ask('人才支持')).toEqual(['您选择了：人才支持']);
  });

  test('a long reply is split into several messages of at most 1500 characters', async () => {
    const grace = world.person('Grace');
    const expected = splitText(LONG_ANSWER_LINES.join('\n'), 1500);
    expect(expected.length).toBeGreaterThan(1);
    const replies = await grace.ask('政策全文', expected.length);
    expect(replies).toEqual(expected);
    for (const reply of replies) expect(Array.from(reply).length).toBeLessThanOrEqual(1500);
  });

  test('in a group the bot answers only when @-mentioned, and @-mentions the asker', async () => {
    const henry = world.person('Henry');
    const ivy = world.person('Ivy');
    const group = world.group('园区企业交流群', [henry, ivy]);

    group.say(ivy, '你好', false);
    await outcomeOf((h) => h.text === '你好' && h.outcome === 'not-mentioned', 'the unmentioned message');
    group.say(henry, '帮助', true);
    await waitUntil(() => group.received.length >= 1, 'the group reply');
    expect(group.received).toHaveLength(1);
    expect(group.received[0]).toMatch(/^@Henry\s/);
    expect(group.received[0]).toContain('我可以帮您');

    // The group keeps its own menu: "3" from anyone who @-mentions the bot picks from it.
    group.say(ivy, '3', true);
    await waitUntil(() => group.received.length >= 2, 'the second group reply');
    expect(group.received[1]).toMatch(/^@Ivy\s+近期活动：3月15日 企业沙龙$/);
  });

  test('an @-mention with nothing else gets a short prompt', async () => {
    const jack = world.person('Jack');
    const group = world.group('空白提问群', [jack]);
    group.say(jack, '', true);
    await waitUntil(() => group.received.length >= 1, 'the prompt');
    expect(group.received[0]).toContain('请在@我之后直接输入您的问题');
  });

  test('messages sent before the bot started are ignored', async () => {
    const kate = world.person('Kate');
    const id = world.inject({ talker: kate, text: '你好', timestamp: Date.now() - 60 * 60 * 1000 });
    await outcomeOf((h) => h.id === id, 'the old message');
    expect(handled.find((h) => h.id === id)?.outcome).toBe('old');
    expect(kate.received).toEqual([]);
  });

  test('a picture gets one polite note about what the bot understands', async () => {
    const leo = world.person('Leo');
    const first = world.inject({ talker: leo, type: types.Message.Image });
    await outcomeOf((h) => h.id === first, 'the picture');
    const [note] = await leo.replies(1);
    expect(note).toContain('无法查看图片消息');
    expect(note).toContain('文字');

    const second = world.inject({ talker: leo, type: types.Message.Image });
    await outcomeOf((h) => h.id === second, 'the second picture');
    expect(handled.find((h) => h.id === second)?.outcome).toBe('non-text');
    expect(leo.received).toHaveLength(1); // not one note per picture
  });

  test('odd input (emoji, injection, very long) gets a polite Chinese reply', async () => {
    const mia = world.person('Mia');
    for (const text of ['😀👍🎉', "'; DROP TABLE bot_state; --", '专精特新'.repeat(1000)]) {
      const replies = await mia.ask(text);
      expect(replies[0]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test('a proactive push goes through the send queue, in order, and its menu works', async () => {
    const nina = world.person('Nina');
    await nina.ask('你好');
    const before = nina.received.length;
    const sent = await app.services.proactive.send(`wechat|contact:${nina.id}`, [
      '活动提醒：3月15日 企业沙龙明天上午9点开始。',
      withMenu('如需其他帮助，请回复数字。'),
    ]);
    expect(sent).toBe(true);
    const pushed = await nina.replies(2, before);
    expect(pushed[0]).toBe('活动提醒：3月15日 企业沙龙明天上午9点开始。');
    expect(pushed[1]).toContain('回复数字：\n1. 我们属于哪一类');
    await waitUntil(async () => (await app.services.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM deliveries WHERE ref_key = ? AND status = 'sent'`, [`wechat|contact:${nina.id}`]))?.n === 2, 'both marked sent');

    // The menu arrived with the push, so "3" picks from it.
    expect(await nina.ask('3')).toEqual(['近期活动：3月15日 企业沙龙']);

    const lane = (await app.services.delivery.laneStates()).find((l) => l.channel === 'wechat');
    expect(lane).toMatchObject({ queued: 0, sending: 0, ready: true, sentToday: 2, extra: { login: 'logged_in' } });
  });

  test('the status shows the logged-in account', () => {
    const status = app.features.wechat.status();
    expect(status).toMatchObject({ enabled: true, puppet: 'wechaty-puppet-mock', state: 'logged_in', user: { name: '汇计划助手' } });
    expect(status.qrcode).toBeUndefined();
  });
});

describe('WeChat login, restart and changed ids', () => {
  test('the login QR code is printed and kept in the status until login', async () => {
    const world = new MockWechat();
    const printed: string[] = [];
    const { app } = await startWechatApp(world, { qr: printed });
    try {
      world.mocker.scan('https://login.weixin.qq.com/l/test-qr', types.ScanStatus.Waiting);
      await waitUntil(() => app.features.wechat.status().state === 'waiting_for_scan', 'the scan state');
      expect(printed).toEqual(['https://login.weixin.qq.com/l/test-qr']);
      expect(app.features.wechat.status()).toMatchObject({ qrcode: 'https://login.weixin.qq.com/l/test-qr', qrcodeStatus: 'waiting' });
      await world.login();
      expect(app.features.wechat.status()).toMatchObject({ state: 'logged_in', qrcode: undefined });
    } finally {
      await app.close();
    }
  });

  test('after a logout the channel restarts with back-off; pushes wait for the new login', async () => {
    const world = new MockWechat();
    const clock = new FakeClock(Date.now());
    const { app } = await startWechatApp(world, { clock });
    const status = () => app.features.wechat.status();
    try {
      await world.login();
      const quinn = world.person('Quinn');
      await quinn.ask('你好');

      await world.puppet.logout('kicked out by WeChat');
      await waitUntil(() => status().state === 'retrying', 'the scheduled restart');
      expect(status().nextRetryAt).toBe(new Date(clock.now() + 5000).toISOString());
      await app.services.proactive.send(`wechat|contact:${quinn.id}`, '登录恢复后发送的通知');

      clock.advance(5000);
      await waitUntil(() => status().restarts === 1 && status().state === 'starting', 'the restart');
      await world.login();
      expect(await quinn.replies(1, 1)).toEqual(['登录恢复后发送的通知']);
      expect(status()).toMatchObject({ state: 'logged_in', restarts: 1 });
    } finally {
      await app.close();
    }
  });

  test('after a restart: pending pushes are sent once, menus are remembered, a changed id is found by alias', async () => {
    const dbPath = tempDbPath();
    const botId = 'huibot-account';

    // First run: slow gaps, so only the first push goes out before the restart.
    const first = new MockWechat(botId);
    const run1 = await startWechatApp(first, { dbPath, env: { WECHAT_SEND_GAP_MIN_MS: '60000', WECHAT_SEND_GAP_MAX_MS: '60000' } });
    await first.login();
    const olivia = first.person('Olivia', { id: 'olivia-1' });
    const paul = first.person('Paul', { id: 'paul-old-id', alias: '保罗-园区企业' });
    await olivia.ask('帮助');
    await paul.ask('你好');
    await run1.app.services.proactive.send('wechat|contact:olivia-1', ['通知一', '通知二', '通知三']);
    await olivia.replies(1, 1);
    await run1.app.close();
    expect(olivia.received.slice(1)).toEqual(['通知一']);

    // Second run on the same database: Olivia kept her id, Paul's id changed with the new login.
    const second = new MockWechat(botId);
    const run2 = await startWechatApp(second, { dbPath });
    const olivia2 = second.person('Olivia', { id: 'olivia-1' });
    const paul2 = second.person('Paul', { id: 'paul-new-id', alias: '保罗-园区企业' });
    second.person('Paul', { id: 'another-paul' }); // same name, other alias: the alias decides
    await second.login();
    try {
      expect(await olivia2.replies(2)).toEqual(['通知二', '通知三']);
      // (A delivery is marked sent once the channel's send has returned — just after the contact has the message.)
      const statuses = async () =>
        (await run2.app.services.db.all<{ status: string }>(`SELECT status FROM deliveries WHERE ref_key = 'wechat|contact:olivia-1' ORDER BY id`)).map((r) => r.status);
      await waitUntil(async () => (await statuses()).every((s) => s !== 'sending' && s !== 'queued'), 'the deliveries to settle');
      expect(await statuses()).toEqual(['sent', 'sent', 'sent']);

      // The menu of the help reply survived the restart.
      expect(await olivia2.ask('3')).toEqual(['近期活动：3月15日 企业沙龙']);

      await run2.app.services.proactive.send('wechat|contact:paul-old-id', '您报名的企业沙龙有空位了。');
      expect(await paul2.replies(1)).toEqual(['您报名的企业沙龙有空位了。']);
      expect(olivia2.received).toHaveLength(3);
    } finally {
      await run2.app.close();
    }
  });
});
