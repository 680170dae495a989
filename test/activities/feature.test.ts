import type { Services } from '../../src/contracts/feature';
import { activitiesFeature } from '../../src/features/activities';
import { fakeRecognizer, messageActivity, postJson, startReplyListener, startTestApp, tempDbPath } from '../helpers/testApp';
import { creditCode, removeDb } from './helpers';

/** Only the activities feature, offering its module typed. */
const onlyActivities = async (services: Services) => ({ activities: await activitiesFeature(services) });

describe('activities feature in the app', () => {
  test("runs among the bot's own features, offering its module", async () => {
    const { app, dbPath } = await startTestApp({ features: undefined });
    try {
      expect(Object.values(app.features).map((f) => f.name)).toContain('activities');
      expect(app.features.activities).toMatchObject({ name: 'activities', module: { activities: expect.anything() } });
    } finally {
      await app.close();
      removeDb(dbPath);
    }
  });

  test('offers its services as `module`; SEED_DEMO adds one demo activity of each type once; SEED_DEMO=false adds none', async () => {
    const dbPath = tempDbPath();
    const first = await startTestApp({ dbPath, features: onlyActivities, env: { SEED_DEMO: 'true' } });
    const module = first.app.features.activities.module;
    expect(module).toBeDefined();
    expect(Object.values(first.app.features).map((f) => f.name)).toEqual(['activities']);
    const { items } = await module.activities.list({ status: 'published' });
    expect(items.map((a) => a.type).sort()).toEqual(['jobfair', 'other', 'salon', 'training']);
    expect(items.every((a) => a.title.includes('示例') && a.startsAt > new Date().toISOString())).toBe(true);
    await first.app.close();

    const second = await startTestApp({ dbPath, features: onlyActivities, env: { SEED_DEMO: 'true' } });
    expect((await second.app.features.activities.module.activities.list()).total).toBe(4);
    await second.app.close();
    removeDb(dbPath);

    const emptyPath = tempDbPath();
    const third = await startTestApp({ dbPath: emptyPath, features: onlyActivities, env: { SEED_DEMO: 'false' } });
    expect((await third.app.features.activities.module.activities.list()).total).toBe(0);
    await third.app.close();
    removeDb(emptyPath);
  });

  test('over /api/messages: list, sign up, cancel — the waitlisted user is told through the Bot Framework channel', async () => {
    const listener = await startReplyListener();
    const recognizer = fakeRecognizer([
      ['最近有什么活动', 'list_activities'],
      [/^报名[:：]/, 'sign_up'],
      ['取消报名', 'cancel_signup'],
    ]);
    const { app, url, dbPath } = await startTestApp({ features: onlyActivities, recognizer });
    try {
      const module = app.features.activities.module;
      const start = new Date(Date.now() + 3 * 86_400_000);
      const created = await module.activities.create({
        type: 'salon',
        title: '端到端沙龙',
        startsAt: start,
        endsAt: new Date(start.getTime() + 7_200_000),
        place: '园区企业服务中心',
        capacity: 1,
        seatsPerEnterprise: 1,
      });
      await module.activities.publish(created.id);

      const say = async (conversation: string, user: string, text: string) => {
        const before = listener.replies.length;
        const res = await postJson(`${url}/api/messages`, messageActivity(listener.serviceUrl, conversation, text, user));
        expect(res.status).toBeLessThan(300);
        return listener.replies.slice(before).map((r) => JSON.stringify(r.body)).join('\n');
      };
      expect(await say('conv-a', 'alice', '最近有什么活动')).toContain('报名：端到端沙龙');
      for (const text of ['报名：端到端沙龙', '同意', '甲科技有限公司', creditCode(1), '张三', '13812345678']) await say('conv-a', 'alice', text);
      expect(await say('conv-a', 'alice', '确认提交')).toContain('报名成功');
      for (const text of ['报名：端到端沙龙', '登记候补', '同意', '乙科技有限公司', creditCode(2), '李四', '13912345678']) await say('conv-b', 'bob', text);
      expect(await say('conv-b', 'bob', '确认提交')).toContain('第 1 位');

      await say('conv-a', 'alice', '取消报名');
      expect(await say('conv-a', 'alice', '确认取消报名')).toContain('已取消');
      await app.services.delivery.drain();
      const promotions = listener.replies.filter((r) => r.body.text?.includes('有名额了'));
      expect(promotions.map((r) => r.url.split('/')[3])).toEqual(['conv-b']);
      expect(promotions[0].body.text).toContain('乙科技有限公司的报名已确认');
    } finally {
      await app.close();
      await listener.close();
      removeDb(dbPath);
    }
  });
});
