import type { Database, Queryable } from '../storage/database';
import type { ConsentService } from '../activities/consentService';
import { systemClock, type Clock } from '../clock';
import { ACTIVITY_TYPES, type ActivityType } from '../domain/vocabulary';
import type { Tier } from '../activities/types';
import { NOTIFICATION_ADMIN_TEXT } from './copy';

/** Consent rows of kind 'notifications' are subscriptions to activity notifications. */
export const NOTIFICATION_CONSENT_KIND = 'notifications';
export const NOTIFICATION_NOTICE_ID = 'activity-notifications';
/** Bump when the subscription notice text changes: each consent records the version shown. */
export const NOTIFICATION_NOTICE_VERSION = '1';
const SUBJECT_PREFIX = 'activity_types:';

export interface SubscriptionOrigin {
  channelId: string;
  userId: string;
  conversationId: string;
  refKey: string;
}

export interface Subscription {
  consentId: number;
  channelId: string;
  userId: string;
  refKey: string;
  /** undefined = every activity type */
  activityTypes?: ActivityType[];
  grantedAt: string;
}

/** Who a notification should reach; every given filter must hold (an empty list = no filter). */
export interface Audience {
  tiers?: Tier[];
  activityTypes?: ActivityType[];
  channels?: string[];
  /** only subscribers with an active registration for this activity */
  registrantsOf?: number;
}

export interface Recipient {
  consentId: number;
  channelId: string;
  userId: string;
  refKey: string;
}

interface SubscriptionRow {
  id: number;
  channel_id: string;
  user_id: string;
  ref_key: string;
  subject: string | null;
  granted_at: string;
  tier?: number | null;
}

export function subjectFor(types: ActivityType[] | undefined): string {
  return `${SUBJECT_PREFIX}${types?.length ? [...new Set(types)].sort().join(',') : 'all'}`;
}

export function typesOfSubject(subject: string | null | undefined): ActivityType[] | undefined {
  if (!subject?.startsWith(SUBJECT_PREFIX)) return undefined;
  const types = subject
    .slice(SUBJECT_PREFIX.length)
    .split(',')
    .filter((t): t is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(t));
  return types.length ? types : undefined;
}

/**
 * Subscriptions to activity notifications ("订阅活动通知" / "退订"), kept as consents through the
 * activities module's ConsentService. A user has at most one active subscription: subscribing
 * again (e.g. from a new conversation) replaces the old one, so pushes go to the latest conversation.
 */
export class SubscriptionService {
  constructor(
    private readonly db: Database,
    private readonly consents: ConsentService,
    private readonly clock: Clock = systemClock,
  ) {}

  async active(channelId: string, userId: string): Promise<Subscription | undefined> {
    const row = await this.db.get<SubscriptionRow>(
      `SELECT id, channel_id, user_id, ref_key, subject, granted_at FROM consents
        WHERE kind = ? AND channel_id = ? AND user_id = ? AND withdrawn_at IS NULL AND ref_key IS NOT NULL
        ORDER BY id DESC LIMIT 1`,
      [NOTIFICATION_CONSENT_KIND, channelId, userId],
    );
    return row && toSubscription(row);
  }

  /** Records the consent; earlier subscriptions of the user are withdrawn (replaced). */
  async subscribe(origin: SubscriptionOrigin, activityTypes?: ActivityType[]): Promise<Subscription> {
    const now = this.clock().toISOString();
    const consentId = await this.db.transaction(async (tx) => {
      const previous = await tx.all<{ id: number }>(
        'SELECT id FROM consents WHERE kind = ? AND channel_id = ? AND user_id = ? AND withdrawn_at IS NULL',
        [NOTIFICATION_CONSENT_KIND, origin.channelId, origin.userId],
      );
      for (const p of previous) await this.consents.withdraw(tx, p.id, 'resubscribe', now);
      return this.consents.grant(tx, {
        kind: NOTIFICATION_CONSENT_KIND,
        noticeId: NOTIFICATION_NOTICE_ID,
        noticeVersion: NOTIFICATION_NOTICE_VERSION,
        channelId: origin.channelId,
        userId: origin.userId,
        conversationId: origin.conversationId,
        refKey: origin.refKey,
        subject: subjectFor(activityTypes),
        grantedAt: now,
      });
    });
    return (await this.active(origin.channelId, origin.userId)) ?? {
      consentId,
      channelId: origin.channelId,
      userId: origin.userId,
      refKey: origin.refKey,
      activityTypes,
      grantedAt: now,
    };
  }

  /**
   * Withdraws the user's subscriptions; notifications still queued for them are skipped.
   * Resolves with the number of subscriptions withdrawn.
   */
  async unsubscribe(channelId: string, userId: string, via = 'unsubscribe'): Promise<number> {
    const now = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      const active = await tx.all<{ id: number }>(
        'SELECT id FROM consents WHERE kind = ? AND channel_id = ? AND user_id = ? AND withdrawn_at IS NULL',
        [NOTIFICATION_CONSENT_KIND, channelId, userId],
      );
      for (const { id } of active) {
        await this.consents.withdraw(tx, id, via, now);
        await tx.run(
          `UPDATE deliveries SET status = 'skipped', last_error = ?, updated_at = ? WHERE consent_id = ? AND status = 'queued'`,
          [NOTIFICATION_ADMIN_TEXT.unsubscribed, now, id],
        );
      }
      return active.length;
    });
  }

  /** Active subscriptions matching the audience, one per user (their latest conversation). */
  async findRecipients(audience: Audience, q: Queryable = this.db): Promise<Recipient[]> {
    const where = ['c.kind = ?', 'c.withdrawn_at IS NULL', 'c.ref_key IS NOT NULL'];
    const params: unknown[] = [NOTIFICATION_CONSENT_KIND];
    if (audience.channels?.length) {
      where.push(`c.channel_id IN (${audience.channels.map(() => '?').join(',')})`);
      params.push(...audience.channels);
    }
    if (audience.registrantsOf !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM registrations r WHERE r.activity_id = ? AND r.channel_id = c.channel_id
                    AND r.user_id = c.user_id AND r.status IN ('confirmed', 'waitlisted', 'checked_in'))`);
      params.push(audience.registrantsOf);
    }
    const withTier = Boolean(audience.tiers?.length);
    // A subscriber's tier is the one given in their latest sign-up that named a tier.
    const tierColumn = withTier
      ? `, (SELECT r.tier FROM registrations r WHERE r.channel_id = c.channel_id AND r.user_id = c.user_id AND r.tier IS NOT NULL
            ORDER BY r.registered_at DESC, r.id DESC LIMIT 1) AS tier`
      : '';
    const rows = await q.all<SubscriptionRow>(
      `SELECT c.id, c.channel_id, c.user_id, c.ref_key, c.subject, c.granted_at ${tierColumn}
         FROM consents c WHERE ${where.join(' AND ')} ORDER BY c.id DESC`,
      params,
    );
    const seen = new Set<string>();
    const recipients: Recipient[] = [];
    for (const row of rows) {
      const user = `${row.channel_id}|${row.user_id}`;
      if (seen.has(user)) continue;
      seen.add(user);
      if (audience.activityTypes?.length) {
        const interests = typesOfSubject(row.subject);
        if (interests && !interests.some((t) => audience.activityTypes!.includes(t))) continue;
      }
      if (withTier && !(row.tier && audience.tiers!.includes(row.tier as Tier))) continue;
      recipients.push({ consentId: row.id, channelId: row.channel_id, userId: row.user_id, refKey: row.ref_key });
    }
    return recipients.reverse();
  }

  /** Active subscribers per channel (the console's audience picker). */
  async summary(): Promise<{ total: number; byChannel: Record<string, number> }> {
    const rows = await this.db.all<{ channel_id: string; n: number }>(
      `SELECT channel_id, COUNT(DISTINCT user_id) AS n FROM consents
        WHERE kind = ? AND withdrawn_at IS NULL AND ref_key IS NOT NULL GROUP BY channel_id ORDER BY channel_id`,
      [NOTIFICATION_CONSENT_KIND],
    );
    const byChannel: Record<string, number> = {};
    for (const r of rows) byChannel[r.channel_id] = r.n;
    return { total: rows.reduce((sum, r) => sum + r.n, 0), byChannel };
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    consentId: row.id,
    channelId: row.channel_id,
    userId: row.user_id,
    refKey: row.ref_key,
    activityTypes: typesOfSubject(row.subject),
    grantedAt: row.granted_at,
  };
}
