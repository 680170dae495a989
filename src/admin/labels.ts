import type { ActivityStatus } from '../activities/types';
import type { DeliveryKind, DeliveryStatus } from '../delivery/types';
import type { TicketStatus } from '../handoff/tickets';
import type { WechatLoginState } from '../channels/wechat/status';

/** Chinese labels for the codes the console and its exports show. */

export const CHANNEL_LABELS: Record<string, string> = {
  directline: '网页聊天',
  wechat: '微信',
  'wechat-oa': '微信服务号',
  emulator: 'Bot Framework 模拟器',
  msteams: 'Teams',
  webchat: 'Azure 网页聊天',
  terminal: '终端',
  test: '测试渠道',
};

export function channelLabel(channelId: string): string {
  return CHANNEL_LABELS[channelId] ?? channelId;
}

export const CANCEL_REASON_LABELS: Record<string, string> = {
  user: '企业自行取消',
  admin: '工作人员取消',
  activity_cancelled: '活动取消',
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: '待处理',
  answered: '已回复',
  closed: '已关闭',
};

/** One recipient's delivery state (`deliveries.status`). */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: '排队中',
  sending: '发送中',
  sent: '已送达',
  failed: '失败',
  expired: '已过期',
  unknown: '结果未知',
  skipped: '已跳过',
};

/** What a queued message is (`deliveries.kind`). */
export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  notification: '活动通知',
  ticket_reply: '工单回复',
  reminder: '活动提醒',
  promotion: '候补递补',
  activity_changed: '活动变更',
  activity_cancelled: '活动取消',
  registration_cancelled: '报名取消',
  reply: '微信回复',
};

export const WECHAT_LOGIN_LABELS: Record<WechatLoginState, string> = {
  disabled: '未启用',
  stopped: '已停止',
  starting: '启动中',
  waiting_for_scan: '待扫码',
  logged_in: '已登录',
  logged_out: '已退出',
  retrying: '重连中',
};
