/**
 * The delivery pipeline's texts: why a message the bot sends on its own was not (or not yet) sent,
 * as officials read it in the console's delivery problems (`deliveries.last_error`, shown as is next
 * to the status label of ../officials/copy.ts). These are stored values: a changed wording reads
 * differently from the rows already written. A lane's own refusals live in its channel's catalogue
 * (../channels/directline/copy.ts, ../channels/officialAccount/copy.ts); a channel error's own message
 * (English, from the library) is passed through untouched. Imports nothing.
 */

export const DELIVERY_TEXT = {
  /** the adapter lane has no stored conversation reference for the recipient */
  noConversation: '找不到该会话（用户从未在此渠道与机器人对话）',
  /** still queued when its expiry passed (the activity started, the registration was cancelled…) */
  expired: '已过期：发送前已不再适用',
  /** a send broke off and the lane says a duplicate is harmless: queued again */
  interruptedRequeued: '发送中断，结果未知；重复无害，已重新排队',
  /** a send broke off on an external channel: whether it arrived is unknown, so it is not resent */
  interruptedUnknown: '发送过程中服务中断，渠道是否已送达未知（为免重复，不自动重发）',
  /** the channel's answer did not say whether it accepted the message */
  unknownOutcome: (reason: string) => `结果未知：${reason}`,
  /** the channel did not answer within the lane's send timeout */
  noAnswerWithin: (seconds: number) => `渠道 ${seconds} 秒内未答复`,
  /** a queued message that failed before, with the time of its next try */
  retryAt: (reason: string, dueAt: string) => `${reason}（将于 ${dueAt} 重试）`,
};
