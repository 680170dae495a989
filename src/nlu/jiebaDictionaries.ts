/**
 * The word lists jieba segments and weighs with. By default the compact ones in src/nlu/jieba/
 * (`npm run nlu:dictionary` makes them from jieba's own): every word of jieba's dictionary that
 * occurs in a text of knowledge/ or eval/, the most frequent others, and one filler entry that keeps
 * the dictionary's total frequency, so jieba segments those texts exactly as with its full
 * dictionary (its scores are frequency ÷ total). jieba takes about a quarter of the memory for it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const COMPACT_DIR = path.join(__dirname, 'jieba');
export const COMPACT_DICTIONARY_FILE = path.join(COMPACT_DIR, 'dict.txt');
export const COMPACT_IDF_FILE = path.join(COMPACT_DIR, 'idf.txt');

export type JiebaDictionaries = 'compact' | 'full';

let chosen: JiebaDictionaries = 'compact';

/**
 * Which lists the segmenters and term weights made from now on use. 'full' (jieba's own) is for
 * the generator of the compact lists and the test that compares both; the bot uses 'compact'.
 */
export function useJiebaDictionaries(which: JiebaDictionaries): void {
  chosen = which;
}

export function jiebaDictionariesInUse(): JiebaDictionaries {
  return chosen;
}

/** jieba's own files, read only when asked (its `dict` module keeps 11 MB of them for good). */
function fullFile(name: 'dict.txt' | 'idf.txt'): Buffer {
  return fs.readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), name));
}

/** The dictionary's lines (`word frequency`), as jieba's loader reads them. */
export function dictionaryBytes(which: JiebaDictionaries = chosen): Buffer {
  return which === 'full' ? fullFile('dict.txt') : fs.readFileSync(COMPACT_DICTIONARY_FILE);
}

/** The IDF table's lines (`word idf`). */
export function idfBytes(which: JiebaDictionaries = chosen): Buffer {
  return which === 'full' ? fullFile('idf.txt') : fs.readFileSync(COMPACT_IDF_FILE);
}
