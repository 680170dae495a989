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
import { TermWeights } from './termWeights';
import { VectorIndex } from './vectorIndex';
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
  canonicals: string[];
  /** what partial credit looks for in a vocabulary (worked out once per question, not once per item) */
  partial: PartialCues;
}

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
function partialCredit({ pieces, cueChars }: PartialCues, vocab: Set<string>): number {
  if (pieces.some((p) => vocab.has(p))) return 0.6;
  return cueChars.some((c) => vocab.has(c)) ? 0.5 : 0;
}

const NEUTRAL_COVERAGE = 0.5;
/** longer "words" (latin runs, numbers) get no partial credit */
const MAX_PARTIAL_WORD = 6;

/** one-character cue words that carry the question (慢, 快, 钱) */
const SINGLE_CHAR_CUES = /^[慢快钱]$/u;

export class Retriever {
  private readonly phrases = new VectorIndex<PhraseLabel>();
  private readonly bm25 = new Bm25<string>();
  private readonly vocab = new Map<string, Set<string>>();
  /** cleaned keyword → weight (specificity) per item */
  private readonly keywords = new Map<string, Map<string, number>>();
  private readonly weights = new TermWeights();
  private readonly allKeywords: string[];
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
      for (const cue of item.facets.flatMap((f) => f.cues)) vocab.add(cleanText(cue));
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
  }

  /** Informative words of the question with their weight and synonym canonicals (computed once per question). */
  private informativeWords(a: Analysis): QueryWord[] {
    return a.words
      .filter((w) => !this.analyzer.isStopword(w) && /[\p{L}\p{N}]/u.test(w) && ![...w].every((ch) => this.analyzer.isStopword(ch)))
      .map((word) => ({
        word,
        weight: this.weights.weight(word),
        canonicals: this.analyzer.normalizer.resolveSynonyms(word).canonicals,
        partial: partialCues(word),
      }));
  }

  /**
   * Share of the question's informative weight the vocabulary knows. A word also counts as known
   * when it lies inside a phrase the item knows: one of its keywords, or a synonym whose
   * canonical term the item uses (制定 in 谁制定 → 发文单位).
   */
  private coverage(words: QueryWord[], vocab: Set<string>, phrases: string[]): number {
    const total = words.reduce((s, w) => s + w.weight, 0);
    // Only function words ("有什么支持"): coverage says nothing either way.
    if (total === 0) return NEUTRAL_COVERAGE;
    let covered = 0;
    for (const { word, weight, canonicals, partial } of words) {
      if (vocab.has(word) || canonicals.some((c) => vocab.has(c)) || phrases.some((p) => p.includes(word))) covered += weight;
      else covered += weight * partialCredit(partial, vocab);
    }
    return covered / total;
  }

  /** Phrases of the question an item knows: its matched keywords and synonym variants it knows. */
  private knownPhrases(itemId: string, matched: Set<string>, a: Analysis, vocab: Set<string>): string[] {
    const map = this.keywords.get(itemId);
    const phrases = map ? [...matched].filter((k) => map.has(k)) : [];
    for (const m of a.synonymMatches) if (vocab.has(m.canonical)) phrases.push(m.variant);
    return phrases;
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
    for (const k of this.matchedKeywords(a)) {
      if (aspectWords.has(k)) continue;
      const into = QUESTION_WORD.test(k) ? byQuestion : byName;
      for (const [id, map] of this.keywords) if (map.has(k)) into.add(id);
    }
    // A keyword that is a way of asking ("哪一年", "几月几号") names its item only when nothing is
    // named by name: "三年行动计划是哪一年发的" is about the 三年行动计划, not the 汇计划's own date.
    return byName.size ? byName : byQuestion;
  }

  /** Items a question word alone names ("几月几号" of 印发日期) while something else is named by name. */
  namedByQuestionWordOnly(a: Analysis, aspectWords: ReadonlySet<string>): Set<string> {
    const byName = this.namedItems(a, aspectWords);
    const only = new Set<string>();
    for (const k of this.matchedKeywords(a)) {
      if (aspectWords.has(k) || !QUESTION_WORD.test(k)) continue;
      for (const [id, map] of this.keywords) if (map.has(k) && !byName.has(id)) only.add(id);
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
    const matched = this.allKeywords.filter((k) => a.normalized.includes(k) || a.canonicals.includes(k));
    // A keyword inside a longer matched keyword (诊断 in 深度诊断) does not count twice.
    return new Set(matched.filter((k) => !matched.some((o) => o !== k && o.includes(k))));
  }

  private keywordScore(itemId: string, matched: Set<string>): number {
    const map = this.keywords.get(itemId);
    if (!map) return 0;
    let sum = 0;
    for (const k of matched) sum += map.get(k) ?? 0;
    return 1 - Math.exp(-sum / KEYWORD_SCALE);
  }

  retrieve(a: Analysis): RetrievalResult {
    const phraseBest = new Map<string, number>();
    for (const hit of this.phrases.search(a.features, 60)) {
      const id = hit.label.itemId;
      if (!phraseBest.has(id)) phraseBest.set(id, hit.score);
    }
    const bm25 = new Map(this.bm25.score(a.terms).map((s) => [s.label, s.score]));
    const words = this.informativeWords(a);
    const matched = this.matchedKeywords(a);
    const ranked = this.kb.items
      .map((item) => {
        const phrase = phraseBest.get(item.id) ?? 0;
        const b = bm25.get(item.id) ?? 0;
        const keywords = this.keywordScore(item.id, matched);
        const vocab = this.vocab.get(item.id) ?? new Set<string>();
        const coverage = this.coverage(words, vocab, this.knownPhrases(item.id, matched, a, vocab));
        const score = W_PHRASE * phrase + W_BM25 * b + W_KEYWORDS * keywords;
        return { item, score, phrase, bm25: b, keywords, coverage };
      })
      .sort((x, y) => y.score - x.score);
    return { ranked };
  }
}
