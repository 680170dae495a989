import { beijingTime } from '../activities/format';

/** The audit log in Chinese: what an action and a target are called, and which fields changed. */

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'activity.create': '创建活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'notification.send': '发送通知',
  'notification.retry': '重发失败通知',
  'delivery.retry': '重发消息',
  'registration.cancel': '取消报名',
  'registration.check_in': '签到',
  'registration.promote': '候补递补',
  'registrations.export': '导出报名名单',
  'ticket.reply': '回复工单',
  'ticket.close': '关闭工单',
  'token.create': '创建令牌',
  'token.revoke': '吊销令牌',
  'unanswered.resolve': '标记问题已处理',
};

const TARGET_LABELS: Record<string, string> = {
  activity: '活动',
  notification: '通知',
  registration: '报名',
  ticket: '工单',
  token: '令牌',
};

export const ACTIVITY_FIELD_LABELS: Record<string, string> = {
  type: '类型',
  title: '名称',
  description: '简介',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  onlineUrl: '线上链接',
  capacity: '名额',
  signupDeadline: '报名截止',
  eligibleTiers: '面向类别',
  seatsPerEnterprise: '每家企业人数',
};

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** "活动 #12" for "activity:12". */
export function targetLabel(target: string | undefined): string | undefined {
  if (!target) return undefined;
  const [kind, id] = target.split(':');
  return TARGET_LABELS[kind] ? `${TARGET_LABELS[kind]} #${id}` : target;
}

/** The fields whose value differs, as { field: { from, to } } (values compared as JSON). */
export function changedFields<T extends object>(before: T, after: T, keys: Array<keyof T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) changes[String(key)] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** "名额：30 → 40；地点：A → B" */
export function describeChanges(changes: Record<string, { from: unknown; to: unknown }>): string {
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? '（空）'
      : Array.isArray(v)
        ? v.join('、')
        : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)
          ? beijingTime(v)
          : String(v);
  return Object.entries(changes)
    .map(([field, c]) => `${ACTIVITY_FIELD_LABELS[field] ?? field}：${show(c.from)} → ${show(c.to)}`)
    .join('；');
}
