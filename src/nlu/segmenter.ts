/** Chinese word segmentation with jieba and the domain dictionary. */
import { Jieba } from '@node-rs/jieba';
import { dictionaryBytes } from './jiebaDictionaries';
import { cleanText, isPunctuation } from '../text/normalize';

/** Frequency given to domain words so jieba keeps them whole. */
const DOMAIN_WORD_FREQ = 50000;

export class Segmenter {
  private readonly jieba: Jieba;

  constructor(domainWords: string[]) {
    // The compact dictionary by default (jiebaDictionaries.ts): same segmentation of our texts.
    this.jieba = Jieba.withDict(dictionaryBytes());
    const lines = domainWords.map((w) => `${cleanText(w).replace(/\s+/g, '')} ${DOMAIN_WORD_FREQ} n`).join('\n');
    this.jieba.loadDict(Buffer.from(lines, 'utf8'));
  }

  /** Also the shorter words inside long ones (上市辅导 → 上市, 辅导), for vocabularies. */
  cutForSearch(text: string): string[] {
    if (!text) return [];
    return this.jieba.cutForSearch(text, true).filter((w) => !isPunctuation(w));
  }

  /** Words of the text, without punctuation or spaces. */
  cut(text: string): string[] {
    if (!text) return [];
    return this.jieba.cut(text, true).filter((w) => !isPunctuation(w));
  }
}
