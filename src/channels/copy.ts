/**
 * The texts of the channels reached through Bot Framework's /api/messages (Teams, the Emulator, Azure
 * web chat), said by botframework.ts before any dialog runs. What the bot says in a turn is the
 * dialogs' (dialogs/messages.ts) and the features' catalogues; each channel of our own has its own
 * (wechat/, officialAccount/, directline/, terminal/copy.ts). Imports nothing.
 */

/** The answer to an invoke activity (a card action asking for an operation): none is offered, cards submit messages. */
export const INVOKE_UNSUPPORTED = '暂不支持此操作，请直接输入您的问题。';
