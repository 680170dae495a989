/**
 * The bot's own feature set (createBotFeatures): each feature gets the services of the features it
 * takes as arguments — the console and the advisor the activities feature's, the console the WeChat
 * channel's status — and the set runs in the order the arguments force.
 */
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { BotFeatures } from '../../src/features';
import { createRecognizer } from '../../src/nlu';
import { ChatUser } from '../admin/helpers';
import { removeDb, tempDbPath } from '../helpers/testApp';

const TOKEN = 'composition-viewer-token-0123456789';
const DAY = 86_400_000;

describe("the bot's own features", () => {
  let app: App<BotFeatures>;
  let url: string;
  const dbPath = tempDbPath();

  beforeAll(async () => {
    const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ADMIN_TOKENS: `vi:viewer:${TOKEN}` });
    app = await createApp(config, { recognizer: await createRecognizer() });
    url = await app.listen(0, '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    removeDb(dbPath);
  });

  test('run by name, each after the features whose services it takes', () => {
    expect(Object.keys(app.features)).toEqual(['qa', 'wechat', 'officialAccount', 'directLine', 'activities', 'advisor', 'admin']);
    expect(Object.values(app.features).map((f) => f.name)).toEqual(['qa', 'wechat', 'officialAccount', 'directline', 'activities', 'advisor', 'admin']);
  });

  test("the console is given the activities feature's services", () => {
    expect(app.features.admin.module.activities()).toBe(app.features.activities.module);
  });

  test("the console's dashboard shows the WeChat feature's status (disabled without WECHATY_PUPPET)", async () => {
    expect(app.features.wechat.channel).toBeUndefined();
    const res = await fetch(`${url}/admin/api/dashboard`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const { wechat } = (await res.json()) as { wechat: Record<string, unknown> };
    expect(wechat).toEqual(app.features.wechat.status());
    expect(wechat).toMatchObject({ enabled: false, state: 'disabled' });
  });

  test("the advisor is given the activities feature's services: its next step names an open salon", async () => {
    const { activities } = app.features.activities.module;
    const startsAt = new Date(Date.now() + 10 * DAY);
    const salon = await activities.create({
      type: 'salon',
      title: '组合测试专精特新沙龙',
      description: '测试用活动',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      place: '园区企业服务中心',
      capacity: 20,
      signupDeadline: new Date(startsAt.getTime() - DAY),
    });
    await activities.publish(salon.id);
    const user = new ChatUser(app, 'composition-user');
    await user.say('我们是省级专精特新，2024年认定，工业企业，拟上市，有招聘需求，首次认定，能享受哪些支持');
    expect(await user.say('支持详情：服务汇')).toContain('可报名近期的「组合测试专精特新沙龙」');
  });
});
