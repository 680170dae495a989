/**
 * Finds the knowledge items a question is about. Four signals are fused:
 * - phrase: TF-IDF cosine (words + character n-grams) to the item's known phrasings;
 * - bm25: BM25 of the question's terms over the item's whole text;
 * - keywords: the item's keywords found in the question, weighted by how specific they are;
 * - coverage: how much of the question's informative words the item's vocabulary covers
 *   (low coverage = the question is about something the policy does not say).
 */
import type { KnowledgeItem } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import type { Analysis, Analyzer } from './analyzer';
import { Bm25 } from './bm25';
import { cleanText } from '../text/normalize';
import { cueParts } from '../text/cues';
import { TermWeights } from './termWeights';
import { sortByScore, VectorIndex } from './vectorIndex';
import { QUESTION_WORD } from './questionWords';

export interface ScoredItem {
  item: KnowledgeItem;
  /** fused score in [0, 1] */
  score: number;
  phrase: number;
  bm25: number;
  keywords: number;
  coverage: number;
}

export interface RetrievalResult {
  ranked: ScoredItem[];
}

/** Weights of the fused score. */
const W_PHRASE = 0.45;
const W_BM25 = 0.2;
const W_KEYWORDS = 0.35;
/** keyword evidence saturates: 1 - exp(-sum / KEYWORD_SCALE) */
const KEYWORD_SCALE = 2.5;

interface QueryWord {
  word: string;
  weight: number;
  /**
   * What each item's vocabulary makes of the word, by item position: KNOWN when it holds the word or
   * one of its canonicals, else the partial credit (0 when none). Worked out once per word.
   */
  credit: Float64Array;
}

/** QueryWord.credit of an item whose vocabulary holds the word. */
const KNOWN = -1;

interface PhraseLabel {
  itemId: string;
}

function itemPhrases(item: KnowledgeItem): string[] {
  return [item.title, item.ask, ...item.questions, ...item.facets.flatMap((f) => (f.ask ? [f.ask] : []))];
}

function itemTexts(item: KnowledgeItem): string[] {
  return [
    item.title,
    item.title,
    item.title,
    ...item.keywords,
    ...item.keywords,
    item.ask,
    ...item.questions,
    item.answer,
    item.text,
    ...(item.responsible ?? []),
    ...item.facets.flatMap((f) => [...f.cues, f.answer, f.ask ?? '']),
  ];
}

/** The pieces of a word partial credit looks for: its inner words, longest first, and its one-character cues. */
interface PartialCues {
  pieces: string[];
  cueChars: string[];
}

function partialCues(word: string): PartialCues {
  const chars = [...word];
  if (chars.length < 2 || chars.length > MAX_PARTIAL_WORD) return { pieces: [], cueChars: [] };
  const pieces: string[] = [];
  for (let len = chars.length - 1; len >= 2; len--) {
    for (let i = 0; i + len <= chars.length; i++) pieces.push(chars.slice(i, i + len).join(''));
  }
  return { pieces, cueChars: chars.length <= 3 ? chars.filter((c) => SINGLE_CHAR_CUES.test(c)) : [] };
}

/**
 * Credit for a word the vocabulary does not hold: part of it is known
 * (太慢 → 慢, 专利申请 → 专利); unrelated words (所得税, 土地) get none.
 */
function partialCredit({ pieces, cueChars }: PartialCues, vocab: ReadonlySet<string>): number {
  if (someIn(pieces, vocab)) return 0.6;
  return someIn(cueChars, vocab) ? 0.5 : 0;
}

/** Whether any of the words is in the set (a loop: this runs per word and item of every question). */
function someIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < words.length; i++) if (set.has(words[i])) return true;
  return false;
}

const NEUTRAL_COVERAGE = 0.5;
const EMPTY: ReadonlySet<string> = new Set();
const NONE: readonly string[] = [];
const NONE_INDEX: readonly number[] = [];
const NO_WEIGHTS: ReadonlyArray<{ item: number; weight: number }> = [];
/** distinct question words kept with their coverage cues */
const QUERY_WORD_CACHE = 5000;
/** longer "words" (latin runs, numbers) get no partial credit */
const MAX_PARTIAL_WORD = 6;

/** one-character cue words that carry the question (慢, 快, 钱) */
const SINGLE_CHAR_CUES = /^[慢快钱]$/u;

/** What is left of a keyword once the aspect word it opens with is taken away, when it only names whom is asked for. */
const ASKED_OFFICE = /^(?:部门|单位|机构)$/u;

export class Retriever {
  private readonly phrases = new VectorIndex<PhraseLabel>();
  private readonly bm25 = new Bm25<string>();
  private readonly vocab = new Map<string, Set<string>>();
  /** cleaned keyword → weight (specificity) per item */
  private readonly keywords = new Map<string, Map<string, number>>();
  private readonly weights = new TermWeights();
  private readonly allKeywords: string[];
  /** words of questions already seen, with what coverage needs of them (bounded) */
  private readonly queryWords = new Map<string, QueryWord | null>();
  /** each item's vocabulary, by item position */
  private readonly itemVocabs: ReadonlyArray<ReadonlySet<string>>;
  /** keyword → the items (by position) that have it, with its weight for each */
  private readonly keywordWeights = new Map<string, Array<{ item: number; weight: number }>>();
  /** keyword → the items that have it, in the order namedItems() adds them */
  private readonly keywordItems = new Map<string, string[]>();
  /** keywords by their first character, with their position in allKeywords */
  private readonly keywordsByFirst = new Map<string, number[]>();
  private readonly keywordPosition = new Map<string, number>();
  /** retrieve() and namedItems() ask for the same analysis's keywords: found once */
  private readonly matchedByAnalysis = new WeakMap<Analysis, Set<string>>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly analyzer: Analyzer,
    /** leave these phrasings out (cross-validation) */
    exclude: ReadonlySet<string> = new Set(),
  ) {
    const keywordItems = new Map<string, Set<string>>();
    for (const item of kb.items) {
      for (const p of itemPhrases(item)) {
        if (exclude.has(p)) continue;
        this.phrases.add({ itemId: item.id }, analyzer.analyze(p).features);
      }
      const vocab = new Set<string>();
      const terms: string[] = [];
      for (const t of itemTexts(item)) {
        if (!t || exclude.has(t)) continue;
        const a = analyzer.analyze(t);
        terms.push(...a.terms);
        for (const w of [...a.words, ...a.canonicals]) vocab.add(w);
        // The parts of a compound the item uses count as known words (辅导 of 上市辅导).
        for (const w of a.words) if ([...w].length >= 3) for (const part of analyzer.segmenter.cutForSearch(w)) vocab.add(part);
      }
      for (const cue of item.facets.flatMap((f) => f.cues).flatMap(cueParts)) vocab.add(cue);
      // Every item is part of the programme: naming it ("方案里…一项") asks nothing the item lacks.
      for (const w of kb.programmeWords) vocab.add(cleanText(w));
      // Every item can say honestly that it does not give a detail (课程表, 通过率): asking for one
      // is still a question about the item, not an unknown topic.
      for (const cue of kb.messages.unlistedDetails?.details.flatMap((d) => d.cues) ?? []) vocab.add(cleanText(cue));
      for (const g of kb.messages.genericFacets) {
        if (item[g.field] === undefined) continue;
        for (const cue of g.cues) for (const w of [cleanText(cue), ...analyzer.analyze(cue).words]) vocab.add(w);
      }
      for (const k of [...item.keywords, item.title]) {
        const key = cleanText(k);
        vocab.add(key);
        const set = keywordItems.get(key) ?? new Set<string>();
        set.add(item.id);
        keywordItems.set(key, set);
      }
      this.vocab.set(item.id, vocab);
      this.bm25.add(item.id, terms);
    }
    this.phrases.build();
    this.bm25.build();
    const n = kb.items.length;
    this.allKeywords = [...keywordItems.keys()];
    for (const [key, items] of keywordItems) {
      const specificity = Math.log((n + 1) / items.size);
      for (const id of items) {
        const map = this.keywords.get(id) ?? new Map<string, number>();
        map.set(key, specificity * Math.min(1.5, 0.5 + key.length / 4));
        this.keywords.set(id, map);
      }
    }
    this.itemVocabs = kb.items.map((item) => this.vocab.get(item.id) ?? EMPTY);
    kb.items.forEach((item, i) => {
      for (const [k, weight] of this.keywords.get(item.id) ?? []) {
        const list = this.keywordWeights.get(k) ?? [];
        list.push({ item: i, weight });
        this.keywordWeights.set(k, list);
      }
    });
    for (const [id, map] of this.keywords) {
      for (const k of map.keys()) {
        const ids = this.keywordItems.get(k) ?? [];
        ids.push(id);
        this.keywordItems.set(k, ids);
      }
    }
    this.allKeywords.forEach((k, i) => {
      this.keywordPosition.set(k, i);
      const first = k.charAt(0);
      const list = this.keywordsByFirst.get(first) ?? [];
      list.push(i);
      this.keywordsByFirst.set(first, list);
    });
  }

  /** Informative words of the question with their weight and what each item knows of them (worked out once per word). */
  private informativeWords(a: Analysis): QueryWord[] {
    const words: QueryWord[] = [];
    for (const w of a.words) {
      let q = this.queryWords.get(w);
      if (q === undefined) {
        q = this.queryWord(w);
        // Words come from users: a bounded cache, emptied when full.
        if (this.queryWords.size >= QUERY_WORD_CACHE) this.queryWords.clear();
        this.queryWords.set(w, q);
      }
      if (q) words.push(q);
    }
    return words;
  }

  /** What a question's word brings to coverage; null for a function word. Depends on the word alone. */
  private queryWord(word: string): QueryWord | null {
    if (this.analyzer.isStopword(word) || !/[\p{L}\p{N}]/u.test(word) || [...word].every((ch) => this.analyzer.isStopword(ch))) return null;
    const canonicals = this.analyzer.normalizer.resolveSynonyms(word).canonicals;
    const partial = partialCues(word);
    const credit = Float64Array.from(this.kb.items, (item) => {
      const vocab = this.vocab.get(item.id) ?? EMPTY;
      return vocab.has(word) || someIn(canonicals, vocab) ? KNOWN : partialCredit(partial, vocab);
    });
    return { word, weight: this.weights.weight(word), credit };
  }

  /**
   * Share of the question's informative weight the vocabulary knows. A word also counts as known
   * when it lies inside a phrase the item knows: one of its keywords, or a synonym whose
   * canonical term the item uses (制定 in 谁制定 → 发文单位).
   */
  private coverage(words: QueryWord[], total: number, item: number, inPhrase: Uint8Array): number {
    // Only function words ("有什么支持"): coverage says nothing either way.
    if (total === 0) return NEUTRAL_COVERAGE;
    let covered = 0;
    const items = this.itemVocabs.length;
    for (let w = 0; w < words.length; w++) {
      const { weight, credit } = words[w];
      const known = credit[item];
      if (known === KNOWN || inPhrase[w * items + item] === 1) covered += weight;
      else covered += weight * known;
    }
    return covered / total;
  }

  /**
   * By question word, then item position (word × items + item): 1 when the word lies inside a
   * phrase of the question the item knows — one of its keywords found in the question, or a synonym
   * variant of the question whose canonical term the item uses (a word counts as covered then).
   */
  private inKnownPhrases(words: QueryWord[], matched: Set<string>, a: Analysis): Uint8Array {
    const items = this.itemVocabs.length;
    const inPhrase = new Uint8Array(words.length * items);
    words.forEach(({ word }, w) => {
      for (const k of matched) {
        if (!k.includes(word)) continue;
        for (const { item } of this.keywordWeights.get(k) ?? NO_WEIGHTS) inPhrase[w * items + item] = 1;
      }
      for (const m of a.synonymMatches) {
        if (!m.variant.includes(word)) continue;
        for (let i = 0; i < items; i++) if (this.itemVocabs[i].has(m.canonical)) inPhrase[w * items + i] = 1;
      }
    });
    return inPhrase;
  }

  /** How specific a term is to few items (BM25 idf over the items; 0 when no item uses it). */
  specificity(term: string): number {
    return this.bm25.termIdf(term);
  }

  /**
   * Items the question names by a keyword of their own that is not an aspect word (收费, 负责,
   * 多久…): "要钱吗" names no topic, "上市培育要钱吗" does.
   */
  namedItems(a: Analysis, aspectWords: ReadonlySet<string>): Set<string> {
    const byName = new Set<string>();
    const byQuestion = new Set<string>();
    // A keyword inside a way of asking ("报名" in "报名费吗", a fee) names nothing.
    const found = [...aspectWords].filter((w) => w.length > 1 && a.normalized.includes(w));
    const rest = found.length ? found.sort((x, y) => y.length - x.length).reduce((t, w) => t.split(w).join('，'), a.normalized) : a.normalized;
    for (const k of this.matchedKeywords(a)) {
      if (aspectWords.has(k)) continue;
      if (found.some((w) => w !== k && w.includes(k)) && a.normalized.includes(k) && !rest.includes(k)) continue;
      // (Nor does an aspect word with the office it asks for: "牵头部门是哪个" asks who leads, of no topic.)
      if (found.some((w) => k.length > w.length && k.startsWith(w) && ASKED_OFFICE.test(k.slice(w.length)))) continue;
      // (A synonym's canonical word counts as its variant does: "哪些级别的企业" asks whom, 级别 → 荣誉 names no tier.)
      const variants = a.normalized.includes(k) ? [] : (a.synonymMatches ?? []).filter((m) => m.canonical === k).map((m) => m.variant);
      if (variants.length && variants.every((v) => found.some((w) => w.includes(v)) && !rest.includes(v))) continue;
      const into = QUESTION_WORD.test(k) ? byQuestion : byName;
      for (const id of this.keywordItems.get(k) ?? NONE) into.add(id);
    }
    // A keyword that is a way of asking ("哪一年", "几月几号") names its item only when nothing is
    // named by name: "三年行动计划是哪一年发的" is about the 三年行动计划, not the 汇计划's own date.
    return byName.size ? byName : byQuestion;
  }

  /**
   * Items only a way of asking names — a question word ("几月几号" of 印发日期) or an aspect word
   * ("线上", "线下" of the job fair's form) — while something else is named by name.
   */
  namedByAskingOnly(a: Analysis, aspectWords: ReadonlySet<string>): Set<string> {
    const byName = this.namedItems(a, aspectWords);
    const only = new Set<string>();
    for (const k of this.matchedKeywords(a)) {
      if (!aspectWords.has(k) && !QUESTION_WORD.test(k)) continue;
      for (const id of this.keywordItems.get(k) ?? NONE) if (!byName.has(id)) only.add(id);
    }
    return only;
  }

  /** Keywords (of any item) found in the question, without those inside a longer found one (once per analysis). */
  private matchedKeywords(a: Analysis): Set<string> {
    let found = this.matchedByAnalysis.get(a);
    if (!found) {
      found = this.findKeywords(a);
      this.matchedByAnalysis.set(a, found);
    }
    return found;
  }

  private findKeywords(a: Analysis): Set<string> {
    // Every keyword the text holds or a canonical is, in the order of allKeywords.
    const text = a.normalized;
    const found = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const starting = this.keywordsByFirst.get(text[i]);
      if (starting) for (const k of starting) if (text.startsWith(this.allKeywords[k], i)) found.add(k);
    }
    for (const k of this.keywordsByFirst.get('') ?? NONE_INDEX) found.add(k);
    for (const c of a.canonicals) {
      const k = this.keywordPosition.get(c);
      if (k !== undefined) found.add(k);
    }
    const matched = [...found].sort((x, y) => x - y).map((k) => this.allKeywords[k]);
    // A keyword inside a longer matched keyword (诊断 in 深度诊断) does not count twice.
    return new Set(matched.filter((k) => !matched.some((o) => o !== k && o.includes(k))));
  }

  /** Keyword evidence of every item, by position: each item's weights summed in the order of `matched`. */
  private keywordScores(matched: Set<string>): Float64Array {
    const sums = new Float64Array(this.kb.items.length);
    for (const k of matched) for (const { item, weight } of this.keywordWeights.get(k) ?? NO_WEIGHTS) sums[item] += weight;
    for (let i = 0; i < sums.length; i++) sums[i] = 1 - Math.exp(-sums[i] / KEYWORD_SCALE);
    return sums;
  }

  retrieve(a: Analysis): RetrievalResult {
    const phraseBest = new Map<string, number>();
    for (const hit of this.phrases.search(a.features, 60)) {
      const id = hit.label.itemId;
      if (!phraseBest.has(id)) phraseBest.set(id, hit.score);
    }
    // BM25 documents are the items, added in order.
    const bm25 = this.bm25.scoreByDoc(a.terms);
    const words = this.informativeWords(a);
    const total = words.reduce((s, w) => s + w.weight, 0);
    const matched = this.matchedKeywords(a);
    const keywordScores = this.keywordScores(matched);
    const inPhrase = this.inKnownPhrases(words, matched, a);
    const ranked = this.kb.items.map((item, i) => {
      const phrase = phraseBest.get(item.id) ?? 0;
      const b = bm25[i];
      const keywords = keywordScores[i];
      const coverage = this.coverage(words, total, i, inPhrase);
      const score = W_PHRASE * phrase + W_BM25 * b + W_KEYWORDS * keywords;
      return { item, score, phrase, bm25: b, keywords, coverage };
    });
    sortByScore(ranked);
    return { ranked };
  }
}

