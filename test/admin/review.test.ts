import { groupQuestions, normalizeQuestion } from '../../src/stats/unanswered';
import { beijingDay } from '../../src/stats/stats';
import { ChatUser, TOKENS, api, creditCode, eventually, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

function item(id: number, text: string) {
  return { id, text, channel: 'test', reason: 'out_of_scope', createdAt: new Date(2030, 0, id).toISOString(), candidates: [], compare: normalizeQuestion(text) };
}

describe('grouping similar unanswered questions', () => {
  test('same question in other words is one group; different questions stay apart', () => {
    const groups = groupQuestions([
      item(1, '外地企业能参加吗？'),
      item(2, '请问外地企业可以参加吗'),
      item(3, '外地的企业能不能参加'),
      item(4, '研发费用加计扣除怎么算'),
      item(5, '研发费用加计扣除比例是多少'),
      item(6, '今天天气怎么样'),
      item(7, '汇计划 外地企业能参加吗!!'),
    ]);
    const sets = groups.map((g) => g.ids.sort((a, b) => a - b));
    expect(sets).toEqual([[1, 2, 3, 7], [4, 5], [6]]);
    expect(groups[0].count).toBe(4);
  });
});

describe('console: unanswered questions and dashboard', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  test('unanswered questions are listed in groups, largest first, and can be marked handled', async () => {
    const insert = (text: string, candidates = '[]') =>
      running.app.services.db.run(`INSERT INTO unanswered_questions (text, channel, reason, candidates) VALUES (?, 'directline', 'low_confidence', ?)`, [text, candidates]);
    await insert('外地企业能参加吗', JSON.stringify([{ id: 'eligibility', title: '培育对象范围', score: 0.3 }]));
    await insert('外地企业可以参加吗？');
    await insert('<img src=x onerror=alert(1)>');
    const listed = await api(`${running.api}/unanswered`, { token: TOKENS.viewer });
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(3);
    const [first, second] = listed.body.groups;
    expect(first).toMatchObject({ count: 2, channels: ['directline'], nearTopics: ['培育对象范围'], resolved: false });
    expect(second.text).toBe('<img src=x onerror=alert(1)>');

    expect((await api(`${running.api}/unanswered/resolve`, { token: TOKENS.viewer, body: { ids: first.ids } })).status).toBe(403);
    const bad = await api(`${running.api}/unanswered/resolve`, { token: TOKENS.editor, body: { ids: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fieldErrors.ids[0]).toContain('请选择');
    const resolved = await api(`${running.api}/unanswered/resolve`, { token: TOKENS.editor, body: { ids: first.ids } });
    expect(resolved.body).toEqual({ resolved: 2 });
    expect((await api(`${running.api}/unanswered`, { token: TOKENS.viewer })).body.total).toBe(1);
    const all = await api(`${running.api}/unanswered?includeResolved=true`, { token: TOKENS.viewer });
    expect(all.body.groups.find((g: { count: number }) => g.count === 2).resolved).toBe(true);
  });

  test('dashboard: sign-ups per activity, questions per day (only new questions, not answers to prompts), top topics', async () => {
    const activityId = await publishedActivity(running.activities, { title: '看板测试沙龙' });
    await running.activities.registrations.register({
      activityId,
      enterpriseName: '看板测试有限公司',
      creditCode: creditCode(7),
      contactName: '王小明',
      mobile: '13912345678',
      attendees: 1,
      origin: { channelId: 'test', userId: 'dash' },
      consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
    });
    const u = new ChatUser(running.app, 'dash');
    await u.say('你好');
    await u.say('订阅活动通知');
    await u.say('确认订阅');
    await u.say('创新券怎么申请');
    const today = beijingDay(new Date());
    const figures = await eventually(async () => {
      const d = await api(`${running.api}/dashboard?days=7`, { token: TOKENS.viewer });
      return d.body.questionsPerDay?.find((x: { day: string }) => x.day === today)?.questions === 2 && d.body;
    });
    expect(figures.questionsPerDay).toHaveLength(7);
    expect(figures.topTopics).toEqual(expect.arrayContaining([{ topic: '订阅通知', count: 1 }, { topic: '其他问题', count: 1 }]));
    expect(figures.questionsByChannel).toEqual({ test: 2 });
    expect(figures.signupsPerActivity).toEqual([expect.objectContaining({ id: activityId, title: '看板测试沙龙', confirmed: 1, waitlisted: 0, checkedIn: 0 })]);
    expect(figures.subscribers.total).toBe(1);
    expect(figures.wechat).toMatchObject({ enabled: false, state: 'disabled' });
    expect(figures.wechat.qrcode).toBeUndefined();
  });
});
