import type { Button } from '../../src/domain/buttons';
import { toHalfWidth } from '../../src/text/normalize';

/**
 * The activity cards' buttons. A click sends a value ({ action, activityId }: MainDialog routes it,
 * the dialog reads the id) and the button's text; typed text ("报名：<title>") is routed by its prefix
 * (报名 → sign_up, 详情 → list_activities, 取消报名 → cancel_signup) and the dialogs read the title.
 */
export const SIGN_UP_PREFIX = '报名：';
export const DETAILS_PREFIX = '详情：';
export const CANCEL_PREFIX = '取消报名：';

export type ButtonKind = 'sign_up' | 'details' | 'cancel';

/** The activity buttons: their text says which activity (typed or read out in WeChat), their value carries its id. */
export const signUpButton = (activity: { id: number; title: string }): Button => ({ title: `${SIGN_UP_PREFIX}${activity.title}`, value: { action: 'sign_up', activityId: activity.id } });
export const detailsButton = (activity: { id: number; title: string }): Button => ({ title: `${DETAILS_PREFIX}${activity.title}`, value: { action: 'list_activities', activityId: activity.id } });
export const cancelButton = (activity: { id: number; title: string }): Button => ({ title: `${CANCEL_PREFIX}${activity.title}`, value: { action: 'cancel_signup', activityId: activity.id } });

/** "报名：<title>" → { kind: 'sign_up', title }; ASCII or full-width colon, spaces tolerated. */
export function parseButton(text: string | undefined): { kind: ButtonKind; title: string } | undefined {
  const m = /^\s*(取消报名|报名|详情)\s*[:：]\s*(.+?)\s*$/s.exec(text ?? '');
  if (!m) return undefined;
  const kind: ButtonKind = m[1] === '取消报名' ? 'cancel' : m[1] === '报名' ? 'sign_up' : 'details';
  return { kind, title: m[2] };
}

/** Lenient form of a text for comparisons: half-width, no spaces or punctuation, lower case. */
export function looseText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Which of `choices` the user picked: its number (1-based), its text, one of its `synonyms`, a
 * fragment of exactly one choice, or a sentence containing one long choice (a title). Undefined
 * when nothing or several match.
 */
export function matchChoice(
  text: string | undefined,
  choices: readonly string[],
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): number | undefined {
  const raw = toHalfWidth(text ?? '').trim();
  if (!raw || raw.length > 200) return undefined;
  const number = /^(?:第\s*)?(\d{1,2})\s*(?:个|项|号)?$/.exec(raw);
  if (number) {
    const n = Number(number[1]);
    return n >= 1 && n <= choices.length ? n - 1 : undefined;
  }
  const button = parseButton(raw);
  const wanted = looseText(button ? button.title : raw);
  if (!wanted) return undefined;
  const exact = choices.findIndex((c) => looseText(c) === wanted);
  if (exact >= 0) return exact;
  // Everyday replies typed instead of a click ("确认报名", "好的", "不用了").
  const meant = choices.map((c, i) => ({ i, words: synonyms[c] ?? [] })).filter(({ words }) => words.some((w) => looseText(w) === wanted));
  if (meant.length === 1) return meant[0].i;
  if ([...wanted].length < 2) return undefined;
  const partial = choices.map((c, i) => ({ c: looseText(c), i })).filter(({ c }) => c.includes(wanted) || (c.length >= 6 && wanted.includes(c)));
  return partial.length === 1 ? partial[0].i : undefined;
}
