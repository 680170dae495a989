import { MessageFactory, type Activity as BotActivity } from 'botbuilder';
import type { Activity } from '../activities/types';
import { ACTIVITY_TYPE_LABELS } from '../activities/copy';
import { formatDateTime, formatPlace, formatTimeRange } from '../activities/format';
import { PUSH_TEXT } from './copy';

/** The button that starts the sign-up dialog for an activity (see dialogs/activities/buttons.ts). */
export function signUpButton(activity: Pick<Activity, 'title'>): string {
  return PUSH_TEXT.signUpButton(activity.title);
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
      PUSH_TEXT.activity(activity.title, ACTIVITY_TYPE_LABELS[activity.type]),
      PUSH_TEXT.time(formatTimeRange(activity.startsAt, activity.endsAt, now)),
      PUSH_TEXT.place(formatPlace(activity)),
    );
    if (adapt.registeredAs) {
      lines.push(PUSH_TEXT.registered(adapt.registeredAs));
    } else if (activity.status === 'published' && activity.signupDeadline > now.toISOString()) {
      lines.push(PUSH_TEXT.deadline(formatDateTime(activity.signupDeadline, now)));
      if (adapt.full) lines.push(PUSH_TEXT.waitlist(signUpButton(activity)));
      else lines.push(PUSH_TEXT.signUp(signUpButton(activity)));
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
