/**
 * The terminal channel's texts (`npm run chat`, a developer's quick try): the banner, the prompts and
 * how cards and buttons print. Its own file, not the WeChat one: the terminal shares none of
 * WeChat's wording (its buttons print as an indented list, not a "回复数字：" menu).
 */

export const TERMINAL_TEXT = {
  banner: '汇计划助手（终端）。输入问题后回车，输入 exit 或按 Ctrl+C 结束。\n',
  /** what the chat says first, as a user would, so the bot greets */
  opening: '你好',
  userPrompt: '您> ',
  botPrefix: '助手> ',
  userName: '终端用户',
  botName: '汇计划助手',
  cardTitle: (title: string) => `【${title}】`,
  choiceHint: '（回复数字即可选择）',
};
