import { ActivityError } from '../../src/activities/errors';
import type { RegistrationInput } from '../../src/activities/types';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION } from '../../src/activities/notice';
import { referenceKey } from '../../src/storage/conversationReferences';
import { DAY, HOUR, NOW, createHarness, creditCode, type Harness } from './helpers';

function signUp(activityId: number, n: number, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    activityId,
    enterpriseName: `测试企业${n}有限公司`,
    creditCode: creditCode(n),
    contactName: '张三',
    mobile: '13812345678',
    attendees: 1,
    origin: { channelId: 'test', userId: `user-${n}`, conversationId: `conv-${n}`, refKey: referenceKey('test', `conv-${n}`) },
    consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: NOW.toISOString() },
    ...overrides,
  };
}

/** Stores a conversation reference so proactive messages to `conv-n` can be delivered. */
async function knownConversation(h: Harness, n: number): Promise<void> {
  await h.services.proactive.references.save({
    channelId: 'test',
    conversation: { id: `conv-${n}` } as never,
    user: { id: `user-${n}`, name: '' },
    serviceUrl: 'https://test.invalid',
  });
}

describe('sign-up service', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  test('200 simultaneous sign-ups for 20 seats: 20 confirmed, 180 waitlisted in order, no duplicates', async () => {
    const id = await h.activity({ capacity: 20 });
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => h.module.registrations.register(signUp(id, i))));

    const confirmed = outcomes.filter((o) => o.registration.status === 'confirmed');
    const waitlisted = outcomes.filter((o) => o.registration.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waitlisted).toHaveLength(180);
    const positions = waitlisted.map((o) => o.waitlistPosition);
    expect([...positions].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    // First come, first served. SQLite has one writer at a time, so that is call order: the first 20
    // calls hold the seats and the rest queue in call order. PostgreSQL runs the transactions side
    // by side: commit order, every place given once (checked above).
    if (h.services.db.engine === 'sqlite') {
      expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      expect(outcomes.slice(0, 20).every((o) => o.registration.status === 'confirmed')).toBe(true);
    }

    const rows = await h.services.db.all<{ credit_code: string; n: number }>(
      'SELECT credit_code, COUNT(*) AS n FROM registrations WHERE activity_id = ? GROUP BY credit_code HAVING COUNT(*) > 1',
      [id],
    );
    expect(rows).toEqual([]);
    expect(await h.module.activities.availability(id)).toEqual({ capacity: 20, taken: 20, remaining: 0, waitlisted: 180 });
    const { items, total } = await h.module.registrations.list({ activityId: id, status: 'waitlisted', limit: 3 });
    expect(total).toBe(180);
    expect(items.map((r) => r.waitlistPosition)).toEqual([1, 2, 3]);
  });

  test('the same enterprise signing up five times at once gets one registration', async () => {
    const id = await h.activity();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => h.module.registrations.register(signUp(id, 7))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as ActivityError).code)).toEqual(Array(4).fill('already_registered'));
  });

  test('the database itself refuses a second row for the same activity and credit code', async () => {
    const id = await h.activity();
    await h.module.registrations.register(signUp(id, 1));
    await expect(
      h.services.db.run(
        `INSERT INTO registrations (activity_id, credit_code, enterprise_name, attendees, status, channel_id, user_id, created_at, updated_at, registered_at)
         VALUES (?, ?, 'x', 1, 'confirmed', 'test', 'u', 'now', 'now', 'now')`,
        [id, creditCode(1)],
      ),
    ).rejects.toThrow(/UNIQUE|unique constraint/);
  });

  test('a cancellation promotes the first waitlisted who fits, tells them, and never lets anyone jump the queue', async () => {
    const id = await h.activity({ capacity: 3 });
    for (const n of [1, 2, 3, 4, 5]) await knownConversation(h, n);
    await h.module.registrations.register(signUp(id, 1, { attendees: 2 }));
    await h.module.registrations.register(signUp(id, 2, { attendees: 1 }));
    const third = await h.module.registrations.register(signUp(id, 3, { attendees: 3 }));
    const fourth = await h.module.registrations.register(signUp(id, 4, { attendees: 1 }));
    expect([third.waitlistPosition, fourth.waitlistPosition]).toEqual([1, 2]);

    // One seat free is not enough for no. 3 (3 people), and no. 4 must not overtake.
    const first = await h.module.registrations.cancel((await h.module.registrations.findActive(id, creditCode(2)))!.id, { by: 'user' });
    expect(first.promoted).toEqual([]);
    // A later sign-up goes behind the queue even though a seat is free.
    const fifth = await h.module.registrations.register(signUp(id, 5, { attendees: 1 }));
    expect(fifth).toMatchObject({ registration: { status: 'waitlisted' }, waitlistPosition: 3 });

    const second = await h.module.registrations.cancel((await h.module.registrations.findActive(id, creditCode(1)))!.id, { by: 'admin' });
    expect(second.promoted.map((r) => r.creditCode)).toEqual([creditCode(3)]);
    await h.services.delivery.drain();
    expect(h.channel.to('conv-3')).toEqual([expect.stringContaining('有名额了')]);
    expect(h.channel.to('conv-4')).toEqual([]);
    expect(await h.module.registrations.waitlistPosition(fourth.registration.id)).toBe(1);
  });

  test('user cancellation withdraws the consent and erases contact data; a new sign-up re-activates the row', async () => {
    const id = await h.activity();
    const { registration } = await h.module.registrations.register(signUp(id, 1));
    const cancelled = await h.module.registrations.cancel(registration.id, { by: 'user', owner: { channelId: 'test', userId: 'user-1' } });
    expect(cancelled.registration).toMatchObject({ status: 'cancelled', cancelReason: 'user', contactName: undefined, mobile: undefined });
    expect((await h.module.consents.get(registration.consentId!))?.withdrawnAt).toBe(NOW.toISOString());

    const again = await h.module.registrations.register(signUp(id, 1, { contactName: '李四' }));
    expect(again).toMatchObject({ reactivated: true, registration: { id: registration.id, status: 'confirmed', contactName: '李四' } });
    expect(again.registration.consentId).not.toBe(registration.consentId);
    const consent = await h.module.consents.get(again.registration.consentId!);
    expect(consent).toMatchObject({ kind: 'activity_signup', noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, channelId: 'test', subject: `activity:${id}` });
  });

  test('somebody else cannot cancel a registration', async () => {
    const id = await h.activity();
    const { registration } = await h.module.registrations.register(signUp(id, 1));
    await expect(h.module.registrations.cancel(registration.id, { by: 'user', owner: { channelId: 'test', userId: 'intruder' } })).rejects.toMatchObject({
      code: 'registration_not_found',
    });
  });

  test('rules: deadline, tier, seats per enterprise, unpublished, job fair positions, invalid fields', async () => {
    const closed = await h.activity({ signupDeadline: new Date(NOW.getTime() - HOUR) });
    await expect(h.module.registrations.register(signUp(closed, 1))).rejects.toMatchObject({ code: 'deadline_passed' });
    const tiered = await h.activity({ eligibleTiers: [1, 2] });
    await expect(h.module.registrations.register(signUp(tiered, 1))).rejects.toMatchObject({ code: 'tier_not_eligible' });
    await expect(h.module.registrations.register(signUp(tiered, 1, { tier: 3 }))).rejects.toMatchObject({ code: 'tier_not_eligible' });
    await expect(h.module.registrations.register(signUp(tiered, 1, { tier: 2 }))).resolves.toMatchObject({ registration: { tier: 2 } });
    const small = await h.activity({ seatsPerEnterprise: 2 });
    await expect(h.module.registrations.register(signUp(small, 1, { attendees: 3 }))).rejects.toMatchObject({ code: 'too_many_attendees' });
    const draft = await h.activity({ publish: false });
    await expect(h.module.registrations.register(signUp(draft, 1))).rejects.toMatchObject({ code: 'activity_not_open' });
    const fair = await h.activity({ type: 'jobfair' });
    await expect(h.module.registrations.register(signUp(fair, 1))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.module.registrations.register(signUp(fair, 1, { positions: [{ title: '工程师', headcount: 2 }] }))).resolves.toMatchObject({
      registration: { positions: [{ title: '工程师', headcount: 2 }] },
    });
    const open = await h.activity();
    await expect(h.module.registrations.register(signUp(open, 1, { creditCode: '91350100M000100Y44' }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.module.registrations.register(signUp(open, 1, { mobile: '12345' }))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.module.registrations.register(signUp(open, 1, { consent: undefined as never }))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  test('injection strings are stored verbatim and harm nothing', async () => {
    const id = await h.activity();
    const name = "x'); DROP TABLE registrations;-- 公司";
    const { registration } = await h.module.registrations.register(signUp(id, 1, { enterpriseName: name }));
    expect((await h.module.registrations.get(registration.id))?.enterpriseName).toBe(name);
    const { items } = await h.module.registrations.list({ search: "'); DROP" });
    expect(items).toHaveLength(1);
    expect((await h.module.registrations.list({ search: '%' })).total).toBe(0);
  });

  test('check-in: only in its window around the start, confirmed only, idempotent, also by credit code', async () => {
    const id = await h.activity({ capacity: 1, daysAhead: 2 });
    const a = await h.module.registrations.register(signUp(id, 1));
    const b = await h.module.registrations.register(signUp(id, 2));
    // Two days ahead: not yet (CHECKIN_OPENS_HOURS_BEFORE, default 3 h).
    await expect(h.module.registrations.checkIn(a.registration.id)).rejects.toMatchObject({ code: 'checkin_not_open', message: '签到于活动开始前 3 小时开放。' });
    const activity = (await h.module.activities.get(id))!;
    h.setNow(new Date(Date.parse(activity.startsAt) - 2 * HOUR));
    const checked = await h.module.registrations.checkInByCreditCode(id, creditCode(1).toLowerCase());
    expect(checked).toMatchObject({ id: a.registration.id, status: 'checked_in', checkedInAt: h.now().toISOString() });
    await expect(h.module.registrations.checkIn(a.registration.id)).resolves.toMatchObject({ status: 'checked_in' });
    await expect(h.module.registrations.checkIn(b.registration.id)).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(h.module.registrations.cancel(a.registration.id, { by: 'user' })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(h.module.registrations.checkInByCreditCode(id, creditCode(9))).rejects.toMatchObject({ code: 'registration_not_found' });
  });

  test('retention: contact data of activities ended more than 180 days ago is erased', async () => {
    const id = await h.activity({ daysAhead: 2 });
    const { registration } = await h.module.registrations.register(signUp(id, 1));
    expect(await h.module.registrations.purgeExpired(180)).toBe(0);
    h.setNow(new Date(NOW.getTime() + 200 * DAY));
    expect(await h.module.registrations.purgeExpired(180)).toBe(1);
    expect(await h.module.registrations.get(registration.id)).toMatchObject({ contactName: undefined, mobile: undefined, enterpriseName: '测试企业1有限公司' });
  });
});

describe('activity service', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  test('create validates with field messages; drafts are not listed; publish lists them', async () => {
    await expect(
      h.module.activities.create({ type: 'salon', title: '沙龙', startsAt: NOW, endsAt: new Date(NOW.getTime() - HOUR), capacity: 10 }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('结束时间应晚于开始时间') });
    const draft = await h.module.activities.create({
      type: 'training',
      title: '申报辅导',
      startsAt: new Date(NOW.getTime() + DAY),
      endsAt: new Date(NOW.getTime() + DAY + HOUR),
      onlineUrl: 'https://example.com/live',
      capacity: 50,
    });
    expect(draft).toMatchObject({ status: 'draft', signupDeadline: draft.startsAt, seatsPerEnterprise: 2, place: undefined });
    expect(await h.module.activities.listUpcoming()).toEqual([]);
    await h.module.activities.publish(draft.id);
    expect((await h.module.activities.listUpcoming({ type: 'training' })).map((a) => a.id)).toEqual([draft.id]);
    expect(await h.module.activities.listUpcoming({ type: 'salon' })).toEqual([]);
    expect((await h.module.activities.list({ status: 'published' })).total).toBe(1);
  });

  test('cancelling an activity cancels its registrations and tells confirmed and waitlisted registrants', async () => {
    const id = await h.activity({ capacity: 1 });
    for (const n of [1, 2]) await knownConversation(h, n);
    await h.module.registrations.register(signUp(id, 1));
    await h.module.registrations.register(signUp(id, 2));
    const result = await h.module.activities.cancel(id, '场地调整');
    expect(result.registrationsCancelled).toBe(2);
    await h.services.delivery.drain();
    expect(h.channel.to('conv-1')).toEqual([expect.stringContaining('已取消（原因：场地调整）')]);
    expect(h.channel.to('conv-2')).toHaveLength(1);
    const { items } = await h.module.registrations.list({ activityId: id });
    expect(items.every((r) => r.status === 'cancelled' && r.cancelReason === 'activity_cancelled')).toBe(true);
    await expect(h.module.activities.update(id, { capacity: 5 })).rejects.toMatchObject({ code: 'invalid_state' });
  });

  test('editing: more seats promote the waitlist; a new time is announced to registrants', async () => {
    const id = await h.activity({ capacity: 1 });
    for (const n of [1, 2]) await knownConversation(h, n);
    await h.module.registrations.register(signUp(id, 1));
    await h.module.registrations.register(signUp(id, 2));
    await h.module.activities.update(id, { capacity: 2 });
    await h.services.delivery.drain();
    expect(h.channel.to('conv-2')).toEqual([expect.stringContaining('有名额了')]);

    const activity = (await h.module.activities.get(id))!;
    const later = new Date(Date.parse(activity.startsAt) + DAY);
    await h.module.activities.update(id, { startsAt: later, endsAt: new Date(later.getTime() + HOUR) });
    await h.services.delivery.drain();
    expect(h.channel.to('conv-1')).toEqual([expect.stringContaining('活动变更')]);
    expect(h.channel.to('conv-2')).toHaveLength(2);
  });

  test('a failing channel is retried later, then succeeds once', async () => {
    const id = await h.activity({ capacity: 1 });
    await knownConversation(h, 1);
    await h.module.registrations.register(signUp(id, 1));
    h.channel.failNext = 1;
    await h.module.activities.cancel(id);
    await h.services.delivery.drain();
    expect(h.channel.to('conv-1')).toEqual([]);
    await h.services.delivery.drain(); // not due again yet
    expect(h.channel.to('conv-1')).toEqual([]);
    h.setNow(new Date(NOW.getTime() + 2 * 60_000));
    await h.services.delivery.drain();
    await h.services.delivery.drain();
    expect(h.channel.to('conv-1')).toHaveLength(1);
    const row = await h.services.db.get<{ status: string; attempts: number }>(`SELECT status, attempts FROM deliveries WHERE kind = 'activity_cancelled'`);
    expect(row).toEqual({ status: 'sent', attempts: 2 });
  });
});
