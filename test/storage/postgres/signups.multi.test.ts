/**
 * Sign-ups arriving on two instances at once, on one PostgreSQL database (`npm run test:pg`): the
 * capacity and the waitlist stay exact (serializable transactions, retried when they lose a race).
 */
import type { App } from '../../../src/app';
import { activitiesFeature, type ActivitiesFeature } from '../../../src/features/activities';
import type { RegistrationInput } from '../../../src/activities/types';
import { SIGNUP_NOTICE_ID, SIGNUP_NOTICE_VERSION } from '../../../src/activities/notice';
import { referenceKey } from '../../../src/storage/conversationReferences';
import { creditCode, startTestApp } from '../../helpers/testApp';
import { sharedDatabase } from '../../helpers/multiInstance';

const DAY = 86_400_000;
const SIGN_UPS = 200;
const SEATS = 20;

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

function signUp(activityId: number, n: number): RegistrationInput {
  return {
    activityId,
    enterpriseName: `多实例测试企业${n}有限公司`,
    creditCode: creditCode(n),
    contactName: '张三',
    mobile: '13812345678',
    attendees: 1,
    origin: { channelId: 'test', userId: `user-${n}`, conversationId: `conv-${n}`, refKey: referenceKey('test', `conv-${n}`) },
    consent: { noticeId: SIGNUP_NOTICE_ID, noticeVersion: SIGNUP_NOTICE_VERSION, grantedAt: new Date().toISOString() },
  };
}

test(`${SIGN_UPS} concurrent sign-ups for ${SEATS} seats spread over two instances: exactly ${SEATS} confirmed, the rest waitlisted once each`, async () => {
  const { url, db } = await sharedDatabase();
  closing.push(() => db.close());
  const start = async (instance: string) => {
    const { app } = await startTestApp({ features: [activitiesFeature], env: { DATABASE_URL: url, INSTANCE_ID: instance, DATABASE_POOL_SIZE: '8' } });
    closing.push(() => app.close());
    return (app as App<{ activities: ActivitiesFeature }>).features.activities.module;
  };
  const [a, b] = await Promise.all([start('a'), start('b')]);
  const startsAt = new Date(Date.now() + 7 * DAY);
  const activity = await a.activities.create({
    type: 'salon',
    title: '多实例报名测试沙龙',
    description: '测试用活动',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    place: '园区企业服务中心',
    capacity: SEATS,
    signupDeadline: new Date(startsAt.getTime() - DAY),
    seatsPerEnterprise: 1,
  });
  await a.activities.publish(activity.id);

  // Even sign-ups arrive on a, odd ones on b, all at once.
  const outcomes = await Promise.all(Array.from({ length: SIGN_UPS }, (_, i) => (i % 2 === 0 ? a : b).registrations.register(signUp(activity.id, i))));

  const confirmed = outcomes.filter((o) => o.registration.status === 'confirmed');
  const waitlisted = outcomes.filter((o) => o.registration.status === 'waitlisted');
  expect(confirmed).toHaveLength(SEATS);
  expect(waitlisted).toHaveLength(SIGN_UPS - SEATS);
  const positions = waitlisted.map((o) => o.waitlistPosition!);
  expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: SIGN_UPS - SEATS }, (_, i) => i + 1));

  // The database agrees: seats taken = capacity, waitlist positions distinct and in order of arrival (commit).
  const stored = await db.all<{ status: string; n: number; seats: number }>(
    'SELECT status, COUNT(*) AS n, SUM(attendees) AS seats FROM registrations WHERE activity_id = ? GROUP BY status ORDER BY status',
    [activity.id],
  );
  expect(stored).toEqual([
    { status: 'confirmed', n: SEATS, seats: SEATS },
    { status: 'waitlisted', n: SIGN_UPS - SEATS, seats: SIGN_UPS - SEATS },
  ]);
  // Each enterprise's position is its place in the stored waitlist order (waitlist_seq: order of commit).
  const queue = await db.all<{ id: number }>("SELECT id FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlist_seq", [activity.id]);
  const positionOf = new Map(waitlisted.map((o) => [Number(o.registration.id), o.waitlistPosition]));
  expect(queue.map((row) => positionOf.get(Number(row.id)))).toEqual(Array.from({ length: SIGN_UPS - SEATS }, (_, i) => i + 1));
  const duplicates = await db.all('SELECT credit_code FROM registrations WHERE activity_id = ? GROUP BY credit_code HAVING COUNT(*) > 1', [activity.id]);
  expect(duplicates).toEqual([]);
});
