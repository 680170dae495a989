import type { DeliveryOutcome, RefusalReason } from './outcome';

/**
 * The Official Account channel's texts: what officials see of a message WeChat did not accept, what
 * an operator reads of a wrong setting (English, naming the pages of 公众平台), and the command a menu
 * click stands for when its key is unknown. What the bot says to followers is the WeChat channel's
 * (../wechat/copy.ts) or the dialogs'.
 */

/** What the officials' console shows for a proactive message that was not accepted. */
const REFUSAL_TEXT: Record<RefusalReason, string> = {
  unfollowed: '用户已取消关注服务号，不再发送',
  'window-closed': '已超过 48 小时客服消息时限，且不能改发模板消息',
  'rate-limited': '触发微信接口频率或额度限制，稍后重试',
  'invalid-user': '该用户未与服务号互动过，或 OpenID 无效',
  unreachable: '无法连接微信接口，消息未发出',
  busy: '微信系统繁忙，消息未发出',
  rejected: '微信接口拒绝了该消息',
};

export function outcomeText(outcome: Exclude<DeliveryOutcome, { status: 'accepted' }>): string {
  const delivered = outcome.delivered ? `（已发出前 ${outcome.delivered} 段）` : '';
  if (outcome.status === 'unknown') return `未收到微信答复，无法确认是否送达，不再重发${delivered}：${outcome.detail}`;
  return `${REFUSAL_TEXT[outcome.reason]}${outcome.detail ? `（${outcome.detail}）` : ''}${delivered}`;
}

/** Problems of the channel's settings, reported at start (operator-facing: the pages of 公众平台 they refer to). */
export const SETTINGS_PROBLEMS = {
  appId: 'WECHAT_OA_APP_ID: must be the AppID shown in 公众平台 → 设置与开发 → 基本配置 (wx…)',
  appSecret: 'WECHAT_OA_APP_SECRET: required when WECHAT_OA_APP_ID is set (the AppSecret of 基本配置)',
  token: 'WECHAT_OA_TOKEN: required when WECHAT_OA_APP_ID is set; 3 to 32 letters or digits, the same Token as in 服务器配置',
};

/** What a menu click whose key is not in wechat-menu.yaml asks the bot: its help. */
export const UNKNOWN_CLICK_COMMAND = '帮助';
