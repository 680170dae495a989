import ExcelJS from 'exceljs';
import type { ActivitiesModule } from '../../src/activities';
import { TOKENS, api, creditCode, eventually, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

const ALL_DIGIT_CODE = '913205947424123458';

async function conversation(running: RunningAdminApp, userId: string): Promise<string> {
  return running.app.services.proactive.references.save({
    channelId: 'test',
    conversation: { id: `conv-${userId}` } as never,
    user: { id: userId, name: userId },
    bot: { id: 'huibot', name: '汇计划助手' },
    serviceUrl: 'https://test.invalid',
  });
}

async function signUp(running: RunningAdminApp, activityId: number, userId: string, code: string, attendees = 1) {
  const refKey = await conversation(running, userId);
  return running.activities.registrations.register({
    activityId,
    enterpriseName: `${userId}科技有限公司`,
    creditCode: code,
    contactName: '王小明',
    mobile: '13912345678',
    attendees,
    origin: { channelId: 'test', userId, conversationId: `conv-${userId}`, refKey },
    consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
  });
}

describe('registrations managed by officials', () => {
  let running: RunningAdminApp;
  let activities: ActivitiesModule;
  beforeAll(async () => {
    running = await startAdminApp();
    activities = running.activities;
  });
  afterAll(async () => running.close());

  test('an official cancels a registration with a reason: the company is told, the waitlist moves up and is told', async () => {
    const id = await publishedActivity(activities, { capacity: 1, seatsPerEnterprise: 1 });
    const a = await signUp(running, id, 'ca', creditCode(201));
    const b = await signUp(running, id, 'cb', creditCode(202));
    expect(b.registration.status).toBe('waitlisted');

    expect((await api(`${running.api}/registrations/${a.registration.id}/cancel`, { token: TOKENS.viewer, body: { reason: 'x' } })).status).toBe(403);
    const missing = await api(`${running.api}/registrations/${a.registration.id}/cancel`, { token: TOKENS.editor, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fieldErrors.reason[0]).toBe('请填写取消原因');

    const cancelled = await api(`${running.api}/registrations/${a.registration.id}/cancel`, { token: TOKENS.editor, body: { reason: '企业来电告知无法参加' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.registration).toMatchObject({ status: 'cancelled', cancelReason: 'admin', cancelNote: '企业来电告知无法参加', mobile: '13912345678' });
    expect(cancelled.body.promoted.map((r: { id: number }) => r.id)).toEqual([b.registration.id]);
    await eventually(async () => running.channel.to('conv-ca').length === 1 && running.channel.to('conv-cb').length === 1);
    expect(running.channel.to('conv-ca')[0]).toContain('已由工作人员取消（原因：企业来电告知无法参加）');
    expect(running.channel.to('conv-cb')[0]).toContain('有名额了');

    const audit = await api(`${running.api}/audit?limit=20`, { token: TOKENS.admin });
    const entry = audit.body.items.find((e: { action: string }) => e.action === 'registration.cancel');
    expect(entry).toMatchObject({ actionLabel: '取消报名', targetLabel: `报名 #${a.registration.id}`, summary: '原因：企业来电告知无法参加' });
  });

  test('an official promotes from the waitlist by hand (out of turn), when the seats suffice', async () => {
    const id = await publishedActivity(activities, { capacity: 3, seatsPerEnterprise: 2 });
    const a = await signUp(running, id, 'pa', creditCode(211), 2);
    const b = await signUp(running, id, 'pb', creditCode(212), 2); // waitlisted first
    const c = await signUp(running, id, 'pc', creditCode(213), 1); // waitlisted second, fits the free seat
    expect([a, b, c].map((o) => o.registration.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    const tooBig = await api(`${running.api}/registrations/${b.registration.id}/promote`, { token: TOKENS.editor, method: 'POST' });
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.error.message).toContain('剩余名额 1 个，不足该企业的 2 人');
    const ok = await api(`${running.api}/registrations/${c.registration.id}/promote`, { token: TOKENS.editor, method: 'POST' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('confirmed');
    await eventually(async () => running.channel.to('conv-pc').some((t) => t.includes('有名额了')));
    expect((await api(`${running.api}/registrations/${a.registration.id}/promote`, { token: TOKENS.editor, method: 'POST' })).status).toBe(409);
  });

  test('a change of time reaches checked-in registrations too; cancelling the activity tells them and shows it as cancelled', async () => {
    // Starts in two hours: check-in is open.
    const id = await publishedActivity(activities, { capacity: 5, signupDeadline: new Date(Date.now() + 3_600_000) }, 2 / 24);
    const a = await signUp(running, id, 'ka', creditCode(221));
    await signUp(running, id, 'kb', creditCode(222));
    expect((await api(`${running.api}/registrations/${a.registration.id}/check-in`, { token: TOKENS.editor, method: 'POST' })).body.status).toBe('checked_in');
    const current = (await activities.activities.get(id))!;
    const later = new Date(Date.parse(current.startsAt) + 3_600_000);
    const edited = await api(`${running.api}/activities/${id}`, {
      token: TOKENS.editor,
      method: 'PATCH',
      body: { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 7_200_000).toISOString(), place: '新地点会议室' },
    });
    expect(edited.status).toBe(200);
    await eventually(async () => running.channel.to('conv-ka').some((t) => t.includes('活动变更')) && running.channel.to('conv-kb').some((t) => t.includes('活动变更')));

    // The audit log names what changed, in Chinese, with the old and new value.
    const audit = await api(`${running.api}/audit?limit=10`, { token: TOKENS.admin });
    const update = audit.body.items.find((e: { action: string; target: string }) => e.action === 'activity.update' && e.target === `activity:${id}`);
    expect(update.actionLabel).toBe('修改活动');
    expect(update.summary).toMatch(/^开始时间：.+ → .+；结束时间：.+；地点：园区企业服务中心 → 新地点会议室$/);
    expect(Object.keys(update.details.changes)).toEqual(['startsAt', 'endsAt', 'place']);

    await api(`${running.api}/activities/${id}/cancel`, { token: TOKENS.editor, body: { reason: '场地检修' } });
    await eventually(async () => running.channel.to('conv-ka').some((t) => t.includes('已取消（原因：场地检修）')));
    const reg = await activities.registrations.get(a.registration.id);
    expect(reg).toMatchObject({ status: 'cancelled', cancelReason: 'activity_cancelled' });
    const mine = await activities.registrations.listForUser('test', 'ka');
    const { statusText } = await import('../../dialogs/activities/cards');
    expect(statusText(mine.find((v) => v.activity.id === id)!)).toBe('活动已取消');
  });

  test('exports: .xlsx opened with exceljs keeps codes and mobiles as text cells; CSV keeps them as text for Excel; Chinese channel labels', async () => {
    const id = await publishedActivity(activities, { title: '导出测试沙龙' });
    const refKey = await conversation(running, 'xa');
    await activities.registrations.register({
      activityId: id,
      enterpriseName: '全数字代码科技有限公司',
      creditCode: ALL_DIGIT_CODE,
      contactName: '李雷',
      mobile: '13800001111',
      attendees: 1,
      origin: { channelId: 'directline', userId: 'xa', refKey: refKey.replace('test|', 'directline|') },
      consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
    });
    const res = await fetch(`${running.api}/registrations/export.xlsx?activityId=${id}`, { headers: { Authorization: `Bearer ${TOKENS.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('报名名单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('统一社会信用代码');
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    const code = row.getCell(col('统一社会信用代码'));
    const mobile = row.getCell(col('手机号'));
    expect(code.type).toBe(ExcelJS.ValueType.String);
    expect(code.value).toBe(ALL_DIGIT_CODE);
    expect(code.numFmt).toBe('@');
    expect(mobile.type).toBe(ExcelJS.ValueType.String);
    expect(mobile.value).toBe('13800001111');
    expect(row.getCell(col('报名渠道')).value).toBe('网页聊天');
    expect(row.getCell(col('状态')).value).toBe('已报名');

    const csv = await (await fetch(`${running.api}/registrations/export.csv?activityId=${id}`, { headers: { Authorization: `Bearer ${TOKENS.editor}` } })).text();
    expect(csv).toContain(`"=""${ALL_DIGIT_CODE}"""`);
    expect(csv).toContain(',网页聊天,');
    expect(csv).not.toContain('directline');

    // A viewer's export is masked by the same rule as everything else.
    const masked = await fetch(`${running.api}/registrations/export.xlsx?activityId=${id}`, { headers: { Authorization: `Bearer ${TOKENS.viewer}` } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await masked.arrayBuffer()) as never);
    expect(wb2.getWorksheet('报名名单')!.getRow(2).getCell(col('手机号')).value).toBe('138****1111');
    expect(wb2.getWorksheet('报名名单')!.getRow(2).getCell(col('联系人')).value).toBe('李**');
  });

  test('messages of every kind that could not be delivered are listed with their reason, and can be sent again', async () => {
    const id = await publishedActivity(activities, { capacity: 1, seatsPerEnterprise: 1 });
    const a = await signUp(running, id, 'fa', creditCode(231));
    // The waitlisted company's conversation is not stored (yet): its promotion cannot be delivered.
    const b = await activities.registrations.register({
      activityId: id,
      enterpriseName: '未知会话科技有限公司',
      creditCode: creditCode(232),
      contactName: '王小明',
      mobile: '13912345678',
      attendees: 1,
      origin: { channelId: 'test', userId: 'fb', conversationId: 'conv-fb', refKey: 'test|conv-fb' },
      consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
    });
    await api(`${running.api}/registrations/${a.registration.id}/cancel`, { token: TOKENS.editor, body: { reason: '测试' } });
    const problems = await eventually(async () => {
      const p = await api(`${running.api}/delivery/problems`, { token: TOKENS.viewer });
      return p.body.items.find((i: { refKey: string; kind: string }) => i.refKey === 'test|conv-fb' && i.kind === 'promotion') && p.body.items;
    });
    const promotion = problems.find((i: { refKey: string }) => i.refKey === 'test|conv-fb');
    expect(promotion).toMatchObject({ status: 'failed', channelId: 'test', reason: expect.stringContaining('找不到该会话') });
    expect((await api(`${running.api}/delivery/retry`, { token: TOKENS.viewer, body: { ids: [promotion.id] } })).status).toBe(403);
    await conversation(running, 'fb');
    const retried = await api(`${running.api}/delivery/retry`, { token: TOKENS.editor, body: { ids: [promotion.id] } });
    expect(retried.body).toEqual({ requeued: 1 });
    await eventually(async () => running.channel.to('conv-fb').some((t) => t.includes('有名额了')));
    expect(b.registration.status).toBe('waitlisted');
  });

  test('viewers see no full mobile in tickets: contact, question, transcript and messages', async () => {
    const refKey = await conversation(running, 'tv');
    await running.admin.transcript.record(refKey, 'user', '请打我电话 139 1234 5678，谢谢');
    const ticket = await running.admin.tickets.open({
      origin: { channelId: 'test', conversationId: 'conv-tv', userId: 'tv', refKey },
      question: '联系 13912345678 王先生',
      contactName: '王先生',
      mobile: '13912345678',
    });
    await running.admin.tickets.addUserMessage(ticket.id, '或者 +86 139-1234-5678');
    for (const [token, full] of [[TOKENS.viewer, false], [TOKENS.editor, true]] as const) {
      const detail = await api(`${running.api}/tickets/${ticket.id}`, { token });
      const list = await api(`${running.api}/tickets?status=open`, { token });
      const text = JSON.stringify(detail.body) + JSON.stringify(list.body);
      if (full) expect(text).toContain('13912345678');
      else {
        expect(text.replace(/\s|-/g, '')).not.toMatch(/(?<!\d)(\+?86)?1[3-9]\d{9}(?!\d)/);
        expect(detail.body).toMatchObject({ mobile: '139****5678', contactName: '王**', question: '联系 139****5678 王先生' });
      }
    }
  });
});
