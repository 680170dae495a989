import type { TurnContext } from 'botbuilder';
import { DAY, HOUR, NOW, createHarness, creditCode, type ChatUser, type Harness } from './helpers';
import { SIGNUP_NOTICE_VERSION } from '../../src/activities/notice';

/** Runs a conversation; returns the replies of the last message. */
async function chat(user: ChatUser, ...texts: string[]): Promise<string> {
  let last = '';
  for (const text of texts) last = await user.sayAll(text);
  return last;
}

async function registrations(h: Harness) {
  return h.services.db.all<Record<string, unknown>>('SELECT * FROM registrations ORDER BY id');
}

describe('sign-up dialog', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  test('happy path: choose, consent, fields, summary, confirmed; consent recorded with notice version and channel', async () => {
    await h.activity({ title: '企业沙龙A' });
    await h.activity({ title: '申报辅导B', type: 'training' });
    const u = h.user('u1');

    expect(await u.sayAll('我要报名')).toContain('请选择要报名的活动');
    const notice = await u.sayAll('申报辅导');
    expect(notice).toContain('个人信息告知');
    expect(notice).toContain('园区经发委');
    expect(notice).toContain('180 天');
    expect(notice).toContain('[建议] 同意');
    expect(await u.sayAll('同意')).toContain('请输入企业名称');
    expect(await u.sayAll('苏州汇计划科技有限公司')).toContain('统一社会信用代码');
    expect(await u.sayAll(creditCode(1).toLowerCase())).toContain('联系人姓名');
    expect(await u.sayAll('王小明')).toContain('手机号');
    expect(await u.sayAll('+86 139-1234-5678')).toContain('参会人数');
    const summary = await u.sayAll('2人');
    expect(summary).toContain('请核对报名信息');
    // (in full at the check before submitting: just typed, to be checked)
    expect(summary).toContain('13912345678');
    expect(summary).toContain(creditCode(1));
    const done = await u.sayAll('确认提交');
    expect(done).toContain('报名成功');
    expect(done).toContain('申报辅导B');
    expect(done).toContain('24 小时');

    const rows = await registrations(h);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      enterprise_name: '苏州汇计划科技有限公司',
      credit_code: creditCode(1),
      contact_name: '王小明',
      mobile: '13912345678',
      attendees: 2,
      status: 'confirmed',
      channel_id: 'test',
      user_id: 'u1',
      ref_key: 'test|conv-u1',
    });
    const consent = await h.services.db.get<Record<string, unknown>>('SELECT * FROM consents');
    expect(consent).toMatchObject({
      kind: 'activity_signup',
      notice_id: 'activity-signup-privacy',
      notice_version: SIGNUP_NOTICE_VERSION,
      channel_id: 'test',
      user_id: 'u1',
      conversation_id: 'conv-u1',
      granted_at: NOW.toISOString(),
      subject: `activity:${rows[0].activity_id}`,
      withdrawn_at: null,
    });
  });

  test('invalid credit codes are explained (length, unused letters, check character, characters) and asked again', async () => {
    await h.activity();
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '苏州汇计划科技有限公司');
    expect(await u.sayAll('91350100M000100Y4')).toMatch(/应为 18 位，您输入的是 17 位[\s\S]*请重新输入统一社会信用代码/);
    expect(await u.sayAll('91350100M0001OOY43')).toContain('不使用字母 I、O、Z、S、V，第 14 位是“O”');
    expect(await u.sayAll('91350100M000100Y44')).toContain('校验未通过');
    expect(await u.sayAll('91350100M000100Y4#')).toContain('第 18 位“#”不是有效字符');
    expect(await u.sayAll('苏州汇计划科技有限公司')).toContain('不要输入汉字');
    expect(await u.sayAll('')).toContain('请输入 18 位统一社会信用代码');
    expect(await u.sayAll('91350100M000100Y43')).toContain('联系人姓名');
  });

  test('a code whose only fault is its check character is taken once the user confirms it against the licence', async () => {
    await h.activity();
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '苏州汇计划科技有限公司');
    expect(await u.sayAll('91350100M000100Y44')).toMatch(/如核对无误，请回复“确认”/);
    // another fault is explained as before, and forgets the code waiting for confirmation
    expect(await u.sayAll('91350100M000100Y4')).toContain('您输入的是 17 位');
    expect(await u.sayAll('确认')).not.toContain('联系人姓名');
    await u.sayAll('91350100M000100Y44');
    expect(await u.sayAll('是的，确认')).toContain('联系人姓名');
    await chat(u, '王小明', '13912345678', '1', '是的，确认');
    const rows = await registrations(h);
    expect(rows.map((r) => r.credit_code)).toEqual(['91350100M000100Y44']);
  });

  test('invalid mobiles and bad free text get clear messages; injection text is stored verbatim', async () => {
    await h.activity({ seatsPerEnterprise: 1 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意');
    expect(await u.sayAll('   ')).toContain('企业名称不能为空');
    expect(await u.sayAll('🚀🚀科技公司')).toContain('表情符号');
    expect(await u.sayAll('好'.repeat(10000))).toContain('过长');
    const injection = "Robert'); DROP TABLE registrations;-- 有限公司";
    expect(await u.sayAll(injection)).toContain('统一社会信用代码');
    await chat(u, creditCode(2));
    expect(await u.sayAll('张')).toContain('过短');
    expect(await u.sayAll('张三')).toContain('手机号');
    expect(await u.sayAll('1381234567')).toContain('应为 11 位，您输入的是 10 位');
    expect(await u.sayAll('12812345678')).toContain('13–19');
    expect(await u.sayAll('电话号码')).toContain('只能包含数字');
    // One seat per enterprise: attendees are not asked.
    expect(await u.sayAll('13812345678')).toContain('请核对报名信息');
    expect(await u.sayAll('确认提交')).toContain('报名成功');
    const rows = await registrations(h);
    expect(rows[0].enterprise_name).toBe(injection);
    expect(rows[0].attendees).toBe(1);
  });

  test('attendees above the per-enterprise limit are refused with the limit', async () => {
    await h.activity({ seatsPerEnterprise: 2 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '苏州汇计划科技有限公司', creditCode(3), '张三', '13812345678');
    expect(await u.sayAll('5')).toContain('每家企业最多 2 人');
    expect(await u.sayAll('很多人')).toContain('请用数字填写参会人数');
    expect(await u.sayAll('两人')).toContain('参会人数：2 人');
  });

  test('refusing the notice ends politely and keeps nothing, not even what the first message said', async () => {
    await h.activity({ title: '企业沙龙A', daysAhead: 8 });
    const u = h.user('u1');
    const first = await u.sayAll(`我要报名下周的企业沙龙，我们是苏州保密科技有限公司，代码${creditCode(4)}`);
    expect(first).toContain('好的，为您报名「企业沙龙A」');
    expect(first).toContain('个人信息告知');
    const refused = await u.sayAll('不同意');
    expect(refused).toContain('没有保存');
    expect(await registrations(h)).toEqual([]);
    expect(await h.services.db.all('SELECT * FROM consents')).toEqual([]);
    const state = await h.services.db.all<{ doc: string }>('SELECT doc FROM bot_state');
    expect(state.some((r) => r.doc.includes('苏州保密科技') || r.doc.includes(creditCode(4)))).toBe(false);
  });

  test('an unclear answer to the notice is asked again with the buttons', async () => {
    await h.activity();
    const u = h.user('u1');
    await chat(u, '我要报名');
    const again = await u.sayAll('这是什么');
    expect(again).toContain('点击“同意”继续报名');
    expect(again).toContain('[建议] 不同意');
  });

  test('slots of the first message are not asked again (activity from type and date, name, code, mobile, attendees)', async () => {
    await h.activity({ title: '下周沙龙', daysAhead: 8 });
    await h.activity({ title: '更晚的沙龙', daysAhead: 20 });
    const u = h.user('u1');
    const first = await u.sayAll(`我要报名下周的企业沙龙，我们是苏州汇计划科技有限公司，信用代码${creditCode(5)}，2人参加，手机13812345678`);
    expect(first).toContain('为您报名「下周沙龙」');
    expect(first).not.toContain('请选择要报名的活动');
    expect(await u.sayAll('同意')).toContain('请输入联系人姓名');
    const summary = await u.sayAll('李雷');
    expect(summary).toContain('企业名称：苏州汇计划科技有限公司');
    expect(summary).toContain('参会人数：2 人');
    expect(await u.sayAll('确认提交')).toContain('报名成功');
  });

  test('a 报名 button names the activity directly', async () => {
    await h.activity({ title: '企业沙龙A' });
    await h.activity({ title: '企业沙龙B' });
    const u = h.user('u1');
    const reply = await u.sayAll('报名：企业沙龙B');
    expect(reply).toContain('个人信息告知');
    expect(reply).not.toContain('请选择');
  });

  test('a bad choice of activity is asked again', async () => {
    await h.activity({ title: '企业沙龙A' });
    await h.activity({ title: '申报辅导B' });
    const u = h.user('u1');
    await chat(u, '我要报名');
    expect(await u.sayAll('9')).toContain('没有识别出您选的活动');
    expect(await u.sayAll('x'.repeat(10000))).toContain('没有识别出您选的活动');
    expect(await u.sayAll('2')).toContain('个人信息告知');
  });

  test('the last sign-up is offered for reuse (mobile masked) and skips those questions', async () => {
    await h.activity({ title: '企业沙龙A' });
    await h.activity({ title: '申报辅导B' });
    const u = h.user('u1');
    await chat(u, '报名：企业沙龙A', '同意', '苏州汇计划科技有限公司', creditCode(6), '韩梅梅', '13812345678', '1', '确认提交');
    const offer = await chat(u, '报名：申报辅导B', '同意');
    expect(offer).toContain('您之前填写过以下信息');
    expect(offer).toContain('韩梅梅');
    expect(offer).toContain('138****5678');
    expect(offer).not.toContain('13812345678');
    expect(await u.sayAll('使用这些信息')).toContain('参会人数');
    expect(await chat(u, '3', '确认提交')).toContain('报名成功');
    const rows = await registrations(h);
    expect(rows.map((r) => [r.credit_code, r.contact_name, r.mobile])).toEqual([
      [creditCode(6), '韩梅梅', '13812345678'],
      [creditCode(6), '韩梅梅', '13812345678'],
    ]);
  });

  test('declining reuse asks every field', async () => {
    await h.activity({ title: '企业沙龙A' });
    await h.activity({ title: '申报辅导B' });
    const u = h.user('u1');
    await chat(u, '报名：企业沙龙A', '同意', '苏州汇计划科技有限公司', creditCode(6), '韩梅梅', '13812345678', '1', '确认提交');
    await chat(u, '报名：申报辅导B', '同意');
    expect(await u.sayAll('重新填写')).toContain('请输入企业名称');
  });

  test("the advisor's enterprise profile is offered when there is no earlier sign-up", async () => {
    await h.activity({ title: '企业沙龙A' });
    const u = h.user('u1');
    // The advisor stores the profile in UserState; write it under UserState's own key.
    const key = h.services.userState.getStorageKey({ activity: { channelId: 'test', from: { id: 'u1' } } } as TurnContext)!;
    await h.services.db.run(`INSERT INTO bot_state (key, doc, etag) VALUES (?, ?, '1')`, [
      key,
      JSON.stringify({ enterpriseProfile: { name: '苏州档案科技有限公司', creditCode: creditCode(8), tier: 2 } }),
    ]);
    const offer = await chat(u, '报名：企业沙龙A', '同意');
    expect(offer).toContain('苏州档案科技有限公司');
    expect(offer).toContain(creditCode(8));
    expect(await u.sayAll('使用这些信息')).toContain('联系人姓名');
  });

  test('an enterprise a colleague registered is told so at the credit code, without their details', async () => {
    await h.activity({ title: '企业沙龙A' });
    await chat(h.user('u1'), '我要报名', '同意', '苏州汇计划科技有限公司', creditCode(7), '张三', '13812345678', '1', '确认提交');
    const other = h.user('u2');
    const reply = await chat(other, '我要报名', '同意', '苏州汇计划科技有限公司', creditCode(7));
    expect(reply).toContain('该企业已由其他联系人报名「企业沙龙A」');
    expect(reply).toContain('转人工');
    // (Whoever knows a credit code is not shown who signed up, nor offered a cancel they cannot do.)
    expect(reply).not.toMatch(/张三|13812345678|取消报名/);
    expect(await registrations(h)).toHaveLength(1);
  });

  test('signing up again for our own registration says where to see or cancel it', async () => {
    await h.activity({ title: '企业沙龙A' });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '苏州汇计划科技有限公司', creditCode(7), '张三', '13812345678', '1', '确认提交');
    const reply = await u.sayAll('报名：企业沙龙A');
    expect(reply).toContain('已报名「企业沙龙A」，无需重复报名');
    expect(reply).toContain('我的报名');
    expect(await registrations(h)).toHaveLength(1);
  });

  test('a full activity offers the waitlist; the result tells the position', async () => {
    await h.activity({ title: '小沙龙', capacity: 1, seatsPerEnterprise: 1 });
    await chat(h.user('u1'), '我要报名', '同意', '甲科技有限公司', creditCode(10), '张三', '13812345678', '确认提交');
    const u2 = h.user('u2');
    const full = await u2.sayAll('我要报名');
    expect(full).toContain('名额已满');
    expect(full).toContain('登记候补');
    expect(await u2.sayAll('看看其他活动')).toContain('最近有什么活动');
    await chat(u2, '我要报名', '登记候补', '同意', '乙科技有限公司', creditCode(11), '李四', '13912345678');
    const result = await u2.sayAll('确认提交');
    expect(result).toContain('已为您登记候补，目前排在第 1 位');
    expect(await h.user('u2').sayAll('我的报名')).toContain('候补第 1 位');
  });

  test('a passed deadline is explained with alternatives', async () => {
    await h.activity({ title: '已截止沙龙', signupDeadline: new Date(NOW.getTime() - HOUR) });
    const reply = await h.user('u1').sayAll('报名：已截止沙龙');
    expect(reply).toContain('报名已截止');
    expect(reply).toContain('最近有什么活动');
    expect(await registrations(h)).toEqual([]);
  });

  test('the deadline passing while the user fills in the form is caught at submission', async () => {
    await h.activity({ title: '沙龙', daysAhead: 2, seatsPerEnterprise: 1 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '甲科技有限公司', creditCode(12), '张三', '13812345678');
    h.setNow(new Date(NOW.getTime() + DAY + HOUR));
    expect(await u.sayAll('确认提交')).toContain('报名已截止');
    expect(await registrations(h)).toEqual([]);
  });

  test('tier rules: asked when unknown; not eligible and 不清楚 explained; taken from the first message', async () => {
    await h.activity({ title: '一二类专场', eligibleTiers: [1, 2] });
    const u = h.user('u1');
    const ask = await u.sayAll('报名：一二类专场');
    expect(ask).toContain('面向一类、二类培育对象');
    expect(await u.sayAll('三类（入库培育企业）')).toContain('贵企业暂不在范围内');
    await u.sayAll('报名：一二类专场');
    expect(await u.sayAll('没听懂')).toContain('请选择贵企业的培育类别');
    expect(await u.sayAll('不清楚')).toContain('我们属于哪一类');
    await u.sayAll('报名：一二类专场');
    expect(await u.sayAll('二类（市级、区级专精特新）')).toContain('个人信息告知');
    const v = h.user('u2');
    expect(await v.sayAll('我们是省级专精特新，想报名一二类专场')).toContain('个人信息告知');
  });

  test('job fairs ask for positions and headcount', async () => {
    await h.activity({ title: '专场招聘会', type: 'jobfair', seatsPerEnterprise: 2 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '甲科技有限公司', creditCode(13), '张三', '13812345678');
    expect(await u.sayAll('1')).toContain('招聘的岗位和人数');
    expect(await u.sayAll('软件工程师')).toContain('缺少招聘人数');
    expect(await u.sayAll('软件工程师 3；测试工程师 2人')).toContain('招聘岗位：软件工程师 3 人；测试工程师 2 人');
    await u.sayAll('确认提交');
    const rows = await registrations(h);
    expect(JSON.parse(rows[0].positions as string)).toEqual([
      { title: '软件工程师', headcount: 3 },
      { title: '测试工程师', headcount: 2 },
    ]);
  });

  test('"取消" at any step ends the sign-up without saving', async () => {
    await h.activity();
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '甲科技有限公司');
    expect(await u.sayAll('取消')).toContain('已取消当前事项');
    expect(await registrations(h)).toEqual([]);
    expect(await u.sayAll('最近有什么活动')).toContain('[按钮 报名：');
  });

  test('重新填写 asks the fields again without repeating the notice', async () => {
    await h.activity({ seatsPerEnterprise: 1 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '甲科技有限公司', creditCode(14), '张三', '13812345678');
    const restart = await u.sayAll('重新填写');
    expect(restart).toContain('重新填写');
    expect(restart).toContain('请输入企业名称');
    expect(restart).not.toContain('个人信息告知');
    expect(await chat(u, '乙科技有限公司', creditCode(15), '李四', '13912345678', '确认提交')).toContain('报名成功');
    expect((await registrations(h)).map((r) => r.enterprise_name)).toEqual(['乙科技有限公司']);
  });

  test('a storage failure at submission keeps the form and lets the user retry', async () => {
    await h.activity({ seatsPerEnterprise: 1 });
    const u = h.user('u1');
    await chat(u, '我要报名', '同意', '甲科技有限公司', creditCode(16), '张三', '13812345678');
    const spy = jest.spyOn(h.module.registrations, 'register').mockRejectedValueOnce(new Error('SQLITE_BUSY'));
    const failed = await u.sayAll('确认提交');
    expect(failed).toContain('您填写的信息都还在');
    expect(failed).toContain('请核对报名信息');
    expect(failed).toContain('甲科技有限公司');
    spy.mockRestore();
    expect(await u.sayAll('确认提交')).toContain('报名成功');
    expect(await registrations(h)).toHaveLength(1);
  });

  test('no open activity at all', async () => {
    expect(await h.user('u1').sayAll('我要报名')).toContain('目前没有可报名的活动');
  });
});
