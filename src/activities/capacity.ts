import type { Queryable } from '../storage/database';
import type { DeliveryService } from '../delivery';
import type { Activity, Availability, Registration } from './types';
import { activityFromRow, registrationFromRow, type ActivityRow, type RegistrationRow } from './rows';
import { promotionMessage, registrantDelivery } from './notifications';

/**
 * Seat arithmetic shared by sign-up, cancellation and capacity edits. Each function takes the
 * transaction handle: the numbers are only meaningful inside the transaction that acts on them.
 */

export async function loadActivity(q: Queryable, id: number): Promise<Activity | undefined> {
  const row = await q.get<ActivityRow>('SELECT * FROM activities WHERE id = ?', [id]);
  return row && activityFromRow(row);
}

export async function loadRegistration(q: Queryable, id: number): Promise<Registration | undefined> {
  const row = await q.get<RegistrationRow>('SELECT * FROM registrations WHERE id = ?', [id]);
  return row && registrationFromRow(row);
}

export async function availability(q: Queryable, activity: Pick<Activity, 'id' | 'capacity'>): Promise<Availability> {
  const row = await q.get<{ taken: number | null; waitlisted: number | null }>(
    `SELECT SUM(CASE WHEN status IN ('confirmed', 'checked_in') THEN attendees ELSE 0 END) AS taken,
            SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
       FROM registrations WHERE activity_id = ?`,
    [activity.id],
  );
  const taken = row?.taken ?? 0;
  return { capacity: activity.capacity, taken, remaining: Math.max(0, activity.capacity - taken), waitlisted: row?.waitlisted ?? 0 };
}

/** 1-based place of a waitlisted registration; undefined when it is not waitlisted. */
export async function waitlistPosition(q: Queryable, registrationId: number): Promise<number | undefined> {
  const row = await q.get<{ position: number | null }>(
    `SELECT (SELECT COUNT(*) FROM registrations w
              WHERE w.activity_id = r.activity_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq) AS position
       FROM registrations r WHERE r.id = ? AND r.status = 'waitlisted'`,
    [registrationId],
  );
  return row?.position ?? undefined;
}

/**
 * Moves waitlisted registrations to confirmed, first come first served, while the first in line
 * fits into the free seats (nobody jumps the queue), and queues a message for each one promoted.
 */
export async function promoteWaitlisted(q: Queryable, activity: Activity, delivery: DeliveryService, now: Date): Promise<Registration[]> {
  const nowIso = now.toISOString();
  if (activity.status !== 'published' || activity.startsAt <= nowIso) return [];
  const seats = await availability(q, activity);
  if (seats.remaining <= 0) return [];
  let taken = seats.taken;
  // Each registration takes at least one seat: no more than `remaining` can move up.
  const waiting = await q.all<RegistrationRow>(
    `SELECT * FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT ?`,
    [activity.id, seats.remaining],
  );
  const promoted: Registration[] = [];
  for (const row of waiting) {
    if (taken + row.attendees > activity.capacity) break;
    taken += row.attendees;
    promoted.push(await confirmFromWaitlist(q, activity, row, delivery, now));
  }
  return promoted;
}

/** Confirms one waitlisted registration and queues its promotion message (same transaction). */
export async function confirmFromWaitlist(q: Queryable, activity: Activity, row: RegistrationRow, delivery: DeliveryService, now: Date): Promise<Registration> {
  const nowIso = now.toISOString();
  await q.run(`UPDATE registrations SET status = 'confirmed', confirmed_at = ?, updated_at = ? WHERE id = ?`, [nowIso, nowIso, row.id]);
  const registration = registrationFromRow({ ...row, status: 'confirmed', confirmed_at: nowIso, updated_at: nowIso });
  const message = registrantDelivery(registration, 'promotion', nowIso, promotionMessage(activity, registration, now), { expiresAt: activity.startsAt, now: nowIso });
  if (message) await delivery.enqueue(q, message);
  return registration;
}
