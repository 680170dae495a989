import { DAY, HOUR, NOW, createHarness, creditCode, removeDb, tempDb, type ChatUser, type Harness } from './helpers';

async function chat(user: ChatUser, ...texts: string[]): Promise<void> {
  for (const text of texts) await user.say(text);
}

/** Signs up for one seat, joining the waitlist when the activity is full. */
async function signUp(user: ChatUser, title: string, n: number): Promise<void> {
  const first = await user.sayAll(`报名：${title}`);
  if (first.includes('名额已满')) await user.say('登记候补');
  await chat(user, '同意', `测试${n}科技有限公司`, creditCode(n), '张三', '13812345678', '确认提交');
}

describe('reminders', () => {
  const opened: Harness[] = [];
  let dbPath: string;
  const open = async (now: Date, env?: Record<string, string>) => {
    const h = await createHarness({ dbPath, now, env });
    opened.push(h);
    return h;
  };

  beforeEach(() => {
    dbPath = tempDb();
  });
  afterEach(async () => {
    for (const h of opened.splice(0)) await h.close({ keepDb: true }).catch(() => undefined);
    removeDb(dbPath);
  });

  test('sent once, 24 h before, on the channel of the sign-up — and not again after a restart', async () => {
    const h1 = await open(NOW);
    await h1.activity({ title: '沙龙', daysAhead: 3, seatsPerEnterprise: 1 });
    const start = NOW.getTime() + 3 * DAY;
    await signUp(h1.user('u1'), '沙龙', 1);

    await h1.module.scheduler.tick();
    await h1.services.delivery.drain();
    expect(h1.channel.sent).toEqual([]); // too early

    h1.setNow(new Date(start - 23 * HOUR));
    await h1.module.scheduler.tick();
    await h1.services.delivery.drain();
    await h1.module.scheduler.tick();
    await h1.services.delivery.drain();
    expect(h1.channel.to('conv-u1')).toEqual([expect.stringMatching(/^活动提醒：您报名的「沙龙」将于 .+ 开始/)]);
    await h1.close({ keepDb: true });

    const h2 = await open(new Date(start - 22 * HOUR));
    await h2.feature.start?.(undefined as never); // the scheduler's first pass runs at start
    await h2.module.scheduler.tick();
    await h2.services.delivery.drain();
    await h2.feature.stop?.();
    expect(h2.channel.sent).toEqual([]);
    const rows = await h2.services.db.all<{ kind: string; sent_at: string | null }>('SELECT kind, sent_at FROM deliveries');
    expect(rows).toEqual([{ kind: 'reminder', sent_at: new Date(start - 23 * HOUR).toISOString() }]);
  });

  test('a reminder that fell due while the bot was down is sent after the restart, once', async () => {
    const h1 = await open(NOW);
    await h1.activity({ title: '沙龙', daysAhead: 3, seatsPerEnterprise: 1 });
    await signUp(h1.user('u1'), '沙龙', 1);
    await h1.close({ keepDb: true });

    const h2 = await open(new Date(NOW.getTime() + 3 * DAY - 2 * HOUR));
    await h2.module.scheduler.tick();
    await h2.services.delivery.drain();
    await h2.module.scheduler.tick();
    await h2.services.delivery.drain();
    expect(h2.channel.to('conv-u1')).toHaveLength(1);
  });

  test('REMINDER_HOURS_BEFORE sets the lead time', async () => {
    const h = await open(NOW, { REMINDER_HOURS_BEFORE: '2' });
    await h.activity({ title: '沙龙', daysAhead: 3, seatsPerEnterprise: 1 });
    const start = NOW.getTime() + 3 * DAY;
    await signUp(h.user('u1'), '沙龙', 1);
    h.setNow(new Date(start - 3 * HOUR));
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    expect(h.channel.sent).toEqual([]);
    h.setNow(new Date(start - 90 * 60_000));
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    expect(h.channel.sent).toHaveLength(1);
  });

  test('only confirmed registrants get one: not the waitlist, not those who cancelled, not those confirmed inside the window', async () => {
    const h = await open(NOW);
    await h.activity({ title: '沙龙', daysAhead: 3, capacity: 2, seatsPerEnterprise: 1 });
    const start = NOW.getTime() + 3 * DAY;
    for (const n of [1, 2, 3, 4]) await signUp(h.user(`u${n}`), '沙龙', n);
    // u1, u2 confirmed; u3, u4 waitlisted. u2 cancels inside the window: u3 is promoted late.
    h.setNow(new Date(start - 12 * HOUR));
    await chat(h.user('u2'), '取消报名', '确认取消报名');
    await h.services.delivery.drain();
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    expect(h.channel.to('conv-u1')).toEqual([expect.stringContaining('活动提醒')]);
    expect(h.channel.to('conv-u2')).toEqual([]);
    expect(h.channel.to('conv-u3')).toEqual([expect.stringContaining('有名额了')]);
    expect(h.channel.to('conv-u4')).toEqual([]);
  });

  test('a failed delivery is retried on a later pass and delivered once', async () => {
    const h = await open(NOW);
    await h.activity({ title: '沙龙', daysAhead: 3, seatsPerEnterprise: 1 });
    await signUp(h.user('u1'), '沙龙', 1);
    const due = NOW.getTime() + 2 * DAY;
    h.setNow(new Date(due + HOUR));
    h.channel.failNext = 1;
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    expect(h.channel.sent).toEqual([]);
    h.setNow(new Date(due + 2 * HOUR));
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    await h.module.scheduler.tick();
    await h.services.delivery.drain();
    expect(h.channel.to('conv-u1')).toHaveLength(1);
    const row = await h.services.db.get<{ attempts: number; status: string }>('SELECT attempts, status FROM deliveries');
    expect(row).toEqual({ attempts: 2, status: 'sent' });
  });
});
