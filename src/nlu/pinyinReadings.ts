/**
 * Toneless pinyin readings of a CJK character from the generated table (src/nlu/pinyinTable.ts,
 * made from pinyin-pro by `npm run nlu:dictionary`): the same readings pinyin-pro gives for the
 * character alone, without loading pinyin-pro's tables at start.
 */
import { PINYIN_TABLE } from './pinyinTable';

/** The code point ranges of the table (those `isCjk` accepts), in its order. */
export const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];

/** The table is ASCII: ü and ê (in no other syllable) are written v and E. */
export function encodeSyllable(syllable: string): string {
  if (/[vE, ]/.test(syllable)) throw new Error(`syllable ${syllable} collides with the table's escapes`);
  return syllable.replace(/ü/g, 'v').replace(/ê/g, 'E');
}

function decodeSyllable(code: string): string {
  return code.replace(/v/g, 'ü').replace(/E/g, 'ê');
}

/** Position of the code point's entry in the table, or -1 outside it. */
function entryIndex(codePoint: number): number {
  let before = 0;
  for (const [first, last] of CJK_RANGES) {
    if (codePoint >= first && codePoint <= last) return before + codePoint - first;
    before += last - first + 1;
  }
  return -1;
}

/** Where each entry starts in the table (one past the end last): made on the first look-up. */
let starts: Uint32Array | undefined;

function entryStarts(): Uint32Array {
  if (starts) return starts;
  const count = CJK_RANGES.reduce((n, [first, last]) => n + last - first + 1, 0);
  const found = new Uint32Array(count + 1);
  let entry = 1;
  for (let i = 0; i < PINYIN_TABLE.length; i++) if (PINYIN_TABLE.charCodeAt(i) === 44 /* , */) found[entry++] = i + 1;
  if (entry !== count) throw new Error(`pinyin table has ${entry} entries, expected ${count}: run npm run nlu:dictionary`);
  found[count] = PINYIN_TABLE.length + 1;
  starts = found;
  return found;
}

/** The character's readings, usual one first; empty for a character outside the table or without one. */
export function tableReadings(ch: string): string[] {
  const index = entryIndex(ch.codePointAt(0) ?? -1);
  if (index < 0) return [];
  const at = entryStarts();
  const entry = PINYIN_TABLE.slice(at[index], at[index + 1] - 1);
  return entry ? entry.split(' ').map(decodeSyllable) : [];
}
