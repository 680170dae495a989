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
  // "是的，确认", "好的 没问题", "确认没错，提交": every part made of words for the same choice.
  const parts = raw.split(/[\s\p{P}]+/u).map(looseText).filter(Boolean);
  const saying = choices.map((_c, i) => i).filter((i) => {
    const words = [choices[i], ...(synonyms[choices[i]] ?? [])].map(looseText).filter(Boolean);
    return parts.every((p) => madeOf(p, words));
  });
  if (saying.length === 1) return saying[0];
  if (!options.partial || [...wanted].length < 2) return undefined;
  const partial = choices.map((c, i) => ({ c: looseText(c), i })).filter(({ c }) => c.includes(wanted) || (c.length >= 6 && wanted.includes(c)));
  return partial.length === 1 ? partial[0].i : undefined;
}

/** The text is these words one after another ("确认没错" of 确认 and 没错), each used any number of times. */
function madeOf(text: string, words: readonly string[]): boolean {
  const reach = new Array<boolean>(text.length + 1).fill(false);
  reach[0] = true;
  for (let at = 0; at < text.length; at++) {
    if (!reach[at]) continue;
    for (const w of words) if (text.startsWith(w, at)) reach[at + w.length] = true;
  }
  return reach[text.length];
}
