/**
 * How informative a word is in general Chinese: jieba's IDF table. Used to weigh the words of a
 * question that the knowledge does (not) cover; unknown words count as informative.
 */
import { idf as idfTable } from '@node-rs/jieba/dict';

const UNKNOWN_WEIGHT = 10;
const MAX_WEIGHT = 12;
const MIN_WEIGHT = 1;

let table: Map<string, number> | undefined;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const text = Buffer.from(idfTable).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) map.set(text.slice(start, space), Number(text.slice(space + 1, end)));
    start = end + 1;
  }
  return map;
}

export class TermWeights {
  private readonly idf: Map<string, number>;

  constructor() {
    table ??= load();
    this.idf = table;
  }

  /** True when the word is in jieba's table of general Chinese words. */
  known(word: string): boolean {
    return this.idf.has(word);
  }

  weight(word: string): number {
    const w = this.idf.get(word);
    if (w === undefined) return /^[\p{L}]$/u.test(word) ? 3 : UNKNOWN_WEIGHT;
    return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, w));
  }
}
