/**
 * The pinyin table (src/nlu/pinyinTable.ts, generated from pinyin-pro by `npm run nlu:dictionary`)
 * against pinyin-pro itself: every character the corrector reads through pinyin gets the very
 * readings, in the same order, that pinyin-pro gives, so no correction changes; and the bot's
 * corrector no longer loads pinyin-pro.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCjk } from '../../src/text/normalize';
import { CJK_RANGES, tableReadings } from '../../src/nlu/pinyinReadings';
import { PINYIN_TABLE_FILE, pinyinProReadings, pinyinTableSource } from '../../src/nlu/pinyinTableBuilder';
import { readings } from '../../src/nlu/pinyinCorrector';

const PINYIN_PRO_VERSION = (JSON.parse(fs.readFileSync(require.resolve('pinyin-pro/package.json'), 'utf8')) as { version: string }).version;

describe('pinyin table', () => {
  test('is the one the generator makes from the installed pinyin-pro (else run npm run nlu:dictionary)', () => {
    expect(fs.readFileSync(PINYIN_TABLE_FILE, 'utf8') === pinyinTableSource(PINYIN_PRO_VERSION)).toBe(true);
  });

  test('every character isCjk accepts: the readings pinyin-pro gives, in its order', () => {
    const differing: string[] = [];
    let checked = 0;
    for (const [first, last] of CJK_RANGES) {
      for (let c = first; c <= last; c++) {
        const ch = String.fromCodePoint(c);
        const expected = pinyinProReadings(ch);
        // The corrector's rule before the table: a character without a reading is read as itself.
        const before = expected.length === 0 ? [ch] : expected;
        if (JSON.stringify(readings(ch)) !== JSON.stringify(before)) differing.push(ch);
        checked++;
      }
    }
    expect(checked).toBe(27_584);
    expect(differing).toEqual([]);
  });

  test('the ranges are exactly those isCjk accepts', () => {
    const inRanges = (c: number) => CJK_RANGES.some(([first, last]) => c >= first && c <= last);
    const disagreeing: number[] = [];
    for (let c = 0x2e80; c <= 0xa000; c++) if (inRanges(c) !== isCjk(String.fromCodePoint(c))) disagreeing.push(c);
    expect(disagreeing).toEqual([]);
  });

  test('polyphones, u-umlaut and characters outside the table', () => {
    expect(tableReadings('给')).toEqual(['gei', 'ji']);
    expect(tableReadings('行')).toEqual(['xing', 'hang', 'heng']);
    expect(tableReadings('女')).toEqual(['nü', 'ru']);
    expect(tableReadings('a')).toEqual([]);
    expect(tableReadings('𠀀')).toEqual([]);
    expect(readings('a')).toEqual(['a']);
  });

  test('the corrector does not load pinyin-pro', () => {
    jest.isolateModules(() => {
      jest.doMock('pinyin-pro', () => {
        throw new Error('pinyin-pro loaded');
      });
      expect(() => require(path.join('..', '..', 'src', 'nlu', 'pinyinCorrector'))).not.toThrow();
    });
  });
});
