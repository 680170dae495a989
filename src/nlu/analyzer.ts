/** Turns a text into everything the matchers need (clean text, words, terms, features). */
import type { KnowledgeBase } from '../knowledge/types';
import { buildFeatures, type FeatureBag } from './features';
import { Normalizer } from './normalizer';
import { Segmenter } from './segmenter';
import { pinyinCorrectorFor, romanizedPinyinFor } from './vocabulary';
import { cleanText, isMeaningless } from '../text/normalize';

export interface Analysis {
  raw: string;
  /** cleaned (NFKC, lower case) with typos fixed: input of entity extraction */
  clean: string;
  /** clean text with replace-synonyms applied */
  normalized: string;
  /** segmented words of the normalised text */
  words: string[];
  /** canonical terms of synonyms found in the text */
  canonicals: string[];
  /** synonym variants found in the text with their canonical term */
  synonymMatches: Array<{ variant: string; canonical: string }>;
  /** content words (no stopwords) plus canonicals, deduplicated */
  terms: string[];
  features: FeatureBag;
  /** nothing but punctuation, emoji or spaces */
  meaningless: boolean;
}

export class Analyzer {
  readonly normalizer: Normalizer;
  readonly segmenter: Segmenter;
  private readonly stopwords: Set<string>;

  constructor(kb: KnowledgeBase) {
    this.normalizer = new Normalizer(kb.synonyms, pinyinCorrectorFor(kb), romanizedPinyinFor(kb));
    this.segmenter = new Segmenter(kb.dictionary);
    this.stopwords = new Set(kb.stopwords.map((w) => cleanText(w)));
  }

  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /** `fixed`: the text is already cleaned with its typos fixed (a clause of an analysed message). */
  analyze(raw: string, fixed = false): Analysis {
    const clean = fixed ? raw : this.normalizer.fixTypos(raw);
    const { text: normalized, canonicals, matches } = this.normalizer.resolveSynonyms(clean);
    const words = this.segmenter.cut(normalized);
    const terms = [...new Set([...words.filter((w) => !this.stopwords.has(w)), ...canonicals])];
    return {
      raw,
      clean,
      normalized,
      words,
      canonicals,
      synonymMatches: matches,
      terms,
      features: buildFeatures(normalized, words, canonicals),
      meaningless: isMeaningless(clean),
    };
  }
}

export { cleanText };
