/**
 * The response catalogue of subscriptions and notifications: what the subscribe / unsubscribe
 * dialogs (dialogs/subscription/) say, what a notification reads like when it arrives, and what
 * officials see when they prepare and send one in the console. Policy facts never live here;
 * activity labels come from the activities feature.
 *
 * Not here, on purpose — words that read the user's input (matching, not responses):
 * dialogs/subscription/subscribeDialog.ts parseYesNo.
 */
import type { ActivityType } from '../domain/vocabulary';
import { ACTIVITY_TYPE_LABELS, BUTTON_PREFIX, REGISTRATION_STATUS_LABELS } from '../activities/copy';

/** The subscribe and unsubscribe dialogs. */
export const SUB_TEXT = {
  noticeTitle: '【订阅活动通知】',
  /** (`published`: where the policy says notices are published, from the knowledge — said beside what subscribing adds) */
  notice: (published: string | undefined) =>
    [
      '订阅后，园区经发委、企服中心会通过本会话向您推送“专精特新”相关活动通知（如企业沙龙、培训辅导、专场招聘）。',
      ...(published ? [published] : []),
      '我们只记录本会话的标识和订阅时间，仅用于推送活动通知；如您在这里报名过活动，会参考报名时填写的培育类别，只推送适合贵企业的通知。',
      '您可随时回复“退订”停止接收。',
      // (asked in words too: the 服务号 and plain-text channels show the buttons as text)
      '是否确认订阅？请回复“确认订阅”或“暂不订阅”。',
    ].join('\n'),
  confirm: '确认订阅',
  decline: '暂不订阅',
  retry: '请点击“确认订阅”，或点击“暂不订阅”。',
  resume: '是否订阅活动通知？',
  /** said before the question is asked again after an interruption */
  resumePrefix: '我们继续订阅。',
  expected: '订阅后有新活动会在本会话通知您，例如：回复“确认订阅”即可订阅；不需要请回复“暂不订阅”。',
  leave: '也可以输入“取消”结束，或直接提问。',
  left: '好的，已取消当前事项，暂未订阅。',
  subscribed: '订阅成功！有新活动时，我们会通过本会话通知您。回复“退订”可随时停止。',
  moved: '已更新您的订阅，今后的活动通知将发送到本会话。回复“退订”可随时停止。',
  already: '您已订阅活动通知，有新活动时会通过本会话通知您。如需停止，回复“退订”。',
  declined: '好的，暂不订阅。需要时回复“订阅活动通知”即可。',
  unsubscribed: '已为您退订活动通知，今后不再向您推送。如需重新订阅，回复“订阅活动通知”。',
  notSubscribed: '您目前没有订阅活动通知。如需订阅，回复“订阅活动通知”。',
  failed: '抱歉，刚才没有办理成功，请稍后再试，或输入“转人工”联系服务专员。',
  /** （范围：企业沙龙、培训辅导） after a confirmation */
  scope: (types: string) => `（范围：${types}）`,
  /** the scope line under the notice */
  scopeLine: (types: string) => `\n订阅范围：${types}`,
} as const;

/** The activity types a subscription covers, in words (none chosen: all). */
export function typesText(types: ActivityType[] | undefined): string {
  return types?.length ? types.map((t) => ACTIVITY_TYPE_LABELS[t]).join('、') : '全部活动';
}

/** A notification as enterprises receive it: the official's text, the activity's key facts, how to stop. */
export const PUSH_TEXT = {
  notificationHeader: '【汇计划活动通知】',
  unsubscribeHint: '如不想再收到活动通知，回复“退订”即可。',
  activity: (title: string, type: string) => `活动：${title}（${type}）`,
  time: (range: string) => `时间：${range}`,
  place: (place: string) => `地点：${place}`,
  /** (signed up and confirmed says itself: only another status — 候补中, 已签到 — is named) */
  registered: (status: string) => `您已报名该活动${status === REGISTRATION_STATUS_LABELS.confirmed ? '' : `（${status}）`}，无需重复报名；输入“我的报名”可查看。`,
  deadline: (deadline: string) => `报名截止：${deadline}`,
  waitlist: (button: string) => `目前名额已满，回复“${button}”可登记候补。`,
  signUp: (button: string) => `回复“${button}”即可报名。`,
  /** the button that starts the sign-up dialog for an activity: the activities feature routes its prefix */
  signUpButton: (title: string) => `${BUTTON_PREFIX.signUp}${title}`,
} as const;

/** What officials see when they prepare, send or retry a notification in the console. */
export const NOTIFICATION_ADMIN_TEXT = {
  tiers: '培育类别应为 1、2 或 3',
  activityTypes: '活动类型应为 salon、training、jobfair 或 other',
  channel: '渠道标识无效',
  activityIdNumber: '活动编号应为数字',
  textRequired: '请填写通知内容',
  textNotText: '通知内容应为文字',
  textTooLong: (max: number) => `通知内容最多 ${max} 字`,
  noRecipients: '没有符合条件的订阅用户，通知未发送。请调整接收范围。',
  notFound: '找不到该通知。',
  activitiesOff: '活动功能未启用。',
  activityNotFound: (id: number) => `找不到编号为 ${id} 的活动`,
  activityCancelled: '该活动已取消，不能再推送',
  activityUnpublished: '该活动尚未发布，请先发布再推送',
  full: (title: string, capacity: number, waitlisted: number) =>
    `「${title}」名额已满（${capacity} 个名额${waitlisted ? `，候补 ${waitlisted} 家` : ''}）：新报名将登记候补。可先增加名额再推送。`,
  alreadyRegistered: (count: number) => `其中 ${count} 位已报名该活动：他们收到的通知不含报名按钮，并注明已报名。`,
  includeUnknown: 'includeUnknown 应为 true 或 false',
  selectToRetry: '请选择要重发的消息',
  /** the text a preview stands in while the official is still writing */
  previewPlaceholder: '（通知内容）',
  /** why a queued notification was not sent (the delivery's last error) */
  unsubscribed: '用户已退订',
} as const;
