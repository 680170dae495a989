import { DAY, HOUR, TOKENS, api, creditCode, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

function activityBody(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 10 * DAY);
  return {
    type: 'salon',
    title: '专精特新企业沙龙（测试）',
    description: '政策宣讲与交流',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    place: '园区企业服务中心 3 楼',
    capacity: 30,
    ...overrides,
  };
}

describe('console API: authentication, roles, validation, audit', () => {
  let running: RunningAdminApp;
  beforeAll(async () => {
    running = await startAdminApp();
  });
  afterAll(async () => running.close());

  test('no token or a wrong token is 401 with a Bearer challenge; the page itself is public', async () => {
    const none = await api(`${running.api}/activities`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.body.error.message).toContain('登录');
    expect((await api(`${running.api}/activities`, { token: 'not-a-real-token-at-all' })).status).toBe(401);
    expect((await api(`${running.api}/activities`, { token: `${TOKENS.viewer}x` })).status).toBe(401);
    // Writes are refused before the body is even read.
    expect((await api(`${running.api}/activities`, { body: activityBody() })).status).toBe(401);
    const page = await fetch(`${running.url}/admin`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('官员后台');
  });

  test('roles: a viewer reads but may not write (403), an editor writes, only an admin sees tokens and the audit log', async () => {
    const me = await api(`${running.api}/me`, { token: TOKENS.viewer });
    expect(me.body).toEqual({ name: 'vera', role: 'viewer' });
    expect((await api(`${running.api}/activities`, { token: TOKENS.viewer })).status).toBe(200);
    const denied = await api(`${running.api}/activities`, { token: TOKENS.viewer, body: activityBody() });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('权限不足');
    expect((await api(`${running.api}/notifications`, { token: TOKENS.viewer, body: { text: '通知' } })).status).toBe(403);
    expect((await api(`${running.api}/tokens`, { token: TOKENS.editor })).status).toBe(403);
    expect((await api(`${running.api}/audit`, { token: TOKENS.editor })).status).toBe(403);
    expect((await api(`${running.api}/tokens`, { token: TOKENS.admin })).status).toBe(200);
  });

  test('a token created by an admin works with its role, is stored only as a SHA-256 hash, and stops working when revoked', async () => {
    const created = await api(`${running.api}/tokens`, { token: TOKENS.admin, body: { name: 'zhang.san', role: 'editor' } });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^hbt_[\w-]{43}$/);
    const rows = await running.app.services.db.all<{ token_hash: string }>('SELECT token_hash FROM admin_tokens');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.map((r) => r.token_hash)).toContain(require('node:crypto').createHash('sha256').update(token).digest('hex'));

    expect((await api(`${running.api}/me`, { token })).body).toEqual({ name: 'zhang.san', role: 'editor' });
    expect((await api(`${running.api}/tokens`, { token })).status).toBe(403);
    expect((await api(`${running.api}/tokens/${created.body.id}`, { token: TOKENS.admin, method: 'DELETE' })).status).toBe(200);
    expect((await api(`${running.api}/me`, { token })).status).toBe(401);

    const bad = await api(`${running.api}/tokens`, { token: TOKENS.admin, body: { name: '', role: 'root' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fieldErrors).sort()).toEqual(['name', 'role']);
  });

  test('invalid activities are 400 with the problem of each field; malformed JSON is 400 too', async () => {
    const bad = await api(`${running.api}/activities`, {
      token: TOKENS.editor,
      body: activityBody({ title: 'x', capacity: 0, type: 'party', endsAt: '2020-01-01T00:00:00Z', place: null }),
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.fieldErrors as Record<string, string[]>;
    expect(fields.title[0]).toContain('至少 2 个字');
    expect(fields.capacity[0]).toContain('名额至少为 1');
    expect(fields.type[0]).toContain('活动类型');
    expect((await api(`${running.api}/activities`, { token: TOKENS.editor, raw: '{"title": ' })).status).toBe(400);
    const edit = await api(`${running.api}/activities/${await publishedActivity(running.activities)}`, {
      token: TOKENS.editor,
      method: 'PATCH',
      body: { capacity: -3, owner: 'me' },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details.fieldErrors._[0]).toContain('owner');
    expect((await api(`${running.api}/activities/999999`, { token: TOKENS.viewer })).status).toBe(404);
    expect((await api(`${running.api}/activities/abc`, { token: TOKENS.viewer })).status).toBe(404);
  });

  test('create, edit, publish and cancel an activity; every change is in the audit log with who did it', async () => {
    const created = await api(`${running.api}/activities`, { token: TOKENS.editor, body: activityBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', title: '专精特新企业沙龙（测试）', availability: { capacity: 30, taken: 0 } });
    const id = created.body.id;
    const edited = await api(`${running.api}/activities/${id}`, { token: TOKENS.editor, method: 'PATCH', body: { capacity: 40 } });
    expect(edited.status).toBe(200);
    expect(edited.body.capacity).toBe(40);
    expect((await api(`${running.api}/activities/${id}/publish`, { token: TOKENS.editor, method: 'POST' })).body.status).toBe('published');
    const cancelled = await api(`${running.api}/activities/${id}/cancel`, { token: TOKENS.editor, body: { reason: '场地调整' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.activity.status).toBe('cancelled');
    expect((await api(`${running.api}/activities/${id}/publish`, { token: TOKENS.editor, method: 'POST' })).status).toBe(409);

    const audit = await api(`${running.api}/audit?limit=50`, { token: TOKENS.admin });
    const mine = (audit.body.items as Array<{ actor: string; action: string; target: string }>).filter((e) => e.target === `activity:${id}`);
    expect(mine.map((e) => e.action).reverse()).toEqual(['activity.create', 'activity.update', 'activity.publish', 'activity.cancel']);
    expect(new Set(mine.map((e) => e.actor))).toEqual(new Set(['bob']));
  });

  test('registrations: filter, viewers see masked contacts, check-in; CSV export has a BOM, CRLF and neutralised formulas', async () => {
    const { activities } = running;
    // Starts in under two hours: check-in (open from three hours before the start) is possible.
    const activityId = await publishedActivity(activities, { title: '培训=辅导', type: 'training', signupDeadline: new Date(Date.now() + 30 * 60_000) }, 0.08);
    const consent = { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() };
    const origin = { channelId: 'test', userId: 'u-csv' };
    const evil = await activities.registrations.register({
      activityId,
      enterpriseName: '=HYPERLINK("http://evil.example","点我")公司',
      creditCode: creditCode(101),
      contactName: '王小明',
      mobile: '13912345678',
      attendees: 1,
      origin,
      consent,
    });
    await activities.registrations.register({
      activityId,
      enterpriseName: '+苏州@汇计划科技有限公司',
      creditCode: creditCode(102),
      contactName: '李雷',
      mobile: '13800001111',
      attendees: 2,
      origin: { ...origin, userId: 'u-csv-2' },
      consent,
    });

    const viewerList = await api(`${running.api}/registrations?activityId=${activityId}`, { token: TOKENS.viewer });
    expect(viewerList.body.total).toBe(2);
    expect(viewerList.body.items.map((r: { mobile: string }) => r.mobile)).toEqual(['139****5678', '138****1111']);
    const search = await api(`${running.api}/registrations?activityId=${activityId}&search=${encodeURIComponent('汇计划')}`, { token: TOKENS.editor });
    expect(search.body.items).toHaveLength(1);
    expect(search.body.items[0].mobile).toBe('13800001111');
    expect((await api(`${running.api}/registrations?status=bogus`, { token: TOKENS.viewer })).status).toBe(400);

    const checkedIn = await api(`${running.api}/registrations/${evil.registration.id}/check-in`, { token: TOKENS.editor, method: 'POST' });
    expect(checkedIn.body.status).toBe('checked_in');
    const byCode = await api(`${running.api}/activities/${activityId}/check-in`, { token: TOKENS.editor, body: { creditCode: creditCode(102).toLowerCase() } });
    expect(byCode.status).toBe(200);
    expect(byCode.body.status).toBe('checked_in');

    // Viewers may export, masked by the same rule as the list.
    const viewerCsv = await fetch(`${running.api}/registrations/export.csv?activityId=${activityId}`, { headers: { Authorization: `Bearer ${TOKENS.viewer}` } });
    expect(viewerCsv.status).toBe(200);
    const viewerText = await viewerCsv.text();
    expect(viewerText).toContain('139****5678');
    expect(viewerText).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    const res = await fetch(`${running.api}/registrations/export.csv?activityId=${activityId}`, { headers: { Authorization: `Bearer ${TOKENS.editor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('报名编号,活动编号,活动名称,活动类型,企业名称,统一社会信用代码,联系人,手机号,参会人数,培育类别,招聘岗位,状态,候补位次,取消原因,报名渠道,报名时间,签到时间');
    // Identifiers survive Excel as text (="…"); the channel has its Chinese label.
    expect(csv).toContain(`"=""${creditCode(101)}"""`);
    expect(csv).toContain(`"=""13912345678"""`);
    expect(csv).toContain(',测试渠道,');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")公司"`);
    expect(csv).toContain(`'+苏州@汇计划科技有限公司`);
    expect(csv).toContain(`,培训=辅导,`);
    expect(csv).toContain('13912345678');
    expect(csv).toContain('已签到');
    // Apart from the ="…" identifiers, nothing starts like a formula.
    expect(csv.replace(/"=""[0-9A-Z*]+"""/g, '')).not.toMatch(/,=|,\+|,@|^=/m);
  });
});
