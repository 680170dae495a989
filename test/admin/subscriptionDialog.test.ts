import { ChatUser, startAdminApp, type RunningAdminApp } from './helpers';

interface ConsentRow {
  kind: string;
  notice_id: string;
  notice_version: string;
  channel_id: string;
  user_id: string;
  conversation_id: string;
  ref_key: string;
  subject: string;
  withdrawn_at: string | null;
  withdrawn_via: string | null;
}

describe('订阅活动通知 / 退订 in the chat', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  const consents = (userId: string) =>
    running.app.services.db.all<ConsentRow>(`SELECT * FROM consents WHERE kind = 'notifications' AND user_id = ? ORDER BY id`, [userId]);

  test('subscribe: the notice first, the consent only after 确认订阅, recorded with the conversation reference; 退订 withdraws it', async () => {
    const u = new ChatUser(running.app, 'sub-1');
    const notice = await u.say('订阅活动通知');
    expect(notice).toContain('【订阅活动通知】');
    expect(notice).toContain('回复“退订”停止接收');
    expect(notice).toContain('[建议] 确认订阅');
    expect(notice).toContain('[建议] 暂不订阅');
    expect(await consents('sub-1')).toHaveLength(0);

    expect(await u.say('确认订阅')).toContain('订阅成功');
    const [row] = await consents('sub-1');
    expect(row).toMatchObject({
      kind: 'notifications',
      notice_id: 'activity-notifications',
      notice_version: '1',
      channel_id: 'test',
      user_id: 'sub-1',
      conversation_id: 'conv-sub-1',
      ref_key: 'test|conv-sub-1',
      subject: 'activity_types:all',
      withdrawn_at: null,
    });
    expect(await u.say('订阅活动通知')).toContain('您已订阅活动通知');
    expect(await consents('sub-1')).toHaveLength(1);

    expect(await u.say('退订')).toContain('已为您退订');
    const [withdrawn] = await consents('sub-1');
    expect(withdrawn.withdrawn_at).not.toBeNull();
    expect(withdrawn.withdrawn_via).toBe('unsubscribe');
    expect(await u.say('退订')).toContain('您目前没有订阅');
    expect((await running.admin.subscriptions.findRecipients({})).map((r) => r.userId)).not.toContain('sub-1');
  });

  test('暂不订阅 records nothing; unclear answers are asked again (the second with an example and the way out); a question is answered and the offer asked again', async () => {
    const u = new ChatUser(running.app, 'sub-2');
    await u.say('订阅活动通知');
    expect(await u.say('暂不订阅')).toContain('暂不订阅');
    await u.say('订阅活动通知');
    expect(await u.say('😀😀')).toContain('请点击“确认订阅”');
    const stuck = await u.say('😀');
    expect(stuck).toContain('例如：回复“确认订阅”');
    expect(stuck).toContain('输入“取消”结束');
    const served = await u.say('研发费用怎么加计扣除');
    expect(served).not.toContain('暂未订阅');
    expect(served).toContain('我们继续订阅');
    expect(await u.say('暂不订阅')).toContain('暂不订阅');
    expect(await consents('sub-2')).toHaveLength(0);
    // 取消 works inside the flow, as in every dialog.
    await u.say('订阅活动通知');
    expect(await u.say('取消')).toContain('已取消');
    expect(await consents('sub-2')).toHaveLength(0);
  });

  test('"订阅沙龙通知" subscribes to salons only; subscribing again from another conversation moves the subscription there', async () => {
    const first = new ChatUser(running.app, 'sub-3', 'conv-sub-3-a');
    await first.say('订阅沙龙通知');
    expect(await first.say('好的')).toContain('范围：企业沙龙');
    const second = new ChatUser(running.app, 'sub-3', 'conv-sub-3-b');
    expect(await second.say('订阅活动通知')).toContain('今后的活动通知将发送到本会话');
    const rows = await consents('sub-3');
    expect(rows.map((r) => [r.ref_key, r.subject, r.withdrawn_via])).toEqual([
      ['test|conv-sub-3-a', 'activity_types:salon', 'resubscribe'],
      ['test|conv-sub-3-b', 'activity_types:salon', null],
    ]);
    const recipients = await running.admin.subscriptions.findRecipients({});
    expect(recipients.filter((r) => r.userId === 'sub-3').map((r) => r.refKey)).toEqual(['test|conv-sub-3-b']);
  });
});

describe('the real recognizer routes the phrases of these flows', () => {
  test('订阅 / 退订 / 转人工 / 联系服务专员 reach the console feature’s dialogs', async () => {
    const { createRecognizer } = await import('../../src/nlu');
    const recognizer = await createRecognizer();
    const intents = async (texts: string[]) => Promise.all(texts.map(async (t) => (await recognizer.recognize(t)).intent));
    expect(await intents(['订阅活动通知', '订阅沙龙通知', '退订', '转人工', '联系服务专员'])).toEqual(['subscribe', 'subscribe', 'unsubscribe', 'handoff', 'handoff']);
    expect((await recognizer.recognize('订阅沙龙通知')).entities.activityType).toBe('salon');
  }, 60000);
});
