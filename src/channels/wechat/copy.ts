/** User-facing text that only the WeChat channel shows (the bot's own copy lives in dialogs/messages.ts). */

/** First line of every numbered menu. */
export const MENU_HEADER = '回复数字：';

/** Names of the message kinds we cannot read, for the polite note. */
const KIND_NAMES: Record<string, string> = {
  image: '图片',
  audio: '语音',
  video: '视频',
  file: '文件',
  emoticon: '表情',
  url: '链接',
  miniProgram: '小程序',
  location: '位置',
  contactCard: '名片',
  chatHistory: '聊天记录',
  money: '转账或红包',
};

export function nonTextNote(kind: string): string {
  const name = KIND_NAMES[kind];
  const what = name ? `${name}消息` : '这类消息';
  return `抱歉，我暂时无法查看${what}，目前只能理解文字。请用文字输入您的问题，或回复"帮助"查看我能办理的事项。`;
}

/** Someone @-mentioned the bot in a group without saying anything else. */
export const EMPTY_MENTION = '您好！请在@我之后直接输入您的问题，例如"我们属于哪一类"，或输入"帮助"查看我能办理的事项。';

/** A private message that turned out to be empty (only spaces, a system notice...). */
export const EMPTY_MESSAGE = '您好！请直接输入您的问题，或输入"帮助"查看我能办理的事项。';
