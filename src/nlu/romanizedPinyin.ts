/**
 * Domain words typed in pinyin letters ("biaogan学习" → 标杆学习, "shenduzhenduan" → 深度诊断): a run of
 * Latin letters that spells, without tones, a whole vocabulary word, or the start of one whose other
 * characters follow it in the text, or the end of one whose first characters come just before ("收fei").
 * English words ("ipo", "hr", "saas") spell no such reading and stay. A word of four characters or more may be
 * typed by its initials ("zjtx" → 专精特新).
 *
 * Everyday words the knowledge's own texts use (支持, 活动, 通知, 条件) are read too, but only when a run spells one
 * whole ("zhichi", "huodong tongzhi"): the words around a domain term are typed in letters as often as the term.
 */
import { readings } from './pinyinCorrector';

/** At most this many spellings per word prefix (polyphones multiply them). */
const MAX_SPELLINGS = 16;
/** A word spelled only in part needs at least this many characters in all (the typed rest anchors it). */
const MIN_PARTIAL_WORD = 3;
const LATIN_RUN = /(?<![a-z])[a-z]{2,}(?![a-z])/gu;
const SPACED_RUNS = /(?<![a-z])([a-z]{2,}) ([a-z]{2,})(?![a-z])/gu;
const HAN = /^\p{Script=Han}$/u;
/** Fewest characters a word abbreviated by its initials has. */
const MIN_INITIALS = 4;

/** The initials of a word's spellings (each polyphone's), at most MAX_SPELLINGS of them. */
function initialsOf(chars: string[]): string[] {
  let out = [''];
  for (const ch of chars) out = [...new Set(out.flatMap((p) => spellings(ch).map((s) => p + s[0])))].slice(0, MAX_SPELLINGS);
  return out;
}

interface Spelled {
  /** the vocabulary word, as characters */
  chars: string[];
  /** how many of its first characters the letters spell */
  spelled: number;
}

/** The spellings of one character: toneless readings, ü also typed as v or u. */
function spellings(ch: string): string[] {
  return [...new Set(readings(ch).flatMap((r) => (r.includes('ü') ? [r.replace(/ü/gu, 'v'), r.replace(/ü/gu, 'u')] : [r])))].filter((r) => /^[a-z]+$/u.test(r));
}

/** A word whose first characters are typed and whose rest, or a middle part, is spelled ("收fei" → 收费, "深度zhen断" → 深度诊断). */
interface SpelledEnd {
  chars: string[];
  /** where the spelled part starts */
  from: number;
  /** where it ends (the characters from here on follow the letters in the text) */
  to: number;
}

export class RomanizedPinyin {
  private readonly bySpelling = new Map<string, Spelled[]>();
  private readonly byEndSpelling = new Map<string, SpelledEnd[]>();
  /** words of four characters or more by their initials ("zjtx" → 专精特新), when those are consonants only */
  private readonly byInitials = new Map<string, string>();
  /** everyday words spelled whole, by spelling: the one used most in the knowledge's texts (通知, not 同志) */
  private readonly everyday = new Map<string, { word: string; uses: number }>();

  constructor(words: Iterable<string>) {
    const clashing = new Set<string>();
    for (const word of words) {
      const chars = [...word];
      // ("zjtx": an abbreviation by initials; consonants only, so no English word — "demo", "saas" — is read as one.)
      if (chars.length >= MIN_INITIALS && chars.every((ch) => HAN.test(ch))) {
        for (const initials of initialsOf(chars)) {
          if (!/^[b-df-hj-np-tw-z]+$/u.test(initials)) continue;
          const known = this.byInitials.get(initials);
          if (known !== undefined && known !== word) clashing.add(initials);
          else this.byInitials.set(initials, word);
        }
      }
      for (let from = 1; from < chars.length; from++) {
        let ends = [''];
        for (let to = from + 1; to <= chars.length; to++) {
          ends = [...new Set(ends.flatMap((p) => spellings(chars[to - 1]).map((s) => p + s)))].slice(0, MAX_SPELLINGS);
          for (const spelling of ends) {
            const list = this.byEndSpelling.get(spelling) ?? [];
            list.push({ chars, from, to });
            this.byEndSpelling.set(spelling, list);
          }
        }
      }
      let prefixes = [''];
      for (let k = 1; k <= chars.length; k++) {
        prefixes = [...new Set(prefixes.flatMap((p) => spellings(chars[k - 1]).map((s) => p + s)))].slice(0, MAX_SPELLINGS);
        if (prefixes.length === 0) break;
        const whole = k === chars.length;
        if (!(whole && k >= 2) && !(!whole && chars.length >= MIN_PARTIAL_WORD)) continue;
        for (const spelling of prefixes) {
          const list = this.bySpelling.get(spelling) ?? [];
          list.push({ chars, spelled: k });
          this.bySpelling.set(spelling, list);
        }
      }
    }
    for (const initials of clashing) this.byInitials.delete(initials);
  }

  /**
   * Adds everyday words with how often the knowledge's texts use them (words of two to four characters;
   * a spelling a domain word has stays the domain word's).
   */
  addEverydayWords(uses: ReadonlyMap<string, number>): void {
    for (const [word, count] of uses) {
      const chars = [...word];
      if (chars.length < 2 || chars.length > 4 || !chars.every((ch) => HAN.test(ch))) continue;
      let whole = [''];
      for (const ch of chars) whole = [...new Set(whole.flatMap((p) => spellings(ch).map((s) => p + s)))].slice(0, MAX_SPELLINGS);
      for (const spelling of whole) {
        if (this.bySpelling.get(spelling)?.some((c) => c.spelled === c.chars.length)) continue;
        const known = this.everyday.get(spelling);
        if (!known || count > known.uses) this.everyday.set(spelling, { word, uses: count });
      }
    }
  }

  /** The run spells a whole word (a domain word of Han characters, or an everyday word). */
  private spellsWhole(run: string): boolean {
    return this.everyday.has(run) || !!this.bySpelling.get(run)?.some((c) => c.spelled === c.chars.length && c.chars.every((ch) => HAN.test(ch)));
  }

  /** The text with every run of letters that spells a domain word written in characters. */
  read(input: string): string {
    if (!/[a-z]{2}/u.test(input)) return input;
    // "jingji danao": a word spelled in two runs with a space between is one run.
    const text = input.replace(SPACED_RUNS, (both: string, a: string, b: string) => (this.spellsWhole(a + b) ? a + b : both));
    return text.replace(LATIN_RUN, (run: string, offset: number) => {
      const candidates = this.bySpelling.get(run) ?? [];
      const after = text.slice(offset + run.length);
      // The word whose unspelled rest follows in the text, the longest such rest first; then a whole word.
      let best: Spelled | undefined;
      let bestRest = -1;
      for (const c of candidates) {
        const rest = c.chars.slice(c.spelled).join('');
        if (!after.startsWith(rest) || rest.length <= bestRest) continue;
        best = c;
        bestRest = rest.length;
      }
      if (best) return best.chars.slice(0, best.spelled).join('');
      // The word's start typed in characters just before ("收fei", "免fei"): the longest such start.
      const before = text.slice(0, offset);
      let end: SpelledEnd | undefined;
      for (const c of this.byEndSpelling.get(run) ?? []) {
        if (!before.endsWith(c.chars.slice(0, c.from).join('')) || !after.startsWith(c.chars.slice(c.to).join(''))) continue;
        if (!end || c.chars.length > end.chars.length) end = c;
      }
      return end ? end.chars.slice(end.from, end.to).join('') : (this.byInitials.get(run) ?? this.everyday.get(run)?.word ?? run);
    });
  }
}
