/** Chinese word segmentation with jieba and the domain dictionary. */
import { Jieba } from '@node-rs/jieba';
import { dictionaryBytes } from './jiebaDictionaries';
import { cleanText, isPunctuation } from '../text/normalize';

/** Frequency given to domain words so jieba keeps them whole. */
const DOMAIN_WORD_FREQ = 50000;

/** A modal particle at the end of a sentence ("几个汇呀", "怎么报名啊"). */
const TRAILING_PARTICLE = /^(.+?)([呀啊嘛哦呗啦呐哈]+)$/u;

/**
 * Unknown words jieba's HMM glues a sentence-final particle to ("汇呀"): the word and the particle apart,
 * so the word itself can be matched.
 */
function splitParticle(word: string): string[] {
  const m = TRAILING_PARTICLE.exec(word);
  return m && !/^[呀啊嘛哦呗啦呐哈]+$/u.test(m[1]) ? [m[1], m[2]] : [word];
}

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
    return this.jieba.cut(text, true).filter((w) => !isPunctuation(w)).flatMap(splitParticle);
  }
}
