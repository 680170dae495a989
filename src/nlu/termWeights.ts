/**
 * How informative a word is in general Chinese: jieba's IDF table. Used to weigh the words of a
 * question that the knowledge does (not) cover; unknown words count as informative.
 */
import { idfBytes, jiebaDictionariesInUse, type JiebaDictionaries } from './jiebaDictionaries';

const UNKNOWN_WEIGHT = 10;
const MAX_WEIGHT = 12;
const MIN_WEIGHT = 1;

/** One table per word list, read on first use and shared by every TermWeights. */
const tables = new Map<JiebaDictionaries, Map<string, number>>();

/**
 * The table read line by line from its bytes: each word is a string of its own (slices of one
 * decoded text would keep all 9 MB of it alive beside the map).
 */
function load(bytes: Buffer): Map<string, number> {
  const map = new Map<string, number>();
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const space = bytes.indexOf(0x20, start);
    if (space > start && space < end) map.set(bytes.toString('utf8', start, space), Number(bytes.toString('latin1', space + 1, end)));
    start = end + 1;
  }
  return map;
}

export class TermWeights {
  private readonly idf: Map<string, number>;

  constructor() {
    const which = jiebaDictionariesInUse();
    let table = tables.get(which);
    if (!table) tables.set(which, (table = load(idfBytes(which))));
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
