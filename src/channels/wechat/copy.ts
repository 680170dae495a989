/**
 * The WeChat channel's texts, shared with the Official Account (../officialAccount/copy.ts holds its
 * own): the menu header, notes for messages the bot cannot read, how buttons and cards read as text,
 * what officials see of a reply that broke off, and the login's words (the QR code prompt on the
 * server's terminal, the standby note in the console). The bot's own copy lives in the catalogues of
 * dialogs/ and src/; the patterns of BUTTON_WORDING match the dialogs' wording, their replacements are
 * the texts.
 */

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

/** The bot's name as the text channels give it in the activities they build. */
export const BOT_NAME = '汇计划助手';

/**
 * The bot's words for buttons, said as WeChat has them: numbers to reply, not buttons to click.
 * Each pattern (matching the dialogs' wording) with what WeChat says instead, applied in order.
 */
export const BUTTON_WORDING: Array<[RegExp, string]> = [
  [/[（(]?(点击|点选)(下方)?按钮或回复(序号|数字)[）)]?/g, '（回复数字）'],
  [/(点击|点选)(下方)?(按钮|菜单)/g, '回复数字'],
  [/(点击|点选)(对应的)?“(报名|详情|取消报名)：活动名称”/g, '回复对应数字'],
  [/(点击|点选)/g, '回复'],
];

/** A markdown link "[text](url)" as plain text (a String.replace pattern: $1 the text, $2 the url). */
export const LINK_AS_TEXT = '$1（$2）';

/** How cards' links, facts and unreadable attachments read as text. */
export const CARD_TEXT = {
  attachment: '附件',
  link: '链接',
  phone: '电话',
  /** "标题：值" (a link with its title, a fact of an Adaptive Card) */
  labelled: (title: string, value: string) => `${title}：${value}`,
  /** an attachment without a link, by its name */
  named: (name: string) => `（${name}）`,
};

/** What the officials' console shows when a long reply broke off after `sent` of its `total` parts. */
export const partialSendReason = (sent: number, total: number, reason: string) => `分段发送中断（已发出 ${sent}/${total} 段）：${reason}`;

/** Why a standby instance does not log in: its note starts so (channel.ts checks the prefix). */
const LOGIN_HELD_ELSEWHERE = '微信登录由另一实例持有';

/** The WeChat login's words, for the operations staff who scan the code and officials in the console. */
export const LOGIN_TEXT = {
  /** printed on the server's terminal above the QR code (`art`) */
  qrPrompt: (art: string) => `\n请用运营微信号扫描下方二维码登录汇计划助手：\n${art}\n`,
  heldElsewhere: LOGIN_HELD_ELSEWHERE,
  /** the last error of an instance that stands by while another holds the login */
  standby: `${LOGIN_HELD_ELSEWHERE}，本实例待命，登录方停止后接管`,
};
