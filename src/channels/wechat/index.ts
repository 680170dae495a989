// The WeChat channel. Importing this loads wechaty; src/features/wechat.ts imports it only when enabled.
export { WechatChannel, type WechatChannelOptions } from './channel';
export { WechatAdapter, type MessageOutcome } from './wechatAdapter';
export { WECHAT_CHANNEL_ID } from './ids';
export { wechatLane, wechatOutbox, type WechatOutbox } from './lane';
export { disabledWechatStatus, type WechatStatus, type WechatChannelService } from './status';
export { renderActivity, splitText, matchMenuChoice, formatMenu, MAX_MESSAGE_CHARS, type MenuOption } from './render';
export { contactConversationId, roomConversationId } from './conversationStore';
