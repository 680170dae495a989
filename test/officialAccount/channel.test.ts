import { TEXT, withMenu } from '../../dialogs/messages';
import { LONG_ANSWER_LINES } from '../wechat/testFeature';
import { renderActivity, splitText } from '../../src/channels/wechat/render';
import { OA_MAX_MESSAGE_CHARS } from '../../src/channels/officialAccount/channel';
import { NOTIFICATION_CONSENT_KIND } from '../../src/notifications/subscriptions';
import { PushSimulator } from './fake/pushSimulator';
import { newOpenId, POLICY_ANSWER, SLOW_ANSWER, startOaWorld, TEMPLATE_ID, waitUntil, type OaWorld } from './harness';

describe('Official Account channel end to end (safe mode, fake WeChat API)', () => {
  let world: OaWorld;
  let n = 0;

  beforeAll(async () => {
    world = await startOaWorld({ mode: 'safe' });
  });
  afterAll(() => world.close());

  /** Queues one proactive message through the delivery pipeline and waits for its outcome. */
  async function notify(openId: string, text: string): Promise<{ status: string; last_error: string | null }> {
    const { delivery, db } = world.app.services;
    await delivery.enqueue(db, {
      kind: 'notification',
      dedupeKey: `test:${++n}:${openId}`,
      refKey: `wechat-oa|${openId}`,
      activities: [{ type: 'message', text }],
    });
    await delivery.drain();
    const row = await db.get<{ status: string; last_error: string | null }>(
      'SELECT status, last_error FROM deliveries WHERE dedupe_key = ?',
      [`test:${n}:${openId}`],
    );
    return row!;
  }

  async function subscribeToNotifications(openId: string): Promise<void> {
    await world.app.services.db.run(
      `INSERT INTO consents (kind, notice_id, notice_version, channel_id, user_id, conversation_id, ref_key, subject, granted_at)
       VALUES (?, 'activity-notifications', '1', 'wechat-oa', ?, ?, ?, 'activity_types:all', ?)`,
      [NOTIFICATION_CONSENT_KIND, openId, openId, `wechat-oa|${openId}`, new Date().toISOString()],
    );
  }

  /** The follower last wrote 49 hours ago (in our records and WeChat's). */
  async function windowClosed(openId: string): Promise<void> {
    const at = Date.now() - 49 * 3600_000;
    await world.app.services.db.run('UPDATE wechat_oa_followers SET last_inbound_at = ? WHERE open_id = ?', [at, openId]);
    world.api.interact(openId, at);
  }

  test('the URL check echoes echostr only with a good signature and a fresh timestamp', async () => {
    expect(await world.wechat.verifyUrl('echo-abc')).toEqual({ status: 200, body: 'echo-abc' });
    expect((await world.wechat.verifyUrl('echo-abc', { signature: true })).status).toBe(403);
    expect((await world.wechat.verifyUrl('echo-abc', { timestampOffset: -3600 })).status).toBe(403);
  });

  test('follow → welcome with the menu as numbers, in an encrypted passive reply; the follower becomes a known contact', async () => {
    const user = newOpenId();
    const result = await world.wechat.event(user, 'subscribe', 'qrscene_service_center');
    expect(result.status).toBe(200);
    expect(result.body).toContain('<Encrypt>');
    // The same welcome as every channel, rendered by the shared WeChat renderer (menu as numbers).
    expect(result.reply).toBe(renderActivity(withMenu(TEXT.welcome), OA_MAX_MESSAGE_CHARS)?.texts.join('\n\n'));
    expect(result.reply).toContain('回复数字：\n1. 我们属于哪一类');
    expect(result.replyFields).toMatchObject({ ToUserName: user, FromUserName: world.wechat.accountId, MsgType: 'text' });
    const stored = await world.app.services.proactive.references.get(`wechat-oa|${user}`);
    expect(stored).toMatchObject({ channelId: 'wechat-oa', conversationId: user, userId: user });
    // A reply "1" picks the first option of the welcome menu.
    const picked = await world.wechat.text(user, '1');
    expect(picked.status).toBe(200);
    expect(world.handled.some((h) => h.message.fromUserName === user && h.outcome === 'answered')).toBe(true);
  });

  test('a policy question is answered passively, nothing sent through the API', async () => {
    const user = newOpenId();
    const before = world.api.customSent.length;
    const result = await world.wechat.text(user, '深度诊断收费吗');
    expect(result.reply).toBe(POLICY_ANSWER);
    expect(world.api.customSent.length).toBe(before);
  });

  test('a slow turn answers "success" at once and sends the reply as a customer-service message', async () => {
    const user = newOpenId();
    const started = Date.now();
    const result = await world.wechat.text(user, '慢慢想的问题');
    expect(Date.now() - started).toBeLessThan(650);
    expect(result).toMatchObject({ status: 200, body: 'success' });
    const sent = await waitUntil(() => world.api.customSent.find((m) => m.touser === user), 'the customer-service message');
    expect(sent.content).toBe(SLOW_ANSWER);
  });

  test('a slow reply that WeChat could not take (busy) is queued and delivered once, not lost', async () => {
    const user = newOpenId();
    world.api.failNext('custom', -1);
    const result = await world.wechat.text(user, '慢慢想的问题');
    expect(result.body).toBe('success');
    const sent = await waitUntil(() => world.api.customSent.find((m) => m.touser === user), 'the queued reply', 8000);
    expect(sent.content).toBe(SLOW_ANSWER);
    const row = await waitUntil(
      () => world.app.services.db.get<{ status: string; kind: string }>(`SELECT status, kind FROM deliveries WHERE ref_key = ? AND status = 'sent'`, [`wechat-oa|${user}`]),
      'the delivery row',
    );
    expect(row.kind).toBe('reply');
    expect(world.api.customSent.filter((m) => m.touser === user)).toHaveLength(1);
  });

  test('a long answer is split at the message limit: the first part passive, the rest as customer-service messages', async () => {
    const user = newOpenId();
    const parts = splitText(LONG_ANSWER_LINES.join('\n'), OA_MAX_MESSAGE_CHARS);
    expect(parts.length).toBeGreaterThan(2);
    const result = await world.wechat.text(user, '政策全文');
    expect(result.reply).toBe(parts[0]);
    const rest = await waitUntil(() => {
      const mine = world.api.customSent.filter((m) => m.touser === user);
      return mine.length === parts.length - 1 && mine;
    }, 'the other parts');
    expect(rest.map((m) => m.content)).toEqual(parts.slice(1));
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(2048);
  });

  test('a menu CLICK runs the same command as typing it', async () => {
    const user = newOpenId();
    const clicked = await world.wechat.event(user, 'CLICK', 'ACTIVITY_LIST');
    expect(clicked.reply).toBe('近期活动：3月15日 企业沙龙');
    const typed = await world.wechat.text(user, '最近有什么活动');
    expect(typed.reply).toBe(clicked.reply);
  });

  test('a sign-up in WeChat: a numbered choice, a number, a name', async () => {
    const user = newOpenId();
    const question = await world.wechat.text(user, '我要报名');
    expect(question.reply).toBe('请选择活动类型：\n\n回复数字：\n1. 企业沙龙\n2. 培训辅导\n3. 专场招聘');
    expect((await world.wechat.text(user, '2')).reply).toBe('请输入企业名称：');
    expect((await world.wechat.text(user, '苏州某某科技有限公司')).reply).toBe('已为苏州某某科技有限公司登记：培训辅导');
  });

  test('other message types get a polite note; a voice message with recognition is read as text', async () => {
    const user = newOpenId();
    const image = await world.wechat.message(user, { MsgType: 'image', PicUrl: 'http://example.com/a.jpg', MediaId: 'm1' });
    expect(image.reply).toContain('图片消息');
    const voice = await world.wechat.message(user, { MsgType: 'voice', MediaId: 'm2', Format: 'amr', Recognition: '深度诊断收费吗' });
    expect(voice.reply).toBe(POLICY_ANSWER);
  });

  test('a push WeChat sends again is handled once and gets the same answer', async () => {
    const user = newOpenId();
    const msgId = PushSimulator.msgId();
    const createTime = Math.floor(Date.now() / 1000);
    const first = await world.wechat.text(user, '深度诊断收费吗', { msgId, createTime });
    const again = await world.wechat.text(user, '深度诊断收费吗', { msgId, createTime });
    expect(again.reply).toBe(first.reply);
    await new Promise((r) => setTimeout(r, 100));
    expect(world.handled.filter((h) => h.message.msgId === msgId)).toHaveLength(1);
    // Events without MsgId: sender + CreateTime.
    const other = newOpenId();
    await world.wechat.event(other, 'subscribe', undefined, createTime);
    await world.wechat.event(other, 'subscribe', undefined, createTime);
    await new Promise((r) => setTimeout(r, 100));
    expect(world.handled.filter((h) => h.message.fromUserName === other)).toHaveLength(1);
  });

  test('a notification inside the 48-hour window goes as a customer-service message', async () => {
    const user = newOpenId();
    await world.wechat.event(user, 'subscribe');
    const row = await notify(user, '【汇计划活动通知】\n3月15日企业沙龙开放报名。');
    expect(row.status).toBe('sent');
    expect(world.api.customSent.filter((m) => m.touser === user).map((m) => m.content)).toEqual(['【汇计划活动通知】\n3月15日企业沙龙开放报名。']);
  });

  test('outside the window: a template message for a subscriber, a truthful refusal for others', async () => {
    const subscriber = newOpenId();
    const other = newOpenId();
    for (const user of [subscriber, other]) {
      await world.wechat.event(user, 'subscribe');
      await windowClosed(user);
    }
    await subscribeToNotifications(subscriber);
    expect((await notify(subscriber, '【汇计划活动通知】\n3月15日企业沙龙开放报名，名额有限，请尽快报名参加。')).status).toBe('sent');
    const template = world.api.templatesSent.find((t) => t.touser === subscriber);
    expect(template).toMatchObject({
      template_id: TEMPLATE_ID,
      url: 'https://huibot.example.gov.cn/',
      data: { thing1: { value: '汇计划活动通知' }, thing2: { value: '3月15日企业沙龙开放报名，名额有限，…' } },
    });
    // A thing field holds at most 20 characters.
    expect(Array.from(template!.data.thing2.value)).toHaveLength(20);
    expect(template!.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(world.api.customSent.some((m) => m.touser === subscriber)).toBe(false);

    const refused = await notify(other, '【汇计划活动通知】\n不会送达。');
    expect(refused.status).toBe('failed');
    expect(refused.last_error).toContain('48 小时');
    expect(world.api.templatesSent.some((t) => t.touser === other)).toBe(false);
  });

  test('45015 although our records say the window is open: the template message is used', async () => {
    const user = newOpenId();
    await world.wechat.event(user, 'subscribe');
    await subscribeToNotifications(user);
    world.api.failNext('custom', 45015);
    expect((await notify(user, '【汇计划活动通知】\n临时变更。')).status).toBe('sent');
    expect(world.api.templatesSent.some((t) => t.touser === user)).toBe(true);
  });

  test('a token expiry mid-push: one refresh for all concurrent sends, no message lost', async () => {
    const users = [newOpenId(), newOpenId(), newOpenId()];
    for (const user of users) await world.wechat.event(user, 'subscribe');
    world.api.expireTokens();
    const tokenRequests = world.api.tokenRequests.length;
    const { delivery, db } = world.app.services;
    await delivery.enqueue(
      db,
      users.map((user) => ({ kind: 'notification' as const, dedupeKey: `expiry:${user}`, refKey: `wechat-oa|${user}`, activities: [{ type: 'message', text: '令牌过期测试' }] })),
    );
    await delivery.drain();
    expect(world.api.tokenRequests.length - tokenRequests).toBe(1);
    for (const user of users) expect(world.api.customSent.filter((m) => m.touser === user && m.content === '令牌过期测试')).toHaveLength(1);
    expect(world.api.callsOf('custom').filter((c) => c.errcode === 42001).length).toBeGreaterThanOrEqual(1);
    const rows = await db.all<{ status: string }>(`SELECT status FROM deliveries WHERE dedupe_key LIKE 'expiry:%'`);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  test('40001 (a token revoked elsewhere) refreshes and retries; 40164 (IP not whitelisted) fails without a retry', async () => {
    const user = newOpenId();
    await world.wechat.event(user, 'subscribe');
    world.api.revokeTokens();
    expect((await notify(user, '令牌作废测试')).status).toBe('sent');
    expect(world.api.callsOf('custom').some((c) => c.errcode === 40001)).toBe(true);
    world.api.failNext('custom', 40164);
    const row = await notify(user, '白名单测试');
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('40164');
    expect(world.api.customSent.some((m) => m.content === '白名单测试')).toBe(false);
  });

  test('an unfollow stops sending: nothing reaches the API, the outcome says why', async () => {
    const user = newOpenId();
    await world.wechat.event(user, 'subscribe');
    await world.wechat.event(user, 'unsubscribe');
    const calls = world.api.calls.length;
    const row = await notify(user, '不应发送');
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('取消关注');
    expect(world.api.calls.length).toBe(calls);

    // Unfollowed without our hearing of it: 43004 marks the follower, and the next send stays local.
    const quiet = newOpenId();
    await world.wechat.event(quiet, 'subscribe');
    world.api.unfollow(quiet);
    expect((await notify(quiet, '第一次')).last_error).toContain('取消关注');
    const after = world.api.calls.length;
    expect((await notify(quiet, '第二次')).status).toBe('failed');
    expect(world.api.calls.length).toBe(after);
  });

  test('rate limits back off: refused for now, the lane waits, later it goes', async () => {
    const user = newOpenId();
    await world.wechat.event(user, 'subscribe');
    world.api.failNext('custom', 45047);
    const { channel } = world;
    const outcome = await channel.deliver({ channelId: 'wechat-oa', conversation: { id: user } as never, user: { id: user, name: '' } }, ['限流测试']);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'rate-limited' });
    expect(channel.sender.backingOff()).toBe(true);
    const paused = await channel.deliver({ channelId: 'wechat-oa', conversation: { id: user } as never, user: { id: user, name: '' } }, ['限流测试']);
    expect(paused).toMatchObject({ status: 'refused', reason: 'rate-limited', detail: 'backing off' });
    await waitUntil(() => !channel.sender.backingOff(), 'the back-off to end', 3000);
    expect(await channel.deliver({ channelId: 'wechat-oa', conversation: { id: user } as never, user: { id: user, name: '' } }, ['限流测试'])).toMatchObject({
      status: 'accepted',
      via: 'custom',
    });
  });

  test('refusals: bad signature, stale timestamp, wrong AppID, malformed XML, 1 MB body — 4xx, the process alive', async () => {
    const user = newOpenId();
    const handledBefore = world.handled.length;
    expect((await world.wechat.text(user, '你好', {}, { signature: true })).status).toBe(403);
    expect((await world.wechat.text(user, '你好', {}, { timestampOffset: -600 })).status).toBe(403);
    expect((await world.wechat.text(user, '你好', {}, { appId: 'wx0000000000000000' })).status).toBe(403);
    expect((await world.wechat.text(user, '你好', {}, { rawBody: '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt>' })).status).toBe(400);
    const huge = await world.wechat.text(user, '你好', {}, { rawBody: `<xml><Encrypt><![CDATA[${'A'.repeat(1024 * 1024)}]]></Encrypt></xml>` });
    expect(huge.status).toBe(413);
    expect(world.handled.length).toBe(handledBefore);
    const health = await fetch(world.endpoint.replace('/wechat/oa', '/healthz'));
    expect(health.status).toBe(200);
    expect((await world.wechat.text(user, '深度诊断收费吗')).reply).toBe(POLICY_ANSWER);
  });
});

describe('Official Account channel in plaintext and compatible mode', () => {
  test('plaintext mode: signature checked, plain XML reply', async () => {
    const world = await startOaWorld({ mode: 'plain' });
    try {
      const user = newOpenId();
      const result = await world.wechat.text(user, '深度诊断收费吗');
      expect(result.body).not.toContain('<Encrypt>');
      expect(result.reply).toBe(POLICY_ANSWER);
      expect((await world.wechat.text(user, '你好', {}, { signature: true })).status).toBe(403);
    } finally {
      await world.close();
    }
  });

  test('compatible mode: plain fields and Encrypt both present; the encrypted copy is the one read, the reply encrypted', async () => {
    const world = await startOaWorld({ mode: 'compatible' });
    try {
      const user = newOpenId();
      const result = await world.wechat.text(user, '深度诊断收费吗');
      expect(result.body).toContain('<Encrypt>');
      expect(result.reply).toBe(POLICY_ANSWER);
    } finally {
      await world.close();
    }
  });
});
