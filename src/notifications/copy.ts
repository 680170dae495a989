import { MessageFactory, type Activity as BotActivity } from 'botbuilder';
import type { Activity } from '../activities/types';
import { ACTIVITY_TYPE_LABELS, formatDateTime, formatPlace, formatTimeRange } from '../activities/format';

/** What enterprises receive from the console. Policy facts never live here. */
export const PUSH_TEXT = {
  notificationHeader: '【汇计划活动通知】',
  unsubscribeHint: '如不想再收到活动通知，回复“退订”即可。',
  ticketReplyHeader: (ticketId: number) => `【服务专员回复】（工单 #${ticketId}）`,
  /** Replies in this conversation now go to the ticket (dialogs/handoff: 返回助手 leaves it). */
  ticketReplyFooter: '如需继续咨询，直接回复即可，内容会转给服务专员；输入“返回助手”回到智能助手。',
} as const;

/** The button that starts the sign-up dialog for an activity (see dialogs/activities/buttons.ts). */
export function signUpButton(activity: Pick<Activity, 'title'>): string {
  return `报名：${activity.title}`;
}

/**
 * The text a notification is delivered as: the official's text, then the activity's key facts
 * (when one is attached) and how to unsubscribe.
 */
export interface NotificationAdaptation {
  /** the recipient is registered already (status label, e.g. 报名成功 / 候补中): no sign-up button, no 欢迎报名 */
  registeredAs?: string;
  /** the activity has no seats left: a sign-up is waitlisted */
  full?: boolean;
}

export function composeNotification(
  text: string,
  activity?: Activity,
  now: Date = new Date(),
  adapt: NotificationAdaptation = {},
): { message: string; actions: string[] } {
  const lines = [PUSH_TEXT.notificationHeader, text.trim()];
  const actions: string[] = [];
  if (activity) {
    lines.push(
      '',
      `活动：${activity.title}（${ACTIVITY_TYPE_LABELS[activity.type]}）`,
      `时间：${formatTimeRange(activity.startsAt, activity.endsAt, now)}`,
      `地点：${formatPlace(activity)}`,
    );
    if (adapt.registeredAs) {
      lines.push(`您已报名该活动（${adapt.registeredAs}），无需重复报名；输入“我的报名”可查看。`);
    } else if (activity.status === 'published' && activity.signupDeadline > now.toISOString()) {
      lines.push(`报名截止：${formatDateTime(activity.signupDeadline, now)}`);
      if (adapt.full) lines.push(`目前名额已满，回复“${signUpButton(activity)}”可登记候补。`);
      else lines.push(`回复“${signUpButton(activity)}”即可报名。`);
      actions.push(signUpButton(activity));
    }
  }
  lines.push('', PUSH_TEXT.unsubscribeHint);
  return { message: lines.join('\n'), actions };
}

/**
 * Officials' text is sent as plain text: line breaks are kept, and nothing in it is read as
 * Markdown (a link or image written into a notification stays visible text).
 */
export function notificationActivity(message: string, actions: string[]): Partial<BotActivity> {
  const activity = actions.length ? MessageFactory.suggestedActions(actions, message) : MessageFactory.text(message);
  return { ...activity, textFormat: 'plain' };
}

export function ticketReplyActivity(ticketId: number, text: string): Partial<BotActivity> {
  return { ...MessageFactory.text(`${PUSH_TEXT.ticketReplyHeader(ticketId)}\n${text}\n\n${PUSH_TEXT.ticketReplyFooter}`), textFormat: 'plain' };
}
