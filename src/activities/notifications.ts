import type { NewDelivery } from '../delivery/types';
import type { Activity, Registration } from './types';
import { formatDateTime, formatPlace, formatTimeRange } from './format';

/** Texts of the proactive messages registrants receive on the channel they signed up from. */

export function promotionMessage(activity: Activity, registration: Registration, now: Date): string {
  return [
    `好消息！您候补的「${activity.title}」有名额了，${registration.enterpriseName}的报名已确认（${registration.attendees} 人）。`,
    `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
    `地点：${formatPlace(activity)}`,
    '如不能参加，请输入“取消报名”把名额让给其他企业。',
  ].join('\n');
}

export function reminderMessage(activity: Activity, registration: Registration, now: Date): string {
  return [
    `活动提醒：您报名的「${activity.title}」将于 ${formatDateTime(activity.startsAt, now)} 开始。`,
    `地点：${formatPlace(activity)}`,
    `参会企业：${registration.enterpriseName}（${registration.attendees} 人）`,
    '如不能参加，请输入“取消报名”。',
  ].join('\n');
}

export function activityCancelledMessage(activity: Activity, now: Date): string {
  const reason = activity.cancelReason ? `（原因：${activity.cancelReason}）` : '';
  return [
    `抱歉通知：原定 ${formatDateTime(activity.startsAt, now)} 举行的「${activity.title}」已取消${reason}，您的报名随之取消。`,
    '给您带来不便，敬请谅解。可输入“最近有什么活动”查看其他活动。',
  ].join('\n');
}

export function activityChangedMessage(activity: Activity, now: Date): string {
  return [
    `活动变更：您报名的「${activity.title}」安排有调整，请以此为准：`,
    `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
    `地点：${formatPlace(activity)}`,
    '如不能参加，请输入“取消报名”。',
  ].join('\n');
}

export function registrationCancelledMessage(activity: Activity, registration: Registration, reason: string | undefined, now: Date): string {
  return [
    `报名取消通知：${registration.enterpriseName}报名的「${activity.title}」（${formatDateTime(activity.startsAt, now)}）已由工作人员取消${reason ? `（原因：${reason}）` : ''}。`,
    '如有疑问，请输入“转人工”联系服务专员；可输入“最近有什么活动”查看其他活动。',
  ].join('\n');
}

/**
 * The delivery of one message to a registrant, on the channel they signed up from; undefined when
 * the registration has no conversation to reach. `key` makes it unique per registration and kind.
 */
export function registrantDelivery(
  registration: Pick<Registration, 'id' | 'refKey'>,
  kind: 'reminder' | 'promotion' | 'activity_changed' | 'activity_cancelled' | 'registration_cancelled',
  key: string,
  text: string,
  options: { now: string; dueAt?: string; expiresAt?: string; skipReason?: string },
): NewDelivery | undefined {
  if (!registration.refKey) return undefined;
  return {
    kind,
    dedupeKey: `activity:${registration.id}:${kind}:${key}`,
    refKey: registration.refKey,
    activities: [{ type: 'message', text }],
    registrationId: registration.id,
    dueAt: options.dueAt ?? options.now,
    expiresAt: options.expiresAt,
    skipReason: options.skipReason,
  };
}
