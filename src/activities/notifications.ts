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
