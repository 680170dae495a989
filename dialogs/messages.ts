import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { MAX_ANALYSED_CHARS } from '../src/text/normalize';

/**
 * The general conversation's response catalogue, shared by all dialogs and the bot: welcome, help,
 * the menu, thanks, interruptions (帮助 / 取消 / 返回主菜单, resuming a flow), errors. Only dialogs
 * and the layers above them say these, so the catalogue lives here. Each feature has its own
 * catalogue (src/advisor/copy.ts, src/activities/copy.ts, src/handoff/copy.ts, src/notifications/copy.ts).
 * Policy facts never live here: they come from knowledge/.
 *
 * Not here, on purpose — words that read the user's input (matching, not responses):
 * dialogs/interruptions.ts WORDS, QUESTION_CUES and ORGANISATION.
 */
export const MENU_ACTIONS = ['我们属于哪一类', '能享受哪些支持', '最近有什么活动', '我的报名', '转人工'];
/** After a sign-up went through, what one does next is about sign-ups (the tier is settled by then). */
export const AFTER_SIGNUP_ACTIONS = ['我的报名', '最近有什么活动', '能享受哪些支持', '转人工'];

export const TEXT = {
  welcome:
    '您好！我是园区"专精特新 汇计划"助手。我可以解答汇计划政策问题、帮您判断培育类别和可享受的支持，并办理企业沙龙、培训辅导、专场招聘等活动的报名。请直接输入您的问题，或点选下方菜单。',
  menu: '请问还需要什么帮助？您可以直接提问，或点选下方菜单。',
  help:
    '我可以帮您：\n· 解答汇计划政策（例如“深度诊断收费吗”）\n· 判断培育类别（例如“我们是省级专精特新，属于哪类”）\n· 查询可享受的支持（例如“我们能享受哪些支持”）\n· 活动报名（例如“最近有什么活动”“我要报名企业沙龙”“我的报名”“取消报名”）\n· 订阅或退订活动通知（“订阅活动通知”“退订”）、转人工服务（“转人工”）\n\n办理过程中可随时输入“取消”结束当前事项，输入“返回主菜单”回到菜单。',
  helpInFlow: '以上是我能办理的事项。办理中也可以直接提问，或输入“我的报名”“转人工”等，我办完后接着当前事项。当前事项尚未完成，请继续回答：\n',
  cancelled: '好的，已取消当前事项。',
  /** said before a step is asked again after an interruption (a flow may have its own words) */
  resume: '我们继续刚才的事项。',
  /** said when a flow starts over for a new request of its own kind */
  restart: '好的，重新开始。',
  nothingToCancel: '当前没有进行中的事项。',
  /** a correction ("说错了，是市级的") after a question: the question is answered again */
  correctedReplay: '好的，已更正。按更正后的信息，刚才的问题答复如下：',
  /** an addition ("另外我们还评过区级") after a question: the question is answered again */
  amendedReplay: '好的，已补充。按补充后的信息，刚才的问题答复如下：',
  /** facts alone ("我们是市级的，2025年认定") after a question they change: the question is answered again */
  suppliedReplay: '好的，已记下。按您提供的信息，刚才的问题答复如下：',
  thanks: '不客气，很高兴为您服务！如还有问题，随时问我。',
  greeting: '您好！请问有什么可以帮您？',
  unavailable: '抱歉，这项功能暂未开放，请稍后再试，或输入"转人工"联系服务专员。',
  /** Two messages of one conversation were handled at once and this one's progress could not be saved. */
  stateConflict: '抱歉，您的两条消息同时到达，刚才这一条未能记录。请稍候重新发送。',
  error: '抱歉，系统刚才出了点问题，当前事项已中断。请重新输入您的问题，或输入"转人工"联系服务专员。',
  /** A field's way out, said after two failed attempts (flows may have their own words). */
  offerLeave: '如暂时不便回答，可输入“取消”结束当前事项，或输入“转人工”联系服务专员。',
  notText: '请用文字回复。',
  replyTooLong: (n: number) => `您输入的内容过长（${n} 个字符），请只填写所需信息。`,
  tooLong: `您的消息较长（超过 ${MAX_ANALYSED_CHARS} 个字），我按其中的问题和主要情况理解；如有遗漏，请分条发送。`,
} as const;

/** A message with the main menu as suggested actions (buttons in Web Chat, numbered text in WeChat). */
export function withMenu(text: string, actions: readonly string[] = MENU_ACTIONS): Partial<Activity> {
  return MessageFactory.suggestedActions([...actions], text);
}

/** A hero card with buttons that post back their titles, for lists of choices. */
export function choiceCard(title: string, choices: string[], text?: string): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.heroCard(title, text ?? '', undefined, CardFactory.actions(choices.map((c) => ({ type: 'imBack', title: c, value: c })))));
}
