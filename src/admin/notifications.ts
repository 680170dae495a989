import { z } from 'zod';
import type { Database } from '../storage/database';
import type { ActivitiesModule } from '../activities';
import type { Activity } from '../activities/types';
import { systemClock, type Clock } from '../activities/clock';
import { ACTIVITY_TYPES } from '../nlu/types';
import type { Actor } from './roles';
import type { AuditLog } from './audit';
import type { PushOutbox, ChannelCounts, PushFailure } from './outbox';
import type { PushWorker } from './pushWorker';
import type { Audience, Recipient, SubscriptionService } from './subscriptions';
import { composeNotification } from './copy';
import { AdminError } from './errors';

export const MAX_NOTIFICATION_CHARS = 1000;

const CHANNEL_ID = /^[A-Za-z0-9_.-]{1,40}$/;

export const audienceSchema = z
  .object({
    tiers: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)], { errorMap: () => ({ message: '培育类别应为 1、2 或 3' }) })).max(3).optional(),
    activityTypes: z.array(z.enum(ACTIVITY_TYPES, { errorMap: () => ({ message: '活动类型应为 salon、training、jobfair 或 other' }) })).max(4).optional(),
    channels: z.array(z.string().regex(CHANNEL_ID, '渠道标识无效')).max(10).optional(),
    registrantsOf: z.number({ invalid_type_error: '活动编号应为数字' }).int().positive().optional(),
  })
  .strict();

export const notificationSchema = z
  .object({
    text: z
      .string({ required_error: '请填写通知内容', invalid_type_error: '通知内容应为文字' })
      .transform((t) => t.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
      .pipe(z.string().min(1, '请填写通知内容').max(MAX_NOTIFICATION_CHARS, `通知内容最多 ${MAX_NOTIFICATION_CHARS} 字`)),
    activityId: z.number({ invalid_type_error: '活动编号应为数字' }).int().positive().optional().nullable(),
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
  totals: ChannelCounts;
  /** 'sending' while anything is queued, else 'done' */
  state: 'sending' | 'done';
}

export interface NotificationDetail extends NotificationSummary {
  message: string;
  byChannel: Record<string, ChannelCounts>;
  failures: PushFailure[];
}

export interface Preview {
  recipients: number;
  byChannel: Record<string, number>;
  message: string;
  actions: string[];
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

/** Officials' notifications: audience preview, sending (through the outbox) and delivery status. */
export class NotificationService {
  constructor(
    private readonly db: Database,
    private readonly subscriptions: SubscriptionService,
    private readonly outbox: PushOutbox,
    private readonly worker: PushWorker,
    private readonly audit: AuditLog,
    private readonly activities: () => ActivitiesModule | undefined,
    private readonly clock: Clock = systemClock,
  ) {}

  /** How many subscribers the request reaches, per channel, and the message they would get. */
  async preview(request: NotificationRequest): Promise<Preview> {
    const { recipients, message, actions } = await this.prepare(request);
    return { recipients: recipients.length, byChannel: countByChannel(recipients), message, actions };
  }

  /**
   * Records the notification and queues it for every recipient. The audience is read inside the
   * same transaction, so someone who unsubscribes meanwhile is either left out or skipped later.
   */
  async send(request: NotificationRequest, actor: Actor, ip?: string): Promise<{ id: number; recipients: number; byChannel: Record<string, number> }> {
    const activity = await this.checkedActivities(request);
    const { message, actions } = composeNotification(request.text, activity, this.clock());
    const now = this.clock().toISOString();
    const result = await this.db.transaction(async (tx) => {
      const recipients = await this.subscriptions.findRecipients(request.audience, tx);
      if (!recipients.length) throw new AdminError(409, '没有符合条件的订阅用户，通知未发送。请调整接收范围。');
      const { lastID } = await tx.run(
        `INSERT INTO notifications (text, message, actions, activity_id, audience, recipients, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [request.text, message, JSON.stringify(actions), activity?.id ?? null, JSON.stringify(request.audience), recipients.length, actor.name, now],
      );
      await this.outbox.enqueueNotification(tx, lastID, recipients);
      await this.audit.record(
        {
          actor,
          action: 'notification.send',
          target: `notification:${lastID}`,
          details: { recipients: recipients.length, activityId: activity?.id, audience: request.audience, text: request.text.slice(0, 200) },
          ip,
        },
        tx,
      );
      return { id: lastID, recipients };
    });
    this.worker.kick();
    return { id: result.id, recipients: result.recipients.length, byChannel: countByChannel(result.recipients) };
  }

  async get(id: number): Promise<NotificationDetail | undefined> {
    const row = await this.db.get<NotificationRow>('SELECT * FROM notifications WHERE id = ?', [id]);
    if (!row) return undefined;
    const byChannel = await this.outbox.notificationCounts(id);
    return {
      ...summarize(row, byChannel),
      message: row.message,
      byChannel,
      failures: await this.outbox.notificationFailures(id),
    };
  }

  async list(limit = 20, offset = 0): Promise<{ items: NotificationSummary[]; total: number }> {
    const total = (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM notifications'))?.n ?? 0;
    const rows = await this.db.all<NotificationRow>('SELECT * FROM notifications ORDER BY id DESC LIMIT ? OFFSET ?', [
      Math.min(100, Math.max(1, limit)),
      Math.max(0, offset),
    ]);
    const items: NotificationSummary[] = [];
    for (const row of rows) items.push(summarize(row, await this.outbox.notificationCounts(row.id)));
    return { items, total };
  }

  private async prepare(request: NotificationRequest): Promise<{ recipients: Recipient[]; message: string; actions: string[] }> {
    const activity = await this.checkedActivities(request);
    const recipients = await this.subscriptions.findRecipients(request.audience);
    const { message, actions } = composeNotification(request.text, activity, this.clock());
    return { recipients, message, actions };
  }

  /** The attached activity (must be published) and the one whose registrants are targeted (must exist). */
  private async checkedActivities(request: NotificationRequest): Promise<Activity | undefined> {
    const activity = request.activityId ? await this.loadActivity(request.activityId, 'activityId') : undefined;
    if (request.audience.registrantsOf !== undefined) await this.loadActivity(request.audience.registrantsOf, 'audience.registrantsOf');
    return activity;
  }

  private async loadActivity(id: number, field: string): Promise<Activity> {
    const module = this.activities();
    if (!module) throw new AdminError(503, '活动功能未启用。');
    const activity = await module.activities.get(id);
    if (!activity) throw AdminError.fields({ [field]: [`找不到编号为 ${id} 的活动`] });
    if (field === 'activityId' && activity.status !== 'published') {
      throw AdminError.fields({ [field]: [activity.status === 'cancelled' ? '该活动已取消，不能再推送' : '该活动尚未发布，请先发布再推送'] });
    }
    return activity;
  }
}

function summarize(row: NotificationRow, byChannel: Record<string, ChannelCounts>): NotificationSummary {
  const totals: ChannelCounts = { queued: 0, sent: 0, failed: 0, skipped: 0 };
  for (const c of Object.values(byChannel)) {
    totals.queued += c.queued;
    totals.sent += c.sent;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  }
  return {
    id: row.id,
    text: row.text,
    activityId: row.activity_id ?? undefined,
    audience: JSON.parse(row.audience) as Audience,
    recipients: row.recipients,
    createdBy: row.created_by,
    createdAt: row.created_at,
    totals,
    state: totals.queued > 0 ? 'sending' : 'done',
  };
}

function countByChannel(recipients: Recipient[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of recipients) counts[r.channelId] = (counts[r.channelId] ?? 0) + 1;
  return counts;
}
