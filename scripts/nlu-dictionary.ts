/**
 * Makes the compact jieba word lists in src/nlu/jieba/ from jieba's own (`npm run nlu:dictionary`,
 * again after jieba is upgraded or knowledge/ or eval/ gain texts; test/nlu/jiebaDictionaries.test.ts
 * says when they are stale):
 *
 * - dict.txt: every word of jieba's dictionary that occurs in a text the bot segments while it
 *   builds its indexes from knowledge/ and answers the eval sets (recorded, typo corrections and
 *   synonyms applied), or in the raw text of a knowledge/ or eval/ file; the `--top N` most frequent
 *   other words (50,000 by default) for messages nobody wrote yet; and one filler entry (a
 *   private-use character) carrying the frequency of all the words left out. jieba scores a
 *   segmentation by the words' frequencies over the dictionary's total, so with the total kept
 *   every text made only of kept words is segmented exactly as with the full dictionary.
 * - idf.txt: the IDF entries of the kept words and of every word the term weights were asked about.
 * - src/nlu/pinyinTable.ts: pinyin-pro's readings of every CJK character, so the bot does not load
 *   pinyin-pro (src/nlu/pinyinTableBuilder.ts; test/nlu/pinyinTable.test.ts checks it). Alone:
 *   `--pinyin-only`.
 *
 * The held-out sets (eval/heldout-*, unseen*) are left out on purpose: they measure how the compact
 * lists do on texts they were not made from.
 *
 *   npx tsx scripts/nlu-dictionary.ts [--top N] [--pinyin-only]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import fs from 'node:fs';
import path from 'node:path';
import { defaultEvalFiles, loadCases } from '../src/eval/cases';
import { COMPACT_DICTIONARY_FILE, COMPACT_DIR, COMPACT_IDF_FILE, dictionaryBytes, idfBytes, useJiebaDictionaries } from '../src/nlu/jiebaDictionaries';
import { PINYIN_TABLE_FILE, pinyinTableSource } from '../src/nlu/pinyinTableBuilder';
import { Segmenter } from '../src/nlu/segmenter';
import { TermWeights } from '../src/nlu/termWeights';

const ROOT = path.resolve(__dirname, '..');
/** A character no text of ours contains: the filler entry that keeps the total frequency. */
export const FILLER_WORD = '\uE000';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every text segmented and every word weighed while the bot builds its indexes and answers the eval sets. */
async function recordedTexts(): Promise<{ segmented: Set<string>; weighed: Set<string> }> {
  const segmented = new Set<string>();
  const weighed = new Set<string>();
  const seg = Segmenter.prototype;
  const { cut, cutForSearch } = seg;
  seg.cut = function (this: Segmenter, text: string) {
    segmented.add(text);
    return cut.call(this, text);
  };
  seg.cutForSearch = function (this: Segmenter, text: string) {
    segmented.add(text);
    return cutForSearch.call(this, text);
  };
  const tw = TermWeights.prototype;
  const { known, weight } = tw;
  tw.known = function (this: TermWeights, word: string) {
    weighed.add(word);
    return known.call(this, word);
  };
  tw.weight = function (this: TermWeights, word: string) {
    weighed.add(word);
    return weight.call(this, word);
  };

  useJiebaDictionaries('full');
  const { createRecognizer } = await import('../src/nlu');
  const { createLocalBot } = await import('../src/eval/localBot');
  const { advisorStandIn } = await import('../src/eval/advisorStandIn');
  const recognizer = await createRecognizer({ startupCache: false });
  const bot = createLocalBot(recognizer.kb, (t) => recognizer.recognizeSync(t), advisorStandIn(recognizer.kb));
  for (const c of loadCases(defaultEvalFiles(ROOT))) {
    const conversation = bot.conversation();
    for (const turn of c.turns) await conversation.send(turn);
  }
  return { segmented, weighed };
}

/** The raw texts of knowledge/ and of the eval sets that are not held out. */
function rawTexts(): string[] {
  const files = [...filesUnder(path.join(ROOT, 'knowledge')), ...defaultEvalFiles(ROOT)];
  // As cleanText cleans a message (NFKC, lower case), without its cut to a message's length.
  return files.map((f) => fs.readFileSync(f, 'utf8').normalize('NFKC').toLowerCase());
}

function lines(bytes: Buffer): string[][] {
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(' '));
}

function writePinyinTable(): void {
  const version = (JSON.parse(fs.readFileSync(require.resolve('pinyin-pro/package.json'), 'utf8')) as { version: string }).version;
  const source = pinyinTableSource(version);
  fs.writeFileSync(PINYIN_TABLE_FILE, source);
  console.log(`${path.relative(ROOT, PINYIN_TABLE_FILE)}: pinyin-pro ${version}, ${(source.length / 1024).toFixed(0)} KB`);
}

async function main(): Promise<void> {
  writePinyinTable();
  if (process.argv.includes('--pinyin-only')) return;
  const top = option('--top', 50_000);
  const dictionary = lines(dictionaryBytes('full'));
  const idf = lines(idfBytes('full'));
  const { segmented, weighed } = await recordedTexts();
  console.log(`recorded ${segmented.size} segmented texts, ${weighed.size} weighed words`);

  // Every dictionary word that is a substring of one of the texts.
  const words = new Set(dictionary.map(([w]) => w));
  const longest = dictionary.reduce((m, [w]) => Math.max(m, [...w].length), 0);
  const occurring = new Set<string>();
  for (const text of [...segmented, ...rawTexts()]) {
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      let sub = '';
      for (let j = i; j < Math.min(chars.length, i + longest); j++) {
        sub += chars[j];
        if (words.has(sub)) occurring.add(sub);
      }
    }
  }
  const frequent = new Set(
    [...dictionary]
      .sort((a, b) => Number(b[1]) - Number(a[1]))
      .slice(0, top)
      .map(([w]) => w),
  );
  const kept = dictionary.filter(([w]) => occurring.has(w) || frequent.has(w));
  const total = dictionary.reduce((s, [, f]) => s + Number(f), 0);
  const keptTotal = kept.reduce((s, [, f]) => s + Number(f), 0);
  const dictText = [...kept.map(([w, f]) => `${w} ${f}`), `${FILLER_WORD} ${total - keptTotal}`].join('\n') + '\n';

  const keptWords = new Set(kept.map(([w]) => w));
  const keptIdf = idf.filter(([w]) => keptWords.has(w) || weighed.has(w));
  const idfText = keptIdf.map(([w, v]) => `${w} ${v}`).join('\n') + '\n';

  fs.mkdirSync(COMPACT_DIR, { recursive: true });
  fs.writeFileSync(COMPACT_DICTIONARY_FILE, dictText);
  fs.writeFileSync(COMPACT_IDF_FILE, idfText);
  console.log(
    `${path.relative(ROOT, COMPACT_DICTIONARY_FILE)}: ${kept.length} of ${dictionary.length} words (${occurring.size} occurring in our texts, top ${top} by frequency), ${(dictText.length / 1024).toFixed(0)} KB of characters`,
  );
  console.log(`${path.relative(ROOT, COMPACT_IDF_FILE)}: ${keptIdf.length} of ${idf.length} entries`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
