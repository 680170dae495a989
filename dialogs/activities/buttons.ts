import type { Button } from '../../src/domain/buttons';
import { pickChoice } from '../../src/text/choices';
import { BUTTON_PREFIX } from '../../src/activities/copy';

/**
 * The activity cards' buttons. A click sends a value ({ action, activityId }: MainDialog routes it,
 * the dialog reads the id) and the button's text; typed text ("报名：<title>") is routed by its prefix
 * (报名 → sign_up, 详情 → list_activities, 取消报名 → cancel_signup) and the dialogs read the title.
 */
export const SIGN_UP_PREFIX = BUTTON_PREFIX.signUp;
export const DETAILS_PREFIX = BUTTON_PREFIX.details;
export const CANCEL_PREFIX = BUTTON_PREFIX.cancel;

export type ButtonKind = 'sign_up' | 'details' | 'cancel';

/** The activity buttons: their text says which activity (typed or read out in WeChat), their value carries its id. */
export const signUpButton = (activity: { id: number; title: string }): Button => ({ title: `${SIGN_UP_PREFIX}${activity.title}`, value: { action: 'sign_up', activityId: activity.id } });
export const detailsButton = (activity: { id: number; title: string }): Button => ({ title: `${DETAILS_PREFIX}${activity.title}`, value: { action: 'list_activities', activityId: activity.id } });
export const cancelButton = (activity: { id: number; title: string }): Button => ({ title: `${CANCEL_PREFIX}${activity.title}`, value: { action: 'cancel_signup', activityId: activity.id } });

/** "报名：<title>" → { kind: 'sign_up', title }; ASCII or full-width colon, spaces tolerated. */
export function parseButton(text: string | undefined): { kind: ButtonKind; title: string } | undefined {
  // A title is one line: a typed form ("报名：沙龙\n联系人：…") goes on with its fields.
  const m = /^\s*(取消报名|报名|详情)\s*[:：][^\S\n]*([^\n]+?)\s*(?:\n|$)/.exec(text ?? '');
  if (!m) return undefined;
  // The word before the colon is a prefix without its colon.
  const is = (prefix: string) => prefix.slice(0, -1) === m[1];
  const kind: ButtonKind = is(CANCEL_PREFIX) ? 'cancel' : is(SIGN_UP_PREFIX) ? 'sign_up' : 'details';
  return { kind, title: m[2] };
}

/**
 * Which of `choices` the user picked (a button text "报名：<title>" counts as its title): its number,
 * its text, one of its `synonyms`, a fragment of exactly one choice, or a sentence containing one long
 * choice (a title). Undefined when nothing or several match.
 */
export function matchChoice(
  text: string | undefined,
  choices: readonly string[],
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): number | undefined {
  return pickChoice(parseButton(text)?.title ?? text, choices, { synonyms, partial: true });
}
