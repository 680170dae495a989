/**
 * The one choice matcher: which of a list of options a typed reply picks. Used by the dialogs'
 * prompts (lenient: synonyms, fragments of a title) and by the channels' numbered menus (strict).
 */
import { toHalfWidth } from './normalize';
import { toSimplified } from './simplified';

/** Lenient form of a text for comparisons: half-width, no spaces or punctuation, lower case. */
export function looseText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** A reply that is only an option's number ("1", "１", "第1个", "2.", "3项"), 1-based; undefined otherwise. */
export function choiceNumber(text: string): number | undefined {
  const m = /^(?:第\s*)?(\d{1,3})\s*(?:[.。、)）]|个|项|号)?$/.exec(toHalfWidth(text).trim());
  return m ? Number(m[1]) : undefined;
}

export interface ChoiceMatching {
  /** everyday words that mean an option ("确认报名", "好的" for 确认提交), by the option's text */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** a fragment of exactly one option, or a sentence containing one long option (a title), also picks it */
  partial?: boolean;
}

/**
 * Which of `choices` the reply picks (its index): its number, its text, one of its synonyms, or with
 * `partial` a fragment of exactly one choice. Undefined when nothing or several match.
 */
export function pickChoice(text: string | undefined, choices: readonly string[], options: ChoiceMatching = {}): number | undefined {
  // ("確認無誤，送出": typed in Traditional characters, read as the Simplified choices are written.)
  const raw = toSimplified(toHalfWidth(text ?? '').trim());
  if (!raw || raw.length > 200) return undefined;
  const n = choiceNumber(raw);
  if (n !== undefined) return n >= 1 && n <= choices.length ? n - 1 : undefined;
  const wanted = looseText(raw);
  if (!wanted) return undefined;
  const exact = choices.findIndex((c) => looseText(c) === wanted);
  if (exact >= 0) return exact;
  const synonyms = options.synonyms ?? {};
  const meant = choices.map((c, i) => ({ i, words: synonyms[c] ?? [] })).filter(({ words }) => words.some((w) => looseText(w) === wanted));
  if (meant.length === 1) return meant[0].i;
  // "是的，确认", "好的 没问题": every part a word for the same choice.
  const parts = raw.split(/[\s\p{P}]+/u).map(looseText).filter(Boolean);
  if (parts.length >= 2) {
    const saying = choices.map((_c, i) => i).filter((i) => parts.every((p) => looseText(choices[i]) === p || (synonyms[choices[i]] ?? []).some((w) => looseText(w) === p)));
    if (saying.length === 1) return saying[0];
  }
  if (!options.partial || [...wanted].length < 2) return undefined;
  const partial = choices.map((c, i) => ({ c: looseText(c), i })).filter(({ c }) => c.includes(wanted) || (c.length >= 6 && wanted.includes(c)));
  return partial.length === 1 ? partial[0].i : undefined;
}
