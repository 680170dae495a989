import type { App } from '../../src/app';
import type { BotFeatures } from '../../src/features';
import type { ActivitiesModule } from '../../src/activities';
import { TOKENS, api, creditCode, eventually, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

/** A subscriber as the subscription dialog leaves one: a stored conversation and a consent. */
async function subscriber(app: App<BotFeatures>, channelId: string, userId: string, types?: Array<'salon' | 'training' | 'jobfair' | 'other'>) {
  const conversationId = `conv-${userId}`;
  const refKey = await app.services.proactive.references.save({
    channelId,
    conversation: { id: conversationId } as never,
    user: { id: userId, name: userId },
    bot: { id: 'huibot', name: '汇计划助手' },
    serviceUrl: 'https://test.invalid',
  });
  const admin = app.features.admin.module;
  await admin.subscriptions.subscribe({ channelId, userId, conversationId, refKey }, types);
  return { conversationId, refKey };
}

async function register(activities: ActivitiesModule, activityId: number, userId: string, n: number, tier?: 1 | 2 | 3) {
  await activities.registrations.register({
    activityId,
    enterpriseName: `测试企业${n}有限公司`,
    creditCode: creditCode(n),
    contactName: '王小明',
    mobile: '13912345678',
    attendees: 1,
    tier,
    origin: { channelId: 'test', userId, refKey: `test|conv-${userId}` },
    consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
  });
}

describe('notifications: audience, delivery through the outbox, status per channel', () => {
  let running: RunningAdminApp;
  let salonId: number;
  let otherId: number;

  beforeAll(async () => {
    running = await startAdminApp();
    const { app, activities } = running;
    salonId = await publishedActivity(activities, { title: '企业沙龙·数字化转型' });
    otherId = await publishedActivity(activities, { title: '申报辅导', type: 'training' });
    // A: tier 1, registered for the salon, every type.  B: tier 2, salons only.  C: another channel.
    // D: subscribed then unsubscribed.  E: registered for the salon but never subscribed.
    await subscriber(app, 'test', 'a');
    await register(activities, salonId, 'a', 1, 1);
    await subscriber(app, 'test', 'b', ['salon']);
    await register(activities, otherId, 'b', 2, 2);
    await subscriber(app, 'emulator', 'c');
    await subscriber(app, 'test', 'd');
    await running.admin.subscriptions.unsubscribe('test', 'd');
    await register(activities, salonId, 'e', 5, 1);
  });
  afterAll(async () => running.close());

  const preview = (audience: unknown, extra: Record<string, unknown> = {}) =>
    api(`${running.api}/notifications/preview`, { token: TOKENS.viewer, body: { text: '新活动', audience, ...extra } });

  test('only subscribers are counted, filtered by channel, tier, activity type and registration', async () => {
    expect((await preview({})).body).toMatchObject({ recipients: 3, byChannel: { test: 2, emulator: 1 } });
    expect((await preview({ channels: ['test'] })).body.recipients).toBe(2);
    expect((await preview({ tiers: [1] })).body).toMatchObject({ recipients: 1, byChannel: { test: 1 } });
    expect((await preview({ tiers: [2, 3] })).body.recipients).toBe(1);
    // B asked for salons only; A and C take every type.
    expect((await preview({ activityTypes: ['training'] })).body.byChannel).toEqual({ test: 1, emulator: 1 });
    expect((await preview({ activityTypes: ['salon'] })).body.recipients).toBe(3);
    // E registered for the salon but never subscribed: not reached.
    expect((await preview({ registrantsOf: salonId })).body).toMatchObject({ recipients: 1, byChannel: { test: 1 } });
    expect((await preview({ registrantsOf: salonId, tiers: [2] })).body.recipients).toBe(0);
    const summary = await api(`${running.api}/subscribers`, { token: TOKENS.viewer });
    expect(summary.body).toEqual({ total: 3, byChannel: { emulator: 1, test: 2 } });
  });

  test('bad requests are 400 with field errors; an audience nobody is in is refused', async () => {
    const bad = await api(`${running.api}/notifications`, {
      token: TOKENS.editor,
      body: { text: '   ', audience: { tiers: [4], channels: ['we chat'], colour: 'red' }, activityId: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fieldErrors).sort()).toEqual(['activityId', 'audience', 'audience.channels.0', 'audience.tiers.0', 'text']);
    const tooLong = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '长'.repeat(1001) } });
    expect(tooLong.body.error.details.fieldErrors.text[0]).toContain('1000');
    const unknownActivity = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '通知', activityId: 999999 } });
    expect(unknownActivity.status).toBe(400);
    expect(unknownActivity.body.error.details.fieldErrors.activityId[0]).toContain('找不到');
    const nobody = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '通知', audience: { tiers: [3] } } });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error.message).toContain('没有符合条件');
  });

  test('a notification about an activity is accepted (202), delivered once to each recipient with a sign-up button, counted per channel', async () => {
    const sent = await api(`${running.api}/notifications`, {
      token: TOKENS.editor,
      body: { text: '欢迎报名本月企业沙龙。', activityId: salonId, audience: { channels: ['test'] } },
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ recipients: 2, byChannel: { test: 2 } });
    const status = await eventually(async () => {
      const s = await api(`${running.api}/notifications/${sent.body.id}`, { token: TOKENS.viewer });
      return s.body.state === 'done' && s.body;
    });
    expect(status.byChannel).toEqual({ test: { queued: 0, sending: 0, expired: 0, unknown: 0, sent: 2, failed: 0, skipped: 0 } });
    expect(status.createdBy).toBe('bob');
    const toA = running.channel.sent.filter((m) => m.conversationId === 'conv-a');
    expect(toA).toHaveLength(1);
    expect(toA[0].text).toContain('【汇计划活动通知】');
    expect(toA[0].text).toContain('欢迎报名本月企业沙龙。');
    expect(toA[0].text).toContain('活动：企业沙龙·数字化转型（企业沙龙）');
    expect(toA[0].text).toContain('回复“退订”');
    // A registered for the salon already: no sign-up button, no 欢迎报名 — told it is registered.
    expect(toA[0].actions).toEqual([]);
    expect(toA[0].text).toContain('您已报名该活动，无需重复报名');
    expect(toA[0].text).not.toContain('即可报名');
    const toB = running.channel.sent.filter((m) => m.conversationId === 'conv-b');
    expect(toB).toHaveLength(1);
    expect(toB[0].actions).toEqual(['报名：企业沙龙·数字化转型']);
    expect(toB[0].text).toContain('即可报名');
    expect(sent.body).toMatchObject({ alreadyRegistered: 1, warnings: [expect.stringContaining('其中 1 位已报名该活动')] });
    expect(running.channel.to('conv-d')).toHaveLength(0);
    const list = await api(`${running.api}/notifications`, { token: TOKENS.viewer });
    expect(list.body.items[0]).toMatchObject({ id: sent.body.id, recipients: 2, totals: { sent: 2 } });
  });

  test('errors are retried with back-off; a conversation that cannot be reached is shown as failed', async () => {
    running.channel.failNext = 2;
    // F subscribed, but its conversation reference is gone: nowhere to deliver.
    await subscriber(running.app, 'test', 'f');
    await running.app.services.db.run(`DELETE FROM conversation_references WHERE ref_key = 'test|conv-f'`);
    const before = running.channel.sent.length;
    const sent = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '重试测试', audience: { channels: ['test'] } } });
    expect(sent.body.recipients).toBe(3);
    const status = await eventually(async () => {
      const s = await api(`${running.api}/notifications/${sent.body.id}`, { token: TOKENS.viewer });
      return s.body.state === 'done' && s.body;
    });
    expect(status.byChannel.test).toEqual({ queued: 0, sending: 0, expired: 0, unknown: 0, sent: 2, failed: 1, skipped: 0 });
    expect(status.failures).toEqual([expect.objectContaining({ refKey: 'test|conv-f', status: 'failed', reason: expect.stringContaining('找不到该会话') })]);
    expect(running.channel.sent.length - before).toBe(2);
    const attempts = await running.app.services.db.all<{ attempts: number }>(
      `SELECT attempts FROM deliveries WHERE notification_id = ? AND status = 'sent'`,
      [sent.body.id],
    );
    expect(attempts.reduce((sum, r) => sum + r.attempts, 0)).toBe(4);
  });

  test('unsubscribing skips what is still queued for that user', async () => {
    running.channel.hold();
    const sent = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '退订测试', audience: { channels: ['emulator', 'test'], tiers: [2] } } });
    expect(sent.body.recipients).toBe(1);
    // The row for B is queued but its send waits at the channel; a second notification stays queued.
    await eventually(async () => running.channel.waiting > 0);
    const second = await api(`${running.api}/notifications`, { token: TOKENS.editor, body: { text: '第二条', audience: { tiers: [2] } } });
    await running.admin.subscriptions.unsubscribe('test', 'b');
    running.channel.release();
    const status = await eventually(async () => {
      const s = await api(`${running.api}/notifications/${second.body.id}`, { token: TOKENS.viewer });
      return s.body.state === 'done' && s.body;
    });
    expect(status.totals).toEqual({ queued: 0, sending: 0, expired: 0, unknown: 0, sent: 0, failed: 0, skipped: 1 });
    expect(running.channel.to('conv-b').filter((t) => t.includes('第二条'))).toHaveLength(0);
  });
});
