/**
 * The recognizer keeps work between calls (the last analyses, pattern results of the last texts,
 * what coverage needs of each word) and its indexes answer from precomputed postings. None of it may
 * change a result: the same message gives the same Recognition whatever was recognised before it,
 * and the indexes rank exactly as the plain formulas do.
 */
import path from 'node:path';
import { defaultEvalFiles, loadCases } from '../../src/eval/cases';
import { Bm25 } from '../../src/nlu/bm25';
import { IntentRules } from '../../src/nlu/intentRules';
import { VectorIndex } from '../../src/nlu/vectorIndex';
import type { FeatureBag } from '../../src/nlu/features';
import { recognizer } from './fixture';

const ROOT = path.resolve(__dirname, '../..');

/** Every turn of the eval cases, plus repeats and near repeats (the same text typed again, a clause of it). */
function messages(): string[] {
  const turns = loadCases(defaultEvalFiles(ROOT)).flatMap((c) => c.turns);
  return [...turns, '深度诊断收费吗', '深度诊断收费吗', '那培训呢，收费不', '收费不', '汇计划里人才这块都有哪些措施', '人才这块都有哪些措施'];
}

test('a message gets the same Recognition whatever was recognised before it', async () => {
  const r = await recognizer();
  const texts = messages();
  expect(texts.length).toBeGreaterThan(300);
  const forward = texts.map((t) => JSON.stringify(r.recognizeSync(t)));
  const backward = [...texts].reverse().map((t) => JSON.stringify(r.recognizeSync(t))).reverse();
  // Each message right after an unrelated one, and twice in a row.
  const interleaved = texts.map((t, i) => {
    r.recognizeSync(texts[(i * 7 + 3) % texts.length]);
    const once = JSON.stringify(r.recognizeSync(t));
    expect(JSON.stringify(r.recognizeSync(t))).toBe(once);
    return once;
  });
  for (let i = 0; i < texts.length; i++) {
    expect({ text: texts[i], recognition: backward[i] }).toEqual({ text: texts[i], recognition: forward[i] });
    expect({ text: texts[i], recognition: interleaved[i] }).toEqual({ text: texts[i], recognition: forward[i] });
  }
});

test('a Recognition changed by its caller changes nothing recognised later', async () => {
  const r = await recognizer();
  const text = '我们是省级专精特新，深度诊断和培训辅导收费吗';
  const before = JSON.stringify(r.recognizeSync(text));
  const spoiled = r.recognizeSync(text);
  spoiled.candidates.length = 0;
  spoiled.topics?.push('x');
  spoiled.entities.honourLevels?.push('national');
  expect(JSON.stringify(r.recognizeSync(text))).toBe(before);
});

/** A small deterministic generator (no Math.random: the same bags every run). */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomBag(next: () => number, vocabulary: string[], size: number): FeatureBag {
  const bag: FeatureBag = new Map();
  for (let i = 0; i < size; i++) {
    const f = vocabulary[Math.floor(next() * vocabulary.length)];
    bag.set(f, (bag.get(f) ?? 0) + 1);
  }
  return bag;
}

test('the vector index returns the best documents, ties in a stable order, as a full sort would', () => {
  const next = generator(7);
  const vocabulary = Array.from({ length: 60 }, (_, i) => `${['w', 'b', 'u'][i % 3]}:${String.fromCharCode(0x4e00 + i)}`);
  const index = new VectorIndex<number>();
  const bags: FeatureBag[] = [];
  for (let doc = 0; doc < 200; doc++) {
    // Every fifth document repeats an earlier one: equal scores must keep the documents' order.
    const bag = doc % 5 === 4 ? new Map(bags[doc - 1]) : randomBag(next, vocabulary, 3 + Math.floor(next() * 8));
    bags.push(bag);
    index.add(doc, bag);
  }
  index.build();
  expect(index.search(new Map(), 5)).toEqual([]);
  for (let round = 0; round < 300; round++) {
    const query = randomBag(next, [...vocabulary, 'w:未知'], 2 + Math.floor(next() * 10));
    // With no limit in reach every document near the best is sorted: a limit only cuts that list.
    const all = index.search(query, 1_000_000);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
    for (const limit of [1, 2, 5, 17, 40, 60]) expect(index.search(query, limit)).toEqual(all.slice(0, limit));
  }
  // Repeated documents score alike and keep their order.
  const repeated = index.search(bags[3], 1_000_000).filter((h) => h.doc === 3 || h.doc === 4);
  expect(repeated.map((h) => h.doc)).toEqual([3, 4]);
  expect(repeated[0].score).toBe(repeated[1].score);
});

test('BM25 by document equals the score per document, term by term', () => {
  const bm25 = new Bm25<string>();
  const docs = [['专精', '特新', '培训'], ['培训', '培训', '收费'], ['上市', '辅导'], [], ['收费', '专精', '上市', '上市']];
  docs.forEach((terms, i) => bm25.add(`d${i}`, terms));
  bm25.build();
  const k1 = 1.2;
  const b = 0.5;
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  for (const query of [['培训'], ['培训', '收费', '培训'], ['未知'], [], ['上市', '专精', '辅导', '收费']]) {
    const unique = [...new Set(query)];
    const ceiling = unique.reduce((s, t) => s + bm25.termIdf(t) * (k1 + 1), 0);
    const expected = docs.map((terms) => {
      let s = 0;
      for (const t of unique) {
        const f = terms.filter((x) => x === t).length;
        if (!f) continue;
        s += (bm25.termIdf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * terms.length) / avg));
      }
      return ceiling > 0 ? s / ceiling : 0;
    });
    expect([...bm25.scoreByDoc(query)]).toEqual(expected);
    expect(bm25.score(query).map((s) => s.score)).toEqual(expected);
  }
});

test('intent patterns remembered for a text still honour each caller’s veto', () => {
  const rules = new IntentRules({
    greeting: { examples: [], patterns: ['你好'] },
    help: { examples: [], patterns: ['你好|帮助'] },
    sign_up: { examples: [], patterns: ['报名'], buttons: ['报名'] },
  } as never);
  expect(rules.match('你好')).toBe('greeting');
  expect(rules.match('你好', (i) => i !== 'greeting')).toBe('help');
  expect(rules.match('你好', () => false)).toBeUndefined();
  expect(rules.match('你好')).toBe('greeting');
  expect(rules.match('报名：企业沙龙', () => false)).toBe('sign_up');
  expect(rules.button('报名：企业沙龙')).toBe('sign_up');
  for (let i = 0; i < 20; i++) expect(rules.match(`帮助${i}`)).toBe('help');
  expect(rules.match('你好', (i) => i === 'help')).toBe('help');
  expect(rules.button('你好')).toBeUndefined();
});
