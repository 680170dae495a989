/**
 * What a button carries back when it is clicked: a structured value (Bot Framework messageBack,
 * `activity.value`), its title only for display. MainDialog routes a message whose value names a
 * routed intent in `action` straight to that intent's dialog, without recognising the text; the
 * dialog reads the activity (or 汇) from the value. The button's text ("报名：<title>") still travels
 * as the message text, so a channel without values, a prompt, or a user typing it works as before.
 */
import type { Intent } from './vocabulary';

export interface ButtonValue {
  /** the intent the click asks for (sign_up, list_activities for 详情, cancel_signup, what_support) */
  action: Intent;
  /** the activity a 报名 / 详情 / 取消报名 button is for */
  activityId?: number;
  /** the 汇 a 支持详情 button is for (HuiId: industry, finance…) */
  hui?: string;
}

/** A button: the title shown, and the value a click sends (none: the title is sent as text). */
export interface Button {
  title: string;
  value?: ButtonValue;
}

/** A button as replies list them: a plain title (sent back as text) or a Button with a value. */
export type ReplyButton = string | Button;

export function buttonTitle(button: ReplyButton): string {
  return typeof button === 'string' ? button : button.title;
}

/** The ButtonValue of an incoming activity's `value`, when it is one (anything else: undefined). */
export function readButtonValue(value: unknown): ButtonValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.action !== 'string' || !/^[a-z][a-z0-9_]*$/.test(v.action)) return undefined;
  const out: ButtonValue = { action: v.action as Intent };
  if (typeof v.activityId === 'number' && Number.isSafeInteger(v.activityId) && v.activityId > 0) out.activityId = v.activityId;
  if (typeof v.hui === 'string' && v.hui.length <= 40) out.hui = v.hui;
  return out;
}
