import { z } from 'zod';
import type { Database, Queryable } from '../storage/database';
import type { ActivitiesModule } from '../activities';
import type { Activity } from '../activities/types';
import { systemClock, type Clock } from '../clock';
import { ACTIVITY_TYPES } from '../domain/vocabulary';
import type { Actor } from '../officials/roles';
import type { AuditLog } from '../officials/audit';
import type { DeliveryService, DeliveryProblem, NewDelivery, StatusCounts } from '../delivery';
import { emptyCounts } from '../delivery/types';
import { REGISTRATION_STATUS_LABELS } from '../activities/copy';
import { availability } from '../activities/capacity';
import type { Audience, Recipient, SubscriptionService } from './subscriptions';
import { composeNotification, notificationActivity } from './compose';
import { NOTIFICATION_ADMIN_TEXT as T } from './copy';
import { AdminError } from '../officials/errors';

export const MAX_NOTIFICATION_CHARS = 1000;

const CHANNEL_ID = /^[A-Za-z0-9_.-]{1,40}$/;

export const audienceSchema = z
  .object({
    tiers: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)], { errorMap: () => ({ message: T.tiers }) })).max(3).optional(),
    activityTypes: z.array(z.enum(ACTIVITY_TYPES, { errorMap: () => ({ message: T.activityTypes }) })).max(4).optional(),
    channels: z.array(z.string().regex(CHANNEL_ID, T.channel)).max(10).optional(),
    registrantsOf: z.number({ invalid_type_error: T.activityIdNumber }).int().positive().optional(),
  })
  .strict();

export const notificationSchema = z
  .object({
    text: z
      .string({ required_error: T.textRequired, invalid_type_error: T.textNotText })
      .transform((t) => t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
      .pipe(z.string().min(1, T.textRequired).max(MAX_NOTIFICATION_CHARS, T.textTooLong(MAX_NOTIFICATION_CHARS))),
    activityId: z.number({ invalid_type_error: T.activityIdNumber }).int().positive().optional().nullable(),
    audience: audienceSchema.optional().default({}),
  })
  .strict();

export type NotificationRequest = z.output<typeof notificationSchema>;

export interface NotificationSummary {
  id: number;
  text: string;
  activityId?: number;
  audience: Audience;
  recipients: number;
  createdBy: string;
  createdAt: string;
  totals: StatusCounts;
  /** 'sending' while anything is queued or being sent, else 'done' */
  state: 'sending' | 'done';
}

export interface NotificationDetail extends NotificationSummary {
  message: string;
  byChannel: Record<string, StatusCounts>;
  /** failed and unknown recipients, and those waiting for a retry, with the reason */
  failures: DeliveryProblem[];
}

export interface Preview {
  recipients: number;
  byChannel: Record<string, number>;
  message: string;
  actions: string[];
  /** recipients already registered for the attached activity: they get the message without the sign-up button */
  alreadyRegistered: number;
  /** what the official should know before sending (e.g. the activity is full) */
  warnings: string[];
}

interface NotificationRow {
  id: number;
  text: string;
  message: string;
  actions: string;
  activity_id: number | null;
  audience: string;
  recipients: number;
  created_by: string;
  created_at: string;
}

interface Prepared {
  recipients: Recipient[];
  activity?: Activity;
  message: string;
  actions: string[];
  /** per recipient user (`channel|user`): the status label of their registration for the activity */
  registered: Map<string, string>;
  full: boolean;
  warnings: string[];
}

/** Officials' notifications: audience preview, sending (through the delivery pipeline) and true delivery status. */
export class NotificationService {
  constructor(
    private readonly db: Database,
    private readonly subscriptions: SubscriptionService,
    private readonly delivery: DeliveryService,
    private readonly audit: AuditLog,
    private readonly activities: () => ActivitiesModule | undefined,
    private readonly clock: Clock = systemClock,
  ) {}

  /** How many subscribers the request reaches, per channel, and the message they would get. */
  async preview(request: NotificationRequest): Promise<Preview> {
    const p = await this.prepare(request, await this.checkedActivities(request), this.db);
    return {
      recipients: p.recipients.length,
      byChannel: countByChannel(p.recipients),
      message: p.message,
      actions: p.actions,
      alreadyRegistered: p.recipients.filter((r) => p.registered.has(userKey(r))).length,
      warnings: p.warnings,
    };
  }

  /**
   * Records the notification and queues it for every recipient, in one transaction (the audience
   * is read inside it). Recipients already registered for the activity get it without the button.
   */
  async send(request: NotificationRequest, actor: Actor, ip?: string): Promise<{ id: number; recipients: number; byChannel: Record<string, number>; alreadyRegistered: number; warnings: string[] }> {
    const now = this.clock();
    // Read before the transaction: the activities service uses the connection outside of it.
    const linked = await this.checkedActivities(request);
    const result = await this.db.transaction(async (tx) => {
      const p = await this.prepare(request, linked, tx);
      if (!p.recipients.length) throw new AdminError(409, T.noRecipients);
      const { lastID } = await tx.run(
        `INSERT INTO notifications (text, message, actions, activity_id, audience, recipients, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [request.text, p.message, JSON.stringify(p.actions), p.activity?.id ?? null, JSON.stringify(request.audience), p.recipients.length, actor.name, now.toISOString()],
      );
      const standard = notificationActivity(p.message, p.actions);
      const adapted = new Map<string, ReturnType<typeof notificationActivity>>();
      const entries: NewDelivery[] = p.recipients.map((r) => {
        const status = p.registered.get(userKey(r));
        let activity = standard;
        if (status) {
          activity = adapted.get(status) ?? (() => {
            const c = composeNotification(request.text, p.activity, now, { registeredAs: status });
            const built = notificationActivity(c.message, c.actions);
            adapted.set(status, built);
            return built;
          })();
        }
        return {
          kind: 'notification',
          dedupeKey: `notification:${lastID}:${r.refKey}`,
          refKey: r.refKey,
          activities: [activity],
          notificationId: lastID,
          consentId: r.consentId,
          // News of an activity is moot once it started.
          expiresAt: p.activity?.startsAt,
        };
      });
      await this.delivery.enqueue(tx, entries);
      await this.audit.record(
        {
          actor,
          action: 'notification.send',
          target: `notification:${lastID}`,
          details: { recipients: p.recipients.length, activityId: p.activity?.id, audience: request.audience, text: request.text.slice(0, 200) },
          ip,
        },
        tx,
      );
      return { id: lastID, p };
    });
    this.delivery.kick();
    const { p } = result;
    return {
      id: result.id,
      recipients: p.recipients.length,
      byChannel: countByChannel(p.recipients),
      alreadyRegistered: p.recipients.filter((r) => p.registered.has(userKey(r))).length,
      warnings: p.warnings,
    };
  }

  async get(id: number): Promise<NotificationDetail | undefined> {
    const row = await this.db.get<NotificationRow>('SELECT * FROM notifications WHERE id = ?', [id]);
    if (!row) return undefined;
    const byChannel = await this.delivery.outbox.countsByChannel({ notificationId: id });
    return {
      ...summarize(row, byChannel),
      message: row.message,
      byChannel,
      failures: await this.delivery.outbox.problems({ notificationId: id }),
    };
  }

  /** Queues the failed recipients of a notification again (and the unknown ones when asked). */
  async retryFailed(id: number, includeUnknown: boolean, actor: Actor, ip?: string): Promise<{ requeued: number }> {
    const row = await this.db.get<{ id: number }>('SELECT id FROM notifications WHERE id = ?', [id]);
    if (!row) throw new AdminError(404, T.notFound);
    const requeued = await this.delivery.outbox.retry({ notificationId: id }, includeUnknown);
    await this.audit.record({ actor, action: 'notification.retry', target: `notification:${id}`, details: { requeued, includeUnknown }, ip });
    this.delivery.kick();
    return { requeued };
  }

  async list(limit = 20, offset = 0): Promise<{ items: NotificationSummary[]; total: number }> {
    const total = (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM notifications'))?.n ?? 0;
    const rows = await this.db.all<NotificationRow>('SELECT * FROM notifications ORDER BY id DESC LIMIT ? OFFSET ?', [
      Math.min(100, Math.max(1, limit)),
      Math.max(0, offset),
    ]);
    const items: NotificationSummary[] = [];
    for (const row of rows) items.push(summarize(row, await this.delivery.outbox.countsByChannel({ notificationId: row.id })));
    return { items, total };
  }

  private async prepare(request: NotificationRequest, activity: Activity | undefined, q: Queryable): Promise<Prepared> {
    const recipients = await this.subscriptions.findRecipients(request.audience, q);
    const registered = new Map<string, string>();
    const warnings: string[] = [];
    let full = false;
    if (activity) {
      const rows = await q.all<{ channel_id: string; user_id: string; status: keyof typeof REGISTRATION_STATUS_LABELS }>(
        `SELECT channel_id, user_id, status FROM registrations WHERE activity_id = ? AND status IN ('confirmed', 'waitlisted', 'checked_in')`,
        [activity.id],
      );
      for (const r of rows) registered.set(`${r.channel_id}|${r.user_id}`, REGISTRATION_STATUS_LABELS[r.status]);
      const seats = await availability(q, activity);
      if (seats.remaining <= 0) {
        full = true;
        warnings.push(T.full(activity.title, seats.capacity, seats.waitlisted));
      }
      const already = recipients.filter((r) => registered.has(userKey(r))).length;
      if (already) warnings.push(T.alreadyRegistered(already));
    }
    const { message, actions } = composeNotification(request.text, activity, this.clock(), { full });
    return { recipients, activity, message, actions, registered, full, warnings };
  }

  /** The attached activity (must be published) and the one whose registrants are targeted (must exist). */
  private async checkedActivities(request: NotificationRequest): Promise<Activity | undefined> {
    const activity = request.activityId ? await this.loadActivity(request.activityId, 'activityId') : undefined;
    if (request.audience.registrantsOf !== undefined) await this.loadActivity(request.audience.registrantsOf, 'audience.registrantsOf');
    return activity;
  }

  private async loadActivity(id: number, field: string): Promise<Activity> {
    const module = this.activities();
    if (!module) throw new AdminError(503, T.activitiesOff);
    const activity = await module.activities.get(id);
    if (!activity) throw AdminError.fields({ [field]: [T.activityNotFound(id)] });
    if (field === 'activityId' && activity.status !== 'published') {
      throw AdminError.fields({ [field]: [activity.status === 'cancelled' ? T.activityCancelled : T.activityUnpublished] });
    }
    return activity;
  }
}

function userKey(r: Pick<Recipient, 'channelId' | 'userId'>): string {
  return `${r.channelId}|${r.userId}`;
}

function summarize(row: NotificationRow, byChannel: Record<string, StatusCounts>): NotificationSummary {
  const totals = emptyCounts();
  for (const c of Object.values(byChannel)) for (const k of Object.keys(totals) as Array<keyof StatusCounts>) totals[k] += c[k];
  return {
    id: row.id,
    text: row.text,
    activityId: row.activity_id ?? undefined,
    audience: JSON.parse(row.audience) as Audience,
    recipients: row.recipients,
    createdBy: row.created_by,
    createdAt: row.created_at,
    totals,
    state: totals.queued + totals.sending > 0 ? 'sending' : 'done',
  };
}

function countByChannel(recipients: Recipient[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of recipients) counts[r.channelId] = (counts[r.channelId] ?? 0) + 1;
  return counts;
}
