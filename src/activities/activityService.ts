import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import type { Database, Queryable } from '../storage/database';
import type { DateRange } from '../nlu/types';
import type { Clock } from '../clock';
import type { DeliveryService } from '../delivery';
import type { Activity, ActivityStatus, ActivityType, Availability } from './types';
import { activityInputOf, activityInputSchema, type ActivityInput, type NormalizedActivityInput } from './activityInput';
import { ActivityError } from './errors';
import { DELIVERY_NOTE_TEXT, ERROR_TEXT } from './copy';
import { activityFromRow, type ActivityRow, type RegistrationRow } from './rows';
import { availability, loadActivity, promoteWaitlisted } from './capacity';
import { activityCancelledMessage, activityChangedMessage, registrantDelivery } from './notifications';

export interface ActivityFilter {
  status?: ActivityStatus | ActivityStatus[];
  type?: ActivityType;
  /** start time within [from, to) */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface UpcomingFilter {
  type?: ActivityType;
  dateRange?: DateRange;
  limit?: number;
  /** only those whose sign-up deadline has not passed (sign-up open, as `signupState` says) */
  signupOpen?: boolean;
}

/** Activities: create, edit, publish, cancel (officials) and the listings the chat shows. */
export class ActivityService {
  constructor(
    private readonly db: Database,
    private readonly delivery: DeliveryService,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /** A new activity, as a draft. Throws ActivityError('invalid_input') with the field problems. */
  async create(input: ActivityInput): Promise<Activity> {
    const v = parseInput(input);
    const now = this.clock().toISOString();
    const { lastID } = await this.db.run(
      `INSERT INTO activities (type, title, description, starts_at, ends_at, place, online_url, capacity, signup_deadline,
                               eligible_tiers, seats_per_enterprise, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?) RETURNING id`,
      [...columnValues(v), now, now],
    );
    this.logger.info({ activityId: lastID, type: v.type }, 'activity created');
    return (await this.get(lastID))!;
  }

  /**
   * Edits an activity (not a cancelled one). For a published activity, registrants are told about a
   * new time or place, and added seats go to the waitlist first.
   */
  async update(id: number, patch: Partial<ActivityInput>): Promise<Activity> {
    const now = this.clock();
    const result = await this.db.transaction(async (tx) => {
      const current = await loadActivity(tx, id);
      if (!current) throw notFound(id);
      if (current.status === 'cancelled') throw new ActivityError('invalid_state', ERROR_TEXT.cancelledNoEdit);
      const v = parseInput({ ...activityInputOf(current), ...patch });
      await tx.run(
        `UPDATE activities SET type = ?, title = ?, description = ?, starts_at = ?, ends_at = ?, place = ?, online_url = ?,
                capacity = ?, signup_deadline = ?, eligible_tiers = ?, seats_per_enterprise = ?, updated_at = ?
          WHERE id = ?`,
        [...columnValues(v), now.toISOString(), id],
      );
      const updated = (await loadActivity(tx, id))!;
      if (updated.status !== 'published') return { updated, notify: false };
      const moved =
        updated.startsAt !== current.startsAt ||
        updated.endsAt !== current.endsAt ||
        updated.place !== current.place ||
        updated.onlineUrl !== current.onlineUrl;
      // Every registration that is not cancelled hears of it, checked in or not; a reminder or an
      // earlier change notice still queued for the old arrangement no longer applies.
      if (moved) await this.queueForRegistrants(tx, updated, 'activity_changed', activityChangedMessage(updated, now), now, ['confirmed', 'waitlisted', 'checked_in'], ['reminder', 'activity_changed']);
      const promoted = await promoteWaitlisted(tx, updated, this.delivery, now);
      return { updated, notify: moved || promoted.length > 0 };
    });
    if (result.notify) this.delivery.kick();
    return result.updated;
  }

  /** Draft → published: enterprises can see it and sign up. */
  async publish(id: number): Promise<Activity> {
    const now = this.clock().toISOString();
    await this.db.transaction(async (tx) => {
      const current = await loadActivity(tx, id);
      if (!current) throw notFound(id);
      if (current.status === 'published') return;
      if (current.status === 'cancelled') throw new ActivityError('invalid_state', ERROR_TEXT.cancelledNoPublish);
      if (current.endsAt <= now) throw new ActivityError('invalid_state', ERROR_TEXT.endedNoPublish);
      await tx.run(`UPDATE activities SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    });
    this.logger.info({ activityId: id }, 'activity published');
    return (await this.get(id))!;
  }

  /** Cancels the activity and every registration; confirmed and waitlisted enterprises are told. */
  async cancel(id: number, reason?: string): Promise<{ activity: Activity; registrationsCancelled: number }> {
    const now = this.clock();
    const nowIso = now.toISOString();
    const cleanReason = reason?.trim().slice(0, 200) || null;
    const result = await this.db.transaction(async (tx) => {
      const current = await loadActivity(tx, id);
      if (!current) throw notFound(id);
      if (current.status === 'cancelled') return { activity: current, registrationsCancelled: 0 };
      await tx.run(
        `UPDATE activities SET status = 'cancelled', cancel_reason = ?, cancelled_at = ?, updated_at = ? WHERE id = ?`,
        [cleanReason, nowIso, nowIso, id],
      );
      const activity = (await loadActivity(tx, id))!;
      await this.queueForRegistrants(tx, activity, 'activity_cancelled', activityCancelledMessage(activity, now), now, ['confirmed', 'waitlisted', 'checked_in'], [
        'reminder',
        'promotion',
        'activity_changed',
      ]);
      const { changes } = await tx.run(
        `UPDATE registrations SET status = 'cancelled', cancel_reason = 'activity_cancelled', cancelled_at = ?, updated_at = ?
          WHERE activity_id = ? AND status IN ('confirmed', 'waitlisted', 'checked_in')`,
        [nowIso, nowIso, id],
      );
      return { activity, registrationsCancelled: changes };
    });
    this.logger.info({ activityId: id, registrations: result.registrationsCancelled }, 'activity cancelled');
    this.delivery.kick();
    return result;
  }

  async get(id: number): Promise<Activity | undefined> {
    const row = await this.db.get<ActivityRow>('SELECT * FROM activities WHERE id = ?', [id]);
    return row && activityFromRow(row);
  }

  /** Any activities (the console's list), newest start first. */
  async list(filter: ActivityFilter = {}): Promise<{ items: Activity[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const statuses = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
    if (statuses.length) {
      where.push(`status IN (${statuses.map(() => '?').join(',')})`);
      params.push(...statuses);
    }
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.from) {
      where.push('starts_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('starts_at < ?');
      params.push(filter.to);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = clamp(filter.limit ?? 50, 1, 500);
    const offset = Math.max(0, filter.offset ?? 0);
    const total = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM activities ${clause}`, params))?.n ?? 0;
    const rows = await this.db.all<ActivityRow>(`SELECT * FROM activities ${clause} ORDER BY starts_at DESC, id DESC LIMIT ? OFFSET ?`, [
      ...params,
      limit,
      offset,
    ]);
    return { items: rows.map(activityFromRow), total };
  }

  /** Published activities that have not started yet, soonest first (what the chat lists). */
  async listUpcoming(filter: UpcomingFilter = {}): Promise<Activity[]> {
    const now = this.clock().toISOString();
    const where = [`status = 'published'`, 'starts_at > ?'];
    const params: unknown[] = [now];
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.signupOpen) {
      where.push('signup_deadline > ?');
      params.push(now);
    }
    // A range the recognizer got wrong is ignored rather than failing the listing.
    const from = isoOrUndefined(filter.dateRange?.from);
    const to = isoOrUndefined(filter.dateRange?.to);
    if (from) {
      where.push('starts_at >= ?');
      params.push(from);
    }
    if (to) {
      where.push('starts_at < ?');
      params.push(to);
    }
    const rows = await this.db.all<ActivityRow>(`SELECT * FROM activities WHERE ${where.join(' AND ')} ORDER BY starts_at, id LIMIT ?`, [
      ...params,
      clamp(filter.limit ?? 10, 1, 100),
    ]);
    return rows.map(activityFromRow);
  }

  /** A published, upcoming activity by exact title (titles on buttons). */
  async findUpcomingByTitle(title: string): Promise<Activity | undefined> {
    const row = await this.db.get<ActivityRow>(
      `SELECT * FROM activities WHERE status = 'published' AND starts_at > ? AND title = ? ORDER BY starts_at LIMIT 1`,
      [this.clock().toISOString(), title.trim()],
    );
    return row && activityFromRow(row);
  }

  async availability(id: number): Promise<Availability> {
    const activity = await this.get(id);
    if (!activity) throw notFound(id);
    return availability(this.db, activity);
  }

  /** Whether sign-up is open now, and if not, why (a message to show). */
  signupState(activity: Activity): { open: true } | { open: false; code: 'activity_not_open' | 'deadline_passed' | 'activity_started'; message: string } {
    const now = this.clock().toISOString();
    if (activity.status !== 'published') return { open: false, code: 'activity_not_open', message: ERROR_TEXT.notOpenForSignup(activity.title, activity.status === 'cancelled') };
    if (activity.startsAt <= now) return { open: false, code: 'activity_started', message: ERROR_TEXT.started(activity.title) };
    if (activity.signupDeadline <= now) return { open: false, code: 'deadline_passed', message: ERROR_TEXT.deadlinePassed(activity.title) };
    return { open: true };
  }

  private async queueForRegistrants(
    tx: Queryable,
    activity: Activity,
    kind: 'activity_cancelled' | 'activity_changed',
    message: string,
    now: Date,
    statuses: string[],
    supersedes: Array<'reminder' | 'promotion' | 'activity_changed'>,
  ): Promise<void> {
    const rows = await tx.all<RegistrationRow>(
      `SELECT * FROM registrations WHERE activity_id = ? AND status IN (${statuses.map(() => '?').join(',')})`,
      [activity.id, ...statuses],
    );
    const nowIso = now.toISOString();
    await this.delivery.outbox.expireForRegistrations(tx, rows.map((r) => r.id), supersedes, kind === 'activity_cancelled' ? DELIVERY_NOTE_TEXT.activityCancelled : DELIVERY_NOTE_TEXT.activityChanged);
    const entries = rows.flatMap((row) => {
      const entry = registrantDelivery({ id: row.id, refKey: row.ref_key ?? undefined }, kind, nowIso, message, {
        now: nowIso,
        // A change notice is moot once the activity started; a cancellation is always told.
        expiresAt: kind === 'activity_changed' ? activity.startsAt : undefined,
      });
      return entry ? [entry] : [];
    });
    await this.delivery.enqueue(tx, entries);
  }
}

function parseInput(input: unknown): NormalizedActivityInput {
  const parsed = activityInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

function invalidInput(error: ZodError): ActivityError {
  const problems = error.issues.map((i) => ({ field: i.path.join('.') || '(input)', message: i.message }));
  return new ActivityError('invalid_input', ERROR_TEXT.problems(problems.map((p) => p.message)), { problems });
}

function columnValues(v: NormalizedActivityInput): unknown[] {
  return [
    v.type,
    v.title,
    v.description,
    v.startsAt,
    v.endsAt,
    v.place ?? null,
    v.onlineUrl ?? null,
    v.capacity,
    v.signupDeadline,
    v.eligibleTiers ? JSON.stringify(v.eligibleTiers) : null,
    v.seatsPerEnterprise,
  ];
}

function notFound(id: number): ActivityError {
  return new ActivityError('activity_not_found', ERROR_TEXT.activityNotFound(id), { activityId: id });
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(n)));
}
