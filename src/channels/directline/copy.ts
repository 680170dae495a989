/**
 * The web chat channel's texts in the bot's messages: the name the bot goes by, what replaces a
 * message it took back, and what officials see of a proactive message that had nowhere to go. What
 * the bot says is the dialogs' and the features' (dialogs/messages.ts and each feature's copy.ts);
 * the page's own texts (title, header, placeholder, connection errors) live in public/index.html and
 * the TEXT object of public/huibot-chat.js, which the browser reads without a build. Imports nothing.
 */

/** The bot's name on its messages in web chat (the page shows it beside each reply). */
export const BOT_NAME = '汇计划助手';

/** What replaces a deleted message, for clients and in the stored history. */
export const DELETED_TEXT = '（此消息已撤回）';

/** Why the web chat lane refused a proactive message (the console's delivery problems; stored). */
export const LANE_REFUSAL = {
  noConversation: '找不到该网页聊天会话',
};
