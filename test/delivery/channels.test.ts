import type { App } from '../../src/app';
import { createWechatFeature } from '../../src/features/wechat';
import { directLineFeature } from '../../src/features/directline';
import { activitiesFeature } from '../../src/features/activities';
import { adminFeature } from '../../src/features/admin';
import { referenceKey } from '../../src/storage/conversationReferences';
import { removeDb, startReplyListener, startTestApp, tempDbPath } from '../helpers/testApp';
import { MockWechat, waitUntil, type Person } from '../wechat/mockWechat';

const TOKEN = 'channels-editor-token-0123456789';
const DAY = 86_400_000;

/**
 * One push to web chat, WeChat (mock puppet) and Bot Framework (Emulator-style) subscribers, with
 * a WeChat daily cap below the WeChat audience, a restart in the middle and an injected clock:
 * the console's counts equal what each channel accepted, nobody gets it twice, and the capped
 * ones are queued until the next day, then sent.
 */
describe('one pipeline, three kinds of channel, a daily cap and a restart', () => {
  jest.setTimeout(60_000);
  let now = Date.now() + 60_000;
  const clock = () => new Date(now);

  async function start(dbPath: string, world: MockWechat, gapMs: number) {
    const { app, url } = await startTestApp({
      dbPath,
      features: async (services) => {
        const wechat = await createWechatFeature({ wechaty: world.wechaty })(services);
        const directLine = await directLineFeature(services);
        const activities = await activitiesFeature(services);
        const admin = await adminFeature(services, { activities: activities.module, wechatStatus: wechat.status });
        return { wechat, directLine, activities, admin };
      },
      delivery: { clock },
      env: {
        WECHATY_PUPPET: 'wechaty-puppet-mock',
        WECHATY_NAME: 'huibot-cap',
        WECHAT_DAILY_CAP: '3',
        WECHAT_SEND_GAP_MIN_MS: String(gapMs),
        WECHAT_SEND_GAP_MAX_MS: String(gapMs),
        ADMIN_TOKENS: `ed:editor:${TOKEN}`,
      },
    });
    return { app, url };
  }

  const get = async (url: string) => (await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();

  test('counts are what each channel accepted; capped WeChat messages wait as queued for the next day', async () => {
    const dbPath = tempDbPath();
    const listener = await startReplyListener();
    const botId = 'huibot-cap-account';
    const world1 = new MockWechat(botId);
    const run1 = await start(dbPath, world1, 400);
    const admin = run1.app.features.admin.module;
    let run2: { app: App; url: string } | undefined;
    try {
      await world1.login();
      // Five WeChat subscribers (each talked to the bot once), three web chat, two Bot Framework.
      const people: Person[] = [];
      for (let i = 0; i < 5; i++) {
        const p = world1.person(`企业联系人${i}`, { id: `wx-${i}` });
        await p.ask('你好');
        await admin.subscriptions.subscribe({ channelId: 'wechat', userId: p.id, conversationId: `contact:${p.id}`, refKey: `wechat|contact:${p.id}` });
        people.push(p);
      }
      const directLine = run1.app.features.directLine.service;
      for (let i = 0; i < 3; i++) {
        const conversationId = `dl-cap-${i}`;
        await directLine.conversations.create({ conversationId, userId: `dl_${i}` });
        await admin.subscriptions.subscribe({ channelId: 'directline', userId: `dl_${i}`, conversationId, refKey: referenceKey('directline', conversationId) });
      }
      for (let i = 0; i < 2; i++) {
        const refKey = await run1.app.services.proactive.references.save({
          channelId: 'emulator',
          conversation: { id: `bf-${i}` } as never,
          user: { id: `bf-user-${i}`, name: 'x' },
          bot: { id: 'huibot', name: '汇计划助手' },
          serviceUrl: listener.serviceUrl,
        });
        await admin.subscriptions.subscribe({ channelId: 'emulator', userId: `bf-user-${i}`, conversationId: `bf-${i}`, refKey });
      }
      const received = () => people.map((p) => p.received.filter((t) => t.includes('【三渠道测试】')).length);

      const sent = await fetch(`${run1.url}/admin/api/notifications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: '【三渠道测试】下周二举办专场招聘。' }),
      });
      expect(sent.status).toBe(202);
      const { id } = (await sent.json()) as { id: number };
      // The restart comes while WeChat is still pacing: one message out, the rest queued.
      await waitUntil(() => received().reduce((a, b) => a + b, 0) >= 1, 'the first WeChat message');
      await run1.app.close();

      const world2 = new MockWechat(botId);
      const people2 = people.map((p) => world2.person(p.contact.payload.name, { id: p.id }));
      run2 = await start(dbPath, world2, 1);
      await world2.login();
      const received2 = () => people2.map((p) => p.received.filter((t) => t.includes('【三渠道测试】')).length);
      await run2.app.services.delivery.drain();
      await waitUntil(async () => {
        const s = await get(`${run2!.url}/admin/api/notifications/${id}`);
        return s.byChannel.wechat.sent === 3 && s.byChannel.directline.sent === 3 && s.byChannel.emulator.sent === 2 && s;
      }, 'today\'s deliveries');
      let status = await get(`${run2.url}/admin/api/notifications/${id}`);
      const wechatToday = received().map((n, i) => n + received2()[i]);
      expect(wechatToday.filter((n) => n > 1)).toEqual([]);
      expect(wechatToday.reduce((a, b) => a + b, 0)).toBe(3);
      expect(status.byChannel.wechat).toMatchObject({ sent: 3, queued: 2, sending: 0, failed: 0, unknown: 0 });
      expect(status.byChannel.directline).toMatchObject({ sent: 3, queued: 0 });
      expect(status.byChannel.emulator).toMatchObject({ sent: 2, queued: 0 });
      expect(status.state).toBe('sending');
      expect(listener.replies.filter((r) => r.body.text?.includes('【三渠道测试】'))).toHaveLength(2);
      const stored = await run2.app.services.db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM directline_activities WHERE activity LIKE '%【三渠道测试】%'`,
      );
      expect(stored?.n).toBe(3);
      const lanes = (await get(`${run2.url}/admin/api/delivery/lanes`)).lanes as Array<{ channel: string; queued: number; sentToday: number; dailyCap?: number; extra?: { login?: string } }>;
      expect(lanes.find((l) => l.channel === 'wechat')).toMatchObject({ queued: 2, sentToday: 3, dailyCap: 3, extra: { login: 'logged_in' } });

      // The next day (clock injected): the capped ones go out, once each.
      now += DAY;
      await run2.app.services.delivery.drain();
      status = await waitUntil(async () => {
        const s = await get(`${run2!.url}/admin/api/notifications/${id}`);
        return s.state === 'done' && s;
      }, 'the next day\'s deliveries');
      expect(status.byChannel.wechat).toMatchObject({ sent: 5, queued: 0 });
      const total = received().map((n, i) => n + received2()[i]);
      expect(total).toEqual([1, 1, 1, 1, 1]);
    } finally {
      await run2?.app.close();
      await listener.close();
      removeDb(dbPath);
    }
  });
});
