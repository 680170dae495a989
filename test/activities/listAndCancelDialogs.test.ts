import { DAY, NOW, createHarness, creditCode, type ChatUser, type Harness } from './helpers';

async function chat(user: ChatUser, ...texts: string[]): Promise<string> {
  let last = '';
  for (const text of texts) last = await user.sayAll(text);
  return last;
}

/** Signs a user up for the activity titled `title` (one seat), declining reuse of earlier details. */
async function signUp(user: ChatUser, title: string, n: number): Promise<string> {
  const afterConsent = await chat(user, `报名：${title}`, '同意');
  if (afterConsent.includes('您之前填写过')) await user.say('重新填写');
  return chat(user, `测试${n}科技有限公司`, creditCode(n), '张三', '13812345678', '1', '确认提交');
}

describe('activity list dialog', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  test('lists upcoming published activities as cards with 报名 and 详情 buttons, soonest first', async () => {
    await h.activity({ title: '后面的培训', type: 'training', daysAhead: 12, onlineUrl: 'https://example.com/live', place: null });
    await h.activity({ title: '最近的沙龙', daysAhead: 5 });
    await h.activity({ title: '草稿活动', publish: false });
    const reply = await h.user('u1').sayAll('最近有什么活动');
    expect(reply).toContain('共 2 项');
    expect(reply.indexOf('最近的沙龙')).toBeLessThan(reply.indexOf('后面的培训'));
    expect(reply).toContain('[按钮 报名：最近的沙龙] 报名：最近的沙龙');
    expect(reply).toContain('[按钮 详情：后面的培训] 详情：后面的培训');
    expect(reply).toContain('地点：线上：https://example.com/live'); // every card says where
    expect(reply).toContain('剩余名额 20（共 20）');
    expect(reply).not.toContain('草稿活动');
  });

  test('filters by type and time; falls back to other activities when nothing matches', async () => {
    await h.activity({ title: '招聘会', type: 'jobfair', daysAhead: 10 });
    await h.activity({ title: '本月沙龙', daysAhead: 3 });
    const jobs = await h.user('u1').sayAll('最近有什么招聘会');
    expect(jobs).toContain('近期的专场招聘共 1 项');
    expect(jobs).toContain('招聘会');
    expect(jobs).not.toContain('本月沙龙');
    const nextMonth = await h.user('u1').sayAll('下个月的沙龙');
    expect(nextMonth).toContain('暂时没有7月1日至7月31日的企业沙龙');
    expect(nextMonth).toContain('本月沙龙');
  });

  test('详情 shows everything about one activity, with the 报名 button while open', async () => {
    await h.activity({ title: '政策沙龙', description: '政策宣讲与需求对接', eligibleTiers: [1, 2], capacity: 30 });
    const reply = await h.user('u1').sayAll('详情：政策沙龙');
    expect(reply).toContain('类型：企业沙龙');
    expect(reply).toContain('介绍：政策宣讲与需求对接');
    expect(reply).toContain('面向：一类、二类培育对象');
    expect(reply).toContain('每家企业最多 3 人');
    expect(reply).toContain('[建议] 报名：政策沙龙');
    expect(await h.user('u1').sayAll('详情：不存在的活动')).toContain('没有找到名为“不存在的活动”');
  });

  test('an empty calendar says where notices are published', async () => {
    expect(await h.user('u1').sayAll('最近有什么活动')).toContain('近期暂无已发布的活动');
  });
});

describe('my sign-ups and cancellation dialogs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  test('我的报名 shows status and waitlist position; none yet is explained', async () => {
    const u = h.user('u1');
    expect(await u.sayAll('我的报名')).toContain('暂无进行中的报名');
    await h.activity({ title: '小沙龙', capacity: 1, seatsPerEnterprise: 1 });
    await h.activity({ title: '大培训', type: 'training' });
    await chat(h.user('u0'), '报名：小沙龙', '同意', '占位科技有限公司', creditCode(99), '赵六', '13700000000', '确认提交');
    await chat(u, '报名：小沙龙', '登记候补', '同意', '测试1科技有限公司', creditCode(1), '张三', '13812345678', '确认提交');
    await signUp(u, '大培训', 2);
    const mine = await u.sayAll('我的报名');
    expect(mine).toContain('您的报名共 2 项');
    expect(mine).toContain('状态：候补第 1 位');
    expect(mine).toContain('状态：已报名（1 人）');
    expect(mine).toContain('[按钮 取消报名：大培训] 取消报名：大培训');
  });

  test('cancel with confirmation promotes the first waitlisted, who is told on their own channel', async () => {
    await h.activity({ title: '小沙龙', capacity: 1, seatsPerEnterprise: 1 });
    const alice = h.user('alice');
    const bob = h.user('bob');
    await chat(alice, '报名：小沙龙', '同意', '甲科技有限公司', creditCode(1), '张三', '13812345678', '确认提交');
    const waiting = await chat(bob, '报名：小沙龙', '登记候补', '同意', '乙科技有限公司', creditCode(2), '李四', '13912345678', '确认提交');
    expect(waiting).toContain('第 1 位');

    const confirm = await alice.sayAll('取消报名');
    expect(confirm).toContain('确定要取消这项报名吗');
    expect(confirm).toContain('名额将让给候补企业');
    expect(await alice.sayAll('保留报名')).toContain('已为您保留报名');
    await alice.sayAll('取消报名');
    expect(await alice.sayAll('确认取消报名')).toContain('已取消「小沙龙」的报名');

    await h.services.delivery.drain();
    expect(h.channel.to('conv-bob')).toEqual([expect.stringContaining('好消息！您候补的「小沙龙」有名额了')]);
    expect(h.channel.to('conv-alice')).toEqual([]);
    expect(await bob.sayAll('我的报名')).toContain('状态：已报名');
    const rows = await h.services.db.all<Record<string, unknown>>('SELECT credit_code, status, contact_name, mobile FROM registrations ORDER BY id');
    expect(rows).toEqual([
      { credit_code: creditCode(1), status: 'cancelled', contact_name: null, mobile: null },
      { credit_code: creditCode(2), status: 'confirmed', contact_name: '李四', mobile: '13912345678' },
    ]);
  });

  test('with several sign-ups the user picks one; a 取消报名 button goes straight to the confirmation', async () => {
    await h.activity({ title: '沙龙甲' });
    await h.activity({ title: '培训乙', type: 'training' });
    const u = h.user('u1');
    await signUp(u, '沙龙甲', 1);
    await signUp(u, '培训乙', 1);
    const choose = await u.sayAll('取消报名');
    expect(choose).toContain('请选择要取消的报名');
    expect(await u.sayAll('99')).toContain('没有识别出您要取消哪项报名');
    expect(await u.sayAll('培训乙')).toContain('确定要取消这项报名吗');
    await u.sayAll('取消');
    const direct = await u.sayAll('取消报名：沙龙甲');
    expect(direct).toContain('「沙龙甲」');
    expect(await u.sayAll('确认取消报名')).toContain('已取消「沙龙甲」的报名');
    const mine = await u.sayAll('我的报名');
    expect(mine).toContain('您的报名共 1 项');
    expect(mine).not.toContain('沙龙甲');
  });

  test('nothing to cancel; another user cannot see or cancel my sign-up', async () => {
    await h.activity({ title: '沙龙甲' });
    expect(await h.user('u1').sayAll('取消报名')).toContain('没有可以取消的报名');
    await signUp(h.user('u1'), '沙龙甲', 1);
    expect(await h.user('u2').sayAll('取消报名：沙龙甲')).toContain('没有可以取消的报名');
    expect(await h.user('u2').sayAll('我的报名')).toContain('暂无进行中的报名');
  });

  test('an activity cancelled by officials shows as such and its registrants are told', async () => {
    const id = await h.activity({ title: '沙龙甲' });
    const u = h.user('u1');
    await signUp(u, '沙龙甲', 1);
    await h.module.activities.cancel(id, '讲师行程变动');
    await h.services.delivery.drain();
    expect(h.channel.to('conv-u1')).toEqual([expect.stringContaining('「沙龙甲」已取消（原因：讲师行程变动）')]);
    expect(await u.sayAll('我的报名')).toContain('状态：活动已取消');
    expect(await u.sayAll('取消报名')).toContain('没有可以取消的报名');
  });

  test('a started activity can no longer be cancelled in the chat', async () => {
    await h.activity({ title: '沙龙甲', daysAhead: 3 });
    const u = h.user('u1');
    await signUp(u, '沙龙甲', 1);
    h.setNow(new Date(NOW.getTime() + 3 * DAY + 60_000));
    expect(await u.sayAll('取消报名')).toContain('没有可以取消的报名');
  });
});
