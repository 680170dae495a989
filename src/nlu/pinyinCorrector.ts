/**
 * Homophone and near-homophone typos in domain words, read through pinyin (every reading of a
 * polyphonic character, as pinyin-pro gives them, from a table generated from it: pinyinReadings.ts):
 * 描圃计划 → 苗圃计划, 深度枕断 → 深度诊断, 汇计画 → 汇计划.
 *
 * The vocabulary (measure, 汇, programme and unit names, keywords, synonyms, facet cues) is indexed
 * once at start by the "fuzzy" pinyin of its characters (zh/z, ch/c, sh/s, n/l, -ng/-n merged). A
 * window of the text with the same fuzzy pinyin as a vocabulary word of its length is rewritten when
 * it differs in few characters, and each differing character costs by kind: same syllable (a
 * homophone) less than a near syllable. Words of the text that are themselves known words are never
 * rewritten, so different words stay different. One character picked by its shape instead (苗圊计划) is read too, in
 * words of four characters or more, when it makes no word with its neighbours (shapeSlipCost); one of a listed
 * look-alike group (汲 for 级) in words of any length (lookAlikeCost).
 */
import { tableReadings } from './pinyinReadings';
import { isCjk } from '../text/normalize';

/** Costs of one substituted character. */
const COST = { homophone: 0.25, near: 0.5, shape: 0.75 } as const;
/** Highest total cost accepted, by window length. */
function maxCost(length: number): number {
  return length <= 3 ? COST.near : 0.75;
}
/** Most substituted characters, by window length. */
function maxSubstitutions(length: number): number {
  return length <= 3 ? 1 : 2;
}
/** What counts a noun: a numeral, 几, 每, 哪, 各, 第. */
const COUNTING = /^[一二三四五六七八九十两几每哪各第\d]$/u;
/** A personal pronoun: the object of a verb before it. */
const PRONOUN = /^[我你您他她它咱]$/u;
const MIN_WORD = 2;
/** Shortest domain word read through a character picked by its shape: shorter ones have too many neighbours. */
const MIN_SHAPE_WORD = 4;
/** How rare (jieba's idf as a word of its own) a character typed by its shape must be: 铁 6.1, 快 5.3, 说 2.6. */
const SLIP_RARITY = 6;
/** How rare the characters of a name are, but for one (上 of 上市培育): 有没有效 is made of common ones. */
const NAME_RARITY = 5;
/** Question words and particles, never a slip of the hand. */
const ASKING_CHARACTER = /^[哪啥咋谁几么吗呢吧嘛呀啊哦]$/u;
const MAX_WORD = 8;
/** Largest scratch array of corrections() (texts × vocabulary size), in bytes: ~1,500 characters at 660 words. */
const MAX_SCRATCH = 1 << 20;

/**
 * Caps of the per-character caches below: they fill from every message, so a stream of unusual
 * characters must not grow them without end (the common CJK block has ~21,000 characters; pinyin
 * has ~400 syllables). Past a cap, a new character is worked out each time instead.
 */
const MAX_CHARACTERS_CACHED = 25_000;
const MAX_FUZZY_CACHED = 5000;

const readingCache = new Map<string, string[]>();

/** Toneless pinyin readings of one character (every reading of a polyphone). */
export function readings(ch: string): string[] {
  let found = readingCache.get(ch);
  if (!found) {
    found = isCjk(ch) ? tableReadings(ch) : [ch];
    if (found.length === 0) found = [ch];
    if (readingCache.size < MAX_CHARACTERS_CACHED) readingCache.set(ch, found);
  }
  return found;
}

/** Fuzzy forms of the syllables seen (pinyin has ~400; a character without a reading is its own). */
const fuzzySyllables = new Map<string, string>();

/** The syllable with the usual confusions merged (zh→z, ch→c, sh→s, l→n, ang→an, eng→en, ing→in). */
export function fuzzy(syllable: string): string {
  let merged = fuzzySyllables.get(syllable);
  if (merged === undefined) {
    merged = mergeConfusions(syllable);
    if (fuzzySyllables.size < MAX_FUZZY_CACHED) fuzzySyllables.set(syllable, merged);
  }
  return merged;
}

function mergeConfusions(syllable: string): string {
  return syllable
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/ang$/, 'an')
    .replace(/eng$/, 'en')
    .replace(/ing$/, 'in');
}

const fuzzyCache = new Map<string, string[]>();

function fuzzyReadings(ch: string): string[] {
  let found = fuzzyCache.get(ch);
  if (!found) {
    found = [...new Set(readings(ch).map(fuzzy))];
    if (fuzzyCache.size < MAX_CHARACTERS_CACHED) fuzzyCache.set(ch, found);
  }
  return found;
}


/** Cost of reading `typed` as `known` (same length), or undefined when they are different words. */
function substitutionCost(typed: string[], known: string[]): number | undefined {
  let cost = 0;
  let substituted = 0;
  /** every near syllable differs from the word's only by a front or back nasal (招平 for 招聘: ping, pin) */
  let nasalOnly = true;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === known[i]) continue;
    if (!isCjk(typed[i])) return undefined;
    substituted++;
    // A typed character is read as people read it (its first reading: 给 is gei, not ji); the word
    // it stands for in any of its readings.
    const a = readings(typed[i])[0];
    const b = readings(known[i]);
    if (b.includes(a)) cost += COST.homophone;
    else {
      if (!fuzzyReadings(known[i]).includes(fuzzy(a))) return undefined;
      if (!b.some((r) => withFrontNasal(r) === withFrontNasal(a))) nasalOnly = false;
      cost += COST.near;
    }
  }
  const length = typed.length;
  if (substituted === 0 || substituted > maxSubstitutions(length)) return undefined;
  // Two-character words only take a true homophone (辅到 → 辅导), or the nasal southern speech does not tell apart
  // (招平 → 招聘) — never another near one.
  if (length === 2 && cost > COST.homophone && !nasalOnly) return undefined;
  return cost <= maxCost(length) ? cost : undefined;
}

/** The syllable with a back nasal final read as the front one (ping → pin, sheng → shen, zhang → zhan). */
function withFrontNasal(syllable: string): string {
  return syllable.replace(/ng$/, 'n');
}

export interface Correction {
  from: string;
  to: string;
  index: number;
}

interface Occurrence {
  /** the word's index in PinyinCorrector.words */
  id: number;
  length: number;
  /** position of the character in the word */
  pos: number;
}

export class PinyinCorrector {
  private readonly vocab: Set<string>;
  /** the vocabulary in order: an occurrence names its word by index (number keys, no strings per turn) */
  private readonly words: string[];
  /** index of the first word read only through a look-alike (shapeOnly): those after it take no sound or other shape */
  private readonly firstShapeOnly: number;
  /** each word's characters, by index */
  private readonly wordChars: string[][];
  /** character → where it stands in vocabulary words: windows are found from the characters they share */
  private readonly occurrences = new Map<string, Occurrence[]>();
  /** corrections()' scratch: shared characters by key (all zero between calls), the keys met and their counts */
  private counts = new Uint8Array(0);
  private keys = new Float64Array(256);
  private keyCounts = new Uint8Array(256);

  /**
   * @param words domain vocabulary (cleaned, lower case)
   * @param isKnownWord words of the general language (jieba's dictionary): such a window is a word of its own
   */
  constructor(
    words: Iterable<string>,
    private readonly isKnownWord: (word: string) => boolean = () => false,
    /** one-character nouns counted by number (类 of 三类, 汇 of 五个汇): "分几磊" → 分几类 */
    private readonly countedNouns: readonly string[] = [],
    /** characters used on their own all the time (说, 有, 才), by how rare a character must be (jieba's idf) */
    private readonly isCommonCharacter: (ch: string, rarity: number) => boolean = () => true,
    /** characters confused by their shape, as "typed|meant" (knowledge/nlu/synonyms.yaml lookAlikes) */
    private readonly lookAlikes: ReadonlySet<string> = new Set(),
    /** everyday words that ask (线上, 电话, 要钱): read only through a listed look-alike — their sounds have too many neighbours */
    shapeOnly: Iterable<string> = [],
  ) {
    const fits = (w: string) => {
      const chars = [...w];
      return chars.length >= MIN_WORD && chars.length <= MAX_WORD && chars.every(isCjk);
    };
    this.vocab = new Set([...words].filter(fits));
    const onlyByShape = [...shapeOnly].filter((w) => fits(w) && !this.vocab.has(w));
    this.words = [...this.vocab, ...onlyByShape];
    this.firstShapeOnly = this.vocab.size;
    for (const w of onlyByShape) this.vocab.add(w);
    this.wordChars = this.words.map((w) => [...w]);
    this.wordChars.forEach((chars, id) => {
      chars.forEach((ch, pos) => {
        const list = this.occurrences.get(ch) ?? [];
        list.push({ id, length: chars.length, pos });
        this.occurrences.set(ch, list);
        readings(ch);
      });
    });
  }

  get size(): number {
    return this.vocab.size;
  }

  /** Whether the word is one of the general language's (jieba's dictionary). */
  isGeneralWord(word: string): boolean {
    return this.isKnownWord(word);
  }

  /** Whether the word is one of the domain vocabulary's. */
  knows(word: string): boolean {
    return this.vocab.has(word);
  }

  /** Whether a domain word begins with these two characters ("人才" of 人才对接), being a word of its own. */
  beginsDomainWord(pair: string): boolean {
    const [first, second] = [...pair];
    if (!first || !second || !this.isKnownWord(pair)) return false;
    return (this.occurrences.get(first) ?? []).some((o) => o.pos === 0 && this.wordChars[o.id][1] === second);
  }

  /** Corrections of the text, longest words first, never overlapping each other or a known domain word. */
  corrections(text: string): Correction[] {
    const chars = [...text];
    const n = chars.length;
    // Vocabulary words aligned with the text, by how many characters they share with it there
    // (key: start × vocabulary size + word index), listed in the order first met. Counted in a
    // scratch array kept between calls (a Map per call was most of this method's garbage and time);
    // a text too long for it is counted in a Map, in the same order.
    const size = this.words.length;
    const dense = n * size <= MAX_SCRATCH;
    if (dense && this.counts.length < n * size) this.counts = new Uint8Array(Math.min(MAX_SCRATCH, Math.max(n * size, this.counts.length * 2)));
    const counts = this.counts;
    const map = dense ? undefined : new Map<number, number>();
    let keys = this.keys;
    let touched = 0;
    for (let p = 0; p < n; p++) {
      const list = this.occurrences.get(chars[p]);
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i++) {
        const o = list[i];
        const start = p - o.pos;
        if (start < 0 || start + o.length > n) continue;
        const key = start * size + o.id;
        const before = map ? (map.get(key) ?? 0) : counts[key];
        if (before === 0) {
          if (touched === keys.length) {
            const grown = new Float64Array(keys.length * 2);
            grown.set(keys);
            this.keys = keys = grown;
          }
          keys[touched++] = key;
        }
        if (map) map.set(key, before + 1);
        else counts[key] = before + 1;
      }
    }
    // Each key's count beside it, and the scratch counts back to zero for the next call.
    if (this.keyCounts.length < keys.length) this.keyCounts = new Uint8Array(keys.length);
    const keyCounts = this.keyCounts;
    for (let k = 0; k < touched; k++) {
      keyCounts[k] = map ? (map.get(keys[k]) as number) : counts[keys[k]];
      if (!map) counts[keys[k]] = 0;
    }
    const covered = new Uint8Array(n);
    // Exact domain words stay as they are: all of them marked before any candidate is weighed.
    for (let k = 0; k < touched; k++) {
      const key = keys[k];
      const start = Math.floor(key / size);
      const length = this.wordChars[key % size].length;
      if (keyCounts[k] === length) covered.fill(1, start, start + length);
    }
    /** byShape: read through a character picked by its shape (shapeSlipCost), not by its sound */
    const found: Array<Correction & { cost: number; length: number; byShape: boolean }> = [];
    for (let k = 0; k < touched; k++) {
      const key = keys[k];
      const start = Math.floor(key / size);
      const id = key % size;
      const length = this.wordChars[id].length;
      const count = keyCounts[k];
      if (count === length || length - count > maxSubstitutions(length)) continue;
      let allCovered = true;
      for (let j = start; j < start + length; j++) if (!covered[j]) allCovered = false;
      if (allCovered) continue;
      const window = chars.slice(start, start + length);
      const shapeOnly = id >= this.firstShapeOnly;
      const bySound = shapeOnly ? undefined : substitutionCost(window, this.wordChars[id]);
      // (A listed look-alike is as sure as a sound: it competes with the words read by sound, not by any shape.)
      const lookAlike = bySound === undefined && count === length - 1 ? this.lookAlikeCost(chars, start, this.wordChars[id]) : undefined;
      const cost = bySound ?? lookAlike ?? (count === length - 1 && !shapeOnly ? this.shapeSlipCost(chars, start, this.wordChars[id]) : undefined);
      if (cost === undefined) continue;
      const byShape = bySound === undefined && lookAlike === undefined;
      const typed = window.join('');
      if (length <= 3 && this.isKnownWord(typed)) continue;
      // A two-character window whose characters belong to words beside it (市计 of 上市计划) is no word.
      // (At the text's edge there is no word beside it: "怎么报铭" ends in a typo of 报名 — but a numeral has too
      // many homophones to be read there: "这家企业是异类" is no 一类.)
      const atEdge = start === 0 || start + 2 >= n;
      // ("专精特新沙拢": a character of a domain word read whole belongs to it — 新沙 is no word there.)
      const before = start > 0 && !covered[start - 1] && this.isKnownWord(`${chars[start - 1]}${chars[start]}`);
      const after = start + 2 < n && !covered[start + 2] && this.isKnownWord(`${chars[start + 1]}${chars[start + 2]}`);
      if (length === 2 && (before || after || (atEdge && COUNTING.test(this.wordChars[id][0])))) continue;
      if (this.insideLongerWord(chars, start, length)) continue;
      if (length > 2 && this.changedEdgeFormsWord(chars, start, length, this.wordChars[id])) continue;
      // ("那个培训帮我报一下": a changed last character before a pronoun is a verb taking it — 帮我, 给你 — no 培训班.)
      const end = start + length - 1;
      if (chars[end] !== this.wordChars[id][length - 1] && PRONOUN.test(chars[end + 1] ?? '')) continue;
      // "申请十几个" is no typo of 申请市级: the characters it would change are a word of their own.
      // ("只是产权申报" is 知识产权: a word misheard whole beside a word of the domain term, by homophones only.)
      // (Only the opening part misheard, the rest kept whole: "申请十几" is no 申请市级.)
      const keptFrom = window.findIndex((c, i) => c === this.wordChars[id][i]);
      const kept = window.slice(keptFrom).join('');
      const headKept = keptFrom > 0 && window.slice(keptFrom).every((c, i) => c === this.wordChars[id][keptFrom + i]);
      const homophonesBeforeDomainWord = length >= 4 && cost <= 2 * COST.homophone && headKept && [...kept].length >= 2 && (this.knows(kept) || this.isKnownWord(kept));
      if (length > 2 && this.changesAWord(window, this.wordChars[id]) && !homophonesBeforeDomainWord) continue;
      found.push({ from: typed, to: this.words[id], index: start, cost, length, byShape });
    }
    // (A window one shape slip away from two words — 服务专贝: 专员 or 专窗? — is read as neither.)
    const shapeTargets = new Map<string, Set<string>>();
    for (const f of found) if (f.byShape) shapeTargets.set(`${f.index}:${f.length}`, (shapeTargets.get(`${f.index}:${f.length}`) ?? new Set()).add(f.to));
    const candidates = found.filter((f) => !f.byShape || shapeTargets.get(`${f.index}:${f.length}`)!.size === 1);
    for (const c of this.countedNounCorrections(chars, covered)) candidates.push(c);
    // (A shape slip is the last reading of a window: "有没有铁息" is 贴息 misheard, not 有没有效.)
    candidates.sort((a, b) => Number(a.byShape) - Number(b.byShape) || b.length - a.length || a.cost - b.cost || a.index - b.index);
    const taken = new Uint8Array(n);
    const chosen: Correction[] = [];
    for (const f of candidates) {
      let free = true;
      for (let j = f.index; j < f.index + f.length; j++) if (taken[j]) free = false;
      if (!free) continue;
      taken.fill(1, f.index, f.index + f.length);
      chosen.push({ from: f.from, to: f.to, index: f.index });
    }
    return chosen.sort((a, b) => a.index - b.index);
  }

  /**
   * A homophone of a counted noun right after a number or 几/每/哪/各/第 ("分几磊", "每磊", "第三磊"),
   * unless the two make a word of the language (一会, 几回).
   */
  private countedNounCorrections(chars: string[], covered: Uint8Array): Array<Correction & { cost: number; length: number; byShape: boolean }> {
    const out: Array<Correction & { cost: number; length: number; byShape: boolean }> = [];
    if (this.countedNouns.length === 0) return out;
    for (let i = 1; i < chars.length; i++) {
      const ch = chars[i];
      if (covered[i] || !COUNTING.test(chars[i - 1]) || this.countedNouns.includes(ch) || !isCjk(ch) || this.isKnownWord(`${chars[i - 1]}${ch}`)) continue;
      const typed = readings(ch);
      const noun = this.countedNouns.find((n) => readings(n).some((r) => typed.includes(r)));
      if (noun) out.push({ from: ch, to: noun, index: i, cost: COST.homophone, length: 1, byShape: false });
    }
    return out;
  }

  /**
   * The text reads as two words of the language where the window would change its edge character
   * (海外人才回国 is 人才 + 回国, not 人才汇 + 国); "人才申抱有" is no such split (人才申 is no word).
   */
  private changedEdgeFormsWord(chars: string[], start: number, length: number, known: string[]): boolean {
    const end = start + length - 1;
    const before = chars[start - 1];
    const after = chars[end + 1];
    const word = (from: number, to: number) => this.isKnownWord(chars.slice(from, to).join(''));
    if (after !== undefined && chars[end] !== known[length - 1] && this.isKnownWord(`${chars[end]}${after}`) && word(start, end)) return true;
    // (Two characters before it may make the word too: "董事会计划" is 董事会 + 计划, not 董事 + 汇计划.)
    const ending = (from: number) => from >= 0 && this.isKnownWord(chars.slice(from, start + 1).join(''));
    // ("这个措施的责任单位" is 这个 + 措施…, not 这 + 各措施的责任单位: the rest starts with a word of its own.)
    const restStartsAWord = [2, 3, 4].some((k) => start + 1 + k <= end + 1 && word(start + 1, start + 1 + k));
    return before !== undefined && chars[start] !== known[0] && (ending(start - 1) || ending(start - 2)) && (word(start + 1, end + 1) || restStartsAWord);
  }

  /** The characters a correction would change, side by side, make a word of the language (十几 of 申请十几, not 描). */
  private changesAWord(typed: string[], known: string[]): boolean {
    let run = '';
    for (let i = 0; i <= typed.length; i++) {
      if (i < typed.length && typed[i] !== known[i]) run += typed[i];
      else {
        // (Half the window or more: "只是产权保护" is still 知识产权保护, a long word with a small part misheard.)
        if ([...run].length >= 2 && [...run].length * 2 >= typed.length && this.isKnownWord(run)) return true;
        run = '';
      }
    }
    return false;
  }

  /**
   * One character after the first of a domain word of four characters or more typed as another that sounds nothing
   * like it — a character picked by its shape (苗圊计划, 深度诊继, 专精持新) — when the character makes no word with the
   * characters beside it in the text (专精特色, 项目申请, 深度诊疗 stay: 特色, 申请, 诊疗 are words; so does 专精特新企业).
   */
  /**
   * One character typed as a listed look-alike of the word's ("省汲" → 省级, "上巿" → 上市, "小巨入" → 小巨人): read in
   * words of any length and at any place, as a near sound is — unless the window is a word of its own.
   */
  private lookAlikeCost(chars: string[], start: number, known: string[]): number | undefined {
    const at = known.findIndex((c, i) => c !== chars[start + i]);
    if (at < 0 || !this.lookAlikes.has(`${chars[start + at]}|${known[at]}`)) return undefined;
    if (this.isKnownWord(chars.slice(start, start + known.length).join(''))) return undefined;
    return COST.shape;
  }

  private shapeSlipCost(chars: string[], start: number, known: string[]): number | undefined {
    const length = known.length;
    if (length < MIN_SHAPE_WORD) return undefined;
    const at = known.findIndex((c, i) => c !== chars[start + i]);
    const p = start + at;
    // (Never the first character — "拿的国家级" is no 冲国家级 — nor a character in common use on its own, "听人说资源…"
    // is no 人才资源, nor a question word: "对象分哪三类" is no 对象分类. A phrase of common characters — 有没有效 — is no
    // name to be misread.)
    if (at <= 0 || !isCjk(chars[p]) || this.isCommonCharacter(chars[p], SLIP_RARITY) || ASKING_CHARACTER.test(chars[p])) return undefined;
    if (known.filter((c) => this.isCommonCharacter(c, NAME_RARITY)).length > 1) return undefined;
    if (this.isKnownWord(chars.slice(start, start + length).join(''))) return undefined;
    const formsWord = (w: string) => this.isKnownWord(w) || this.knows(w);
    if (p > 0 && formsWord(`${chars[p - 1]}${chars[p]}`)) return undefined;
    if (p + 1 < chars.length && formsWord(`${chars[p]}${chars[p + 1]}`)) return undefined;
    return COST.shape;
  }

  /** The window is part of a longer word of the language (国家机 of 国家机关): it is no typo. */
  private insideLongerWord(chars: string[], start: number, length: number): boolean {
    for (let a = Math.max(0, start - 2); a <= start; a++) {
      for (let b = start + length; b <= Math.min(chars.length, start + length + 2); b++) {
        if (b - a > length && this.isKnownWord(chars.slice(a, b).join(''))) return true;
      }
    }
    return false;
  }

  /**
   * The text with every correction applied. A text corrected is read once more: a word just corrected is whole
   * then, and no longer lends a character to a word of the language beside a typo ("砖精特新沙拢": 新沙).
   */
  correct(text: string): string {
    const once = this.applied(text);
    return once === text ? text : this.applied(once);
  }

  private applied(text: string): string {
    const list = this.corrections(text);
    if (list.length === 0) return text;
    const chars = [...text];
    for (const c of list.reverse()) chars.splice(c.index, [...c.from].length, ...c.to);
    return chars.join('');
  }
}
