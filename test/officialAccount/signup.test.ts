import { activitiesFeature, type ActivitiesFeature } from '../../src/features/activities';
import type { Services } from '../../src/contracts/feature';
import { creditCode, fakeRecognizer } from '../helpers/testApp';
import { RULES } from '../activities/helpers';
import { newOpenId, startOaWorld, type OaWorld } from './harness';

const DAY = 86_400_000;

describe('a sign-up in WeChat (the real activities feature through the Official Account)', () => {
  let world: OaWorld;
  let activities: ActivitiesFeature | undefined;

  beforeAll(async () => {
    const features = [async (services: Services) => (activities = await activitiesFeature(services))];
    world = await startOaWorld({ features, recognizer: fakeRecognizer(RULES), feature: { passiveReplyMs: 2000 } });
    const module = activities!.module;
    const startsAt = new Date(Date.now() + 7 * DAY);
    const created = await module.activities.create({
      type: 'training',
      title: '申报辅导B',
      description: '测试用活动',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      place: '园区企业服务中心',
      capacity: 20,
      signupDeadline: new Date(startsAt.getTime() - DAY),
      seatsPerEnterprise: 3,
    });
    await module.activities.publish(created.id);
  });
  afterAll(() => world.close());

  test('menu click → numbered list → number → notice → fields → confirmed, recorded for the wechat-oa channel', async () => {
    const user = newOpenId();
    const say = async (text: string) => (await world.wechat.text(user, text)).reply ?? '';
    const list = (await world.wechat.event(user, 'CLICK', 'ACTIVITY_LIST')).reply ?? '';
    expect(list).toContain('申报辅导B');
    const pick = /(\d+)\. 报名：申报辅导B/.exec(list);
    expect(pick).not.toBeNull();
    const notice = await say(pick![1]);
    expect(notice).toContain('个人信息');
    const agree = /(\d+)\. 同意/.exec(notice);
    expect(await say(agree ? agree[1] : '同意')).toContain('企业全称');
    expect(await say('苏州汇计划科技有限公司')).toContain('统一社会信用代码');
    expect(await say(creditCode(7))).toContain('联系人');
    expect(await say('王小明')).toContain('手机号');
    expect(await say('13912345678')).toContain('参会人数');
    const summary = await say('2人');
    expect(summary).toContain('13912345678');
    const confirm = /(\d+)\. 确认提交/.exec(summary);
    const done = await say(confirm ? confirm[1] : '确认提交');
    expect(done).toContain('报名成功');

    const row = await world.app.services.db.get<Record<string, unknown>>('SELECT * FROM registrations WHERE user_id = ?', [user]);
    expect(row).toMatchObject({ enterprise_name: '苏州汇计划科技有限公司', channel_id: 'wechat-oa', ref_key: `wechat-oa|${user}`, status: 'confirmed' });
  });
});
