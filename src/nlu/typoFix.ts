/**
 * A chat correction of a typo just sent: "*市级 麻烦了" after "…2022年评的是级专精特新，贷款有没有支持".
 * The word after the asterisk replaces the stretch of the earlier message it was meant to be: as long as
 * it, sounding alike character by character (是级 / 市级) or differing in one character only.
 */
import { tableReadings } from './pinyinReadings';

/** "*市级", "＊市级，麻烦了": the word after a leading asterisk (what follows the word is politeness). */
const STARRED = /^\s*[*＊]\s*([\p{Script=Han}A-Za-z0-9]{1,12})/u;

export function starredWord(text: string): string | undefined {
  return STARRED.exec(text)?.[1];
}

function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const readings = new Set(tableReadings(a));
  return tableReadings(b).some((r) => readings.has(r));
}

/**
 * The earlier message with the stretch the word corrects replaced; undefined when no stretch of it can be
 * told (none alike, several alike, or the word is already there).
 */
export function applyTypoFix(earlier: string, word: string): string | undefined {
  const chars = [...earlier];
  const want = [...word];
  if (want.length < 2 || earlier.includes(word)) return undefined;
  const found: number[] = [];
  for (let i = 0; i + want.length <= chars.length; i++) {
    const window = chars.slice(i, i + want.length);
    const differing = window.filter((ch, k) => ch !== want[k]).length;
    const alike = window.every((ch, k) => soundsAlike(ch, want[k]));
    if (differing > 0 && (alike || differing === 1)) found.push(i);
  }
  // (One stretch only: which of several the word means cannot be told.)
  if (found.length !== 1) return undefined;
  const at = found[0];
  return [...chars.slice(0, at), ...want, ...chars.slice(at + want.length)].join('');
}
