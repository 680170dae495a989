/**
 * Characters typed by their shape (handwriting input): one of a listed look-alike group inside a domain word is read
 * as the word's — "省汲专精特薪" → 省级专精特新, "服务专贝" → 服务专员, "招娉会" → 招聘会, "上巿" → 上市 — and 儿 before
 * what is counted is 几; a word of its own (儿子) or an unlisted pair is never changed.
 */
import { PinyinCorrector } from '../../src/nlu/pinyinCorrector';
import { recognizer } from './fixture';

test('a listed look-alike inside a domain word is read as the word, at any place and length', () => {
  const c = new PinyinCorrector(['服务专员', '市级', '招聘会'], () => false, [], () => true, new Set(['贝|员', '巿|市', '娉|聘']));
  expect(c.corrections('服务专贝干啥的')).toEqual([{ from: '服务专贝', to: '服务专员', index: 0 }]);
  expect(c.corrections('巿级专精特新')).toEqual([{ from: '巿级', to: '市级', index: 0 }]);
  expect(c.corrections('招娉会几场')).toEqual([{ from: '招娉会', to: '招聘会', index: 0 }]);
  // (Not listed: no two-character word is read through any other character.)
  expect(c.corrections('帀级')).toEqual([]);
});

test('the knowledge lists the groups; the recognizer reads typed slips through them', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('国家汲专精特新小巨入属于几类').normalized).toContain('国家级专精特新小巨人');
  expect(r.recognizeSync('汇汁划培盲对象分儿类').normalized).toContain('汇计划培育对象分几类');
  expect(r.recognizeSync('准备上巿的企业有什么支持').normalized).toContain('准备上市');
  // (儿子 is a word: "儿子想上市" keeps it.)
  expect(r.recognizeSync('儿子想上巿园区有啥帮的').normalized).toMatch(/^儿子想上市/);
});

test('words that ask (线上, 电话, 要钱) are read through a listed look-alike only, never by sound', async () => {
  const c = new PinyinCorrector([], () => false, [], () => true, new Set(['土|上', '活|话']), ['线上', '电话']);
  expect(c.corrections('线土的有没有')).toEqual([{ from: '线土', to: '线上', index: 0 }]);
  expect(c.corrections('专员电活多少')).toEqual([{ from: '电活', to: '电话', index: 2 }]);
  // (A sound alike is no reading of them: 线尚 stays.)
  expect(c.corrections('线尚的有没有')).toEqual([]);
  const r = await recognizer();
  expect(r.recognizeSync('苗圃计划耍钱不').aspect).toBe('cost');
});
