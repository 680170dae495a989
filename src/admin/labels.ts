import type { DeliveryKind, DeliveryStatus } from '../delivery/types';
import { REGISTRANT_DELIVERY_LABELS } from '../activities/copy';
import type { TicketStatus } from '../handoff/tickets';
import type { WechatLoginState } from '../channels/wechat/status';
import { CHANNEL_LABELS, DELIVERY_KIND_TEXT, DELIVERY_STATUS_TEXT, TICKET_STATUS_TEXT, WECHAT_LOGIN_TEXT } from '../officials/copy';

/**
 * The labels of the codes the console and its exports show, typed by their codes (so a new code
 * without a label fails to compile). The texts live in the catalogues: the console's in
 * src/officials/copy.ts, the activity feature's (types, statuses, who cancelled, its messages' kinds)
 * in src/activities/copy.ts.
 */
export { ACTIVITY_STATUS_LABELS, CANCEL_REASON_LABELS } from '../activities/copy';
export { CHANNEL_LABELS };

export function channelLabel(channelId: string): string {
  return CHANNEL_LABELS[channelId] ?? channelId;
}

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = TICKET_STATUS_TEXT;

/** One recipient's delivery state (`deliveries.status`). */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = DELIVERY_STATUS_TEXT;

/** What a queued message is (`deliveries.kind`). */
export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  notification: DELIVERY_KIND_TEXT.notification,
  ticket_reply: DELIVERY_KIND_TEXT.ticket_reply,
  ...REGISTRANT_DELIVERY_LABELS,
  reply: DELIVERY_KIND_TEXT.reply,
};

export const WECHAT_LOGIN_LABELS: Record<WechatLoginState, string> = WECHAT_LOGIN_TEXT;
