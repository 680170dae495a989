/** channelId of every WeChat activity and conversation reference. */
export const WECHAT_CHANNEL_ID = 'wechat';
