/** channelId of every Official Account activity, conversation reference and push_outbox row. */
export const OA_CHANNEL_ID = 'wechat-oa';

/** The Official Account conversation of one follower is keyed by their OpenID. */
export function oaConversationId(openId: string): string {
  return openId;
}

/** The numbered-menu key of a follower (the menu table is shared with the wechaty channel). */
export function oaMenuKey(openId: string): string {
  return `${OA_CHANNEL_ID}:${openId}`;
}
