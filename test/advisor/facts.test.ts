import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getKnowledge, DEFAULT_KNOWLEDGE_DIR, POLICY_SOURCE_FILE } from '../../src/knowledge/loader';
import { KnowledgeError } from '../../src/knowledge/errors';
import { getAdvisorKnowledge } from '../../src/knowledge/advisorFile';
import { FactReader } from '../../src/nlu/statedFacts';
import { applyUpdate, sanitizeProfile } from '../../src/advisor/profile';
import { creditCodeCheckChar } from '../../src/activities/validation/creditCode';
import { judgedItems } from '../../src/advisor/ruleEngine';
import { NOW } from './helpers';

const kb = getKnowledge();
const reader = new FactReader(kb, getAdvisorKnowledge());
const read = (text: string) => reader.read(text, NOW).update;
const answer = (fact: Parameters<FactReader['answer']>[0], text: string) => reader.answer(fact, text, NOW);

const FIRST17 = '91320594MA1W5K3R8';
const CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17);

describe('reading what a message says about the enterprise', () => {
  test.each([
    ['我们是省级专精特新，属于哪类', ['provincial']],
    ['我们是工信部认定的专精特新小巨人企业', ['national']],
    ['国家级和市级都有', ['national', 'city']],
    ['区级（园区级）', ['district']],
    ['我们有苏州市级的称号', ['city']],
  ])('%s → %j', (text, levels) => {
    expect(read(text).honours?.map((h) => h.level)).toEqual(levels);
  });

  test('an honour not obtained, before or after its level, is not held; "只是入库" says there is none', () => {
    expect(read('2025年认定了市级专精特新，还没评省级').honours).toEqual([{ level: 'city', year: 2025 }]);
    expect(read('我们有区级，国家级还没评').honours).toEqual([{ level: 'district' }]);
    expect(read('市级还在公示').honours).toBeUndefined();
    // the honour held, another one not yet obtained after it
    expect(read('我们是省级的还没评上国家级').honours).toEqual([{ level: 'provincial' }]);
    expect(read('我们目前只是进了培育库')).toMatchObject({ inPool: true, noHonour: true });
    expect(read('我们已经进了培育库').noHonour).toBeUndefined();
  });

  test('years go to the honour in the same clause', () => {
    expect(read('省级2021年，市级2019年认定的')).toMatchObject({
      honours: [
        { level: 'provincial', year: 2021 },
        { level: 'city', year: 2019 },
      ],
    });
    expect(read('2022年评上的省级专精特新').honours).toEqual([{ level: 'provincial', year: 2022 }]);
    expect(read('我们是省级专精特新，2023年认定的').honours).toEqual([{ level: 'provincial', year: 2023 }]);
  });

  test('relative years count from the current year', () => {
    expect(read('去年认定的市级专精特新').honours).toEqual([{ level: 'city', year: 2024 }]);
    expect(read('大前年评的区级').honours).toEqual([{ level: 'district', year: 2022 }]);
    expect(read('今年刚拿到国家级').honours).toEqual([{ level: 'national', year: 2025 }]);
  });

  test('a future year is never taken', () => {
    expect(read('省级，2030年认定').honours).toEqual([{ level: 'provincial' }]);
  });

  test('no honour, the pool and its negation', () => {
    expect(read('暂无荣誉，已入库')).toMatchObject({ noHonour: true, inPool: true });
    expect(read('没有荣誉，也没入库')).toMatchObject({ noHonour: true, inPool: false });
    expect(read('我们还没入库')).toMatchObject({ inPool: false });
  });

  test('size: said of the enterprise itself, not of a partner', () => {
    expect(read('我们是大型企业').large).toBe(true);
    expect(read('我们公司是链主企业').large).toBe(true);
    expect(read('我们想给链主企业做配套').large).toBeUndefined();
    expect(read('我们是中小企业').large).toBe(false);
  });

  test.each([
    ['我们是制造业企业', 'manufacturing', true],
    ['我们不是制造业', 'manufacturing', false],
    ['准备IPO', 'planningIpo', true],
    ['暂无上市计划', 'planningIpo', false],
    ['最近要招人', 'hiring', true],
    ['暂无招聘需求', 'hiring', false],
    ['第一次评上', 'firstRecognition', true],
    ['之前就拿过', 'firstRecognition', false],
  ] as const)('%s → %s = %s', (text, key, value) => {
    expect(read(text)[key]).toBe(value);
  });

  test('a valid credit code is taken; a mistyped one is not', () => {
    expect(read(`信用代码 ${CREDIT_CODE}`).creditCode).toBe(CREDIT_CODE);
    const wrong = FIRST17 + (creditCodeCheckChar(FIRST17) === '0' ? '1' : '0');
    expect(read(`信用代码 ${wrong}`).creditCode).toBeUndefined();
  });

  test('a correction replaces the honours; 还有 adds to them', () => {
    const base = applyUpdate({ honours: [{ level: 'provincial', year: 2023 }], updatedAt: NOW.toISOString() }, read('不对，是市级的'), NOW);
    // The only honour's level corrected: its year stands (the user corrected the level, not the year).
    expect(base.honours).toEqual([{ level: 'city', year: 2023 }]);
    const both = applyUpdate({ honours: [{ level: 'provincial', year: 2023 }], updatedAt: NOW.toISOString() }, read('不对，是2021年的市级'), NOW);
    expect(both.honours).toEqual([{ level: 'city', year: 2021 }]);
    const denied = applyUpdate({ honours: [{ level: 'provincial', year: 2023 }], updatedAt: NOW.toISOString() }, read('说错了，是市级的，不是省级'), NOW);
    expect(denied.honours).toEqual([{ level: 'city', year: 2023 }]);
    const twoBefore = { honours: [{ level: 'provincial' as const, year: 2023 }, { level: 'district' as const, year: 2020 }], updatedAt: NOW.toISOString() };
    expect(applyUpdate(twoBefore, read('搞错了，2023年那个是市级的'), NOW).honours).toEqual([{ level: 'city', year: 2023 }, { level: 'district', year: 2020 }]);
    expect(applyUpdate(twoBefore, read('不对，是市级的'), NOW).honours).toEqual([{ level: 'city' }]);
    const added = applyUpdate({ honours: [{ level: 'provincial', year: 2023 }], updatedAt: NOW.toISOString() }, read('我们还有区级的'), NOW);
    expect(added.honours).toEqual([{ level: 'provincial', year: 2023 }, { level: 'district' }]);
  });
});

describe('answers to the advisor\'s questions', () => {
  test('honours', () => {
    expect(answer('honours', '市级专精特新')).toMatchObject({ kind: 'answer', update: { honours: [{ level: 'city' }] } });
    expect(answer('honours', '没有')).toMatchObject({ kind: 'answer', update: { noHonour: true } });
    expect(answer('honours', '暂无荣誉')).toMatchObject({ kind: 'answer', update: { noHonour: true } });
    expect(answer('honours', '有')).toEqual({ kind: 'invalid', problem: 'vague_honour' });
    expect(answer('honours', '不清楚')).toMatchObject({ kind: 'unknown' });
    expect(answer('honours', '我们是大企业')).toMatchObject({ kind: 'answer', update: { large: true } });
    expect(answer('honours', '🙂🙂')).toEqual({ kind: 'invalid', problem: 'not_understood' });
    expect(answer('honours', "'; DROP TABLE enterprise_profiles; --")).toEqual({ kind: 'invalid', problem: 'not_understood' });
  });

  test('the pool', () => {
    expect(answer('inPool', '已入库培育')).toMatchObject({ kind: 'answer', update: { inPool: true } });
    expect(answer('inPool', '未入库')).toMatchObject({ kind: 'answer', update: { inPool: false } });
    expect(answer('inPool', '否')).toMatchObject({ kind: 'answer', update: { inPool: false } });
    expect(answer('inPool', '不清楚')).toMatchObject({ kind: 'unknown' });
    expect(answer('inPool', '不对，我们是市级的')).toMatchObject({ kind: 'other', update: { honours: [{ level: 'city' }] } });
  });

  test('years', () => {
    expect(answer('year:provincial', '2023年')).toMatchObject({ kind: 'answer', year: 2023 });
    expect(answer('year:provincial', '前年')).toMatchObject({ kind: 'answer', year: 2023 });
    expect(answer('year:provincial', '2030')).toEqual({ kind: 'invalid', problem: 'future_year' });
    expect(answer('year:provincial', '1990年')).toEqual({ kind: 'invalid', problem: 'old_year' });
    expect(answer('year:provincial', '不记得了')).toMatchObject({ kind: 'unknown' });
    expect(answer('year:provincial', '很久以前')).toEqual({ kind: 'invalid', problem: 'not_understood' });
  });

  test('yes/no traits, and a correction instead of an answer', () => {
    expect(answer('manufacturing', '是')).toMatchObject({ kind: 'answer', update: { manufacturing: true } });
    expect(answer('manufacturing', '不是')).toMatchObject({ kind: 'answer', update: { manufacturing: false } });
    expect(answer('planningIpo', '有，准备明年申报')).toMatchObject({ kind: 'answer', update: { planningIpo: true } });
    expect(answer('hiring', '不清楚')).toMatchObject({ kind: 'unknown' });
    expect(answer('hiring', '不对，我们其实是省级的')).toMatchObject({ kind: 'other', update: { honours: [{ level: 'provincial' }] } });
    expect(answer('firstRecognition', '随便')).toEqual({ kind: 'invalid', problem: 'not_understood' });
  });

  test('another plan told at a yes/no question is not known, neither a no nor a question', () => {
    expect(answer('planningIpo', '计划明年申报省级')).toMatchObject({ kind: 'unknown' });
    expect(answer('manufacturing', '打算今年扩产线')).toMatchObject({ kind: 'answer', update: { manufacturing: true } });
    expect(answer('planningIpo', '准备三年内上市')).toMatchObject({ kind: 'answer', update: { planningIpo: true } });
    // a question about a plan stays a question
    expect(answer('planningIpo', '打算申报省级，有什么支持')).toEqual({ kind: 'invalid', problem: 'not_understood' });
  });
});

describe('stored profiles are not trusted', () => {
  test('unknown fields and bad values are dropped', () => {
    const profile = sanitizeProfile(
      { honours: [{ level: 'provincial', year: 2023 }, { level: 'galactic' }, 'x', { level: 'city', year: 3000 }], inPool: 'yes', planningIpo: true, creditCode: 'abc', name: '😀', evil: '<script>' },
      NOW,
    );
    expect(profile).toEqual({ honours: [{ level: 'provincial', year: 2023 }, { level: 'city' }], planningIpo: true, updatedAt: NOW.toISOString() });
    expect(sanitizeProfile('garbage')).toBeUndefined();
    expect(sanitizeProfile(null)).toBeUndefined();
  });
});

describe('knowledge for the advisor', () => {
  test('every judged measure has an offer and a next step, and names no number the policy lacks', () => {
    const policy = fs.readFileSync(POLICY_SOURCE_FILE, 'utf8');
    const known = new Set(policy.match(/\d+/g));
    for (const item of judgedItems(kb)) {
      const e = item.eligibility;
      expect(e.offer.length).toBeGreaterThan(4);
      expect(e.nextStep.length).toBeGreaterThan(4);
      const texts = [e.offer, e.nextStep, e.note, e.unmet, e.otherwise, e.forLarge, ...e.traits.flatMap((t) => [t.met, t.unmet]), ...e.rules.map((r) => r.outcome)];
      const invented = texts.flatMap((t) => (t?.match(/\d+/g) ?? []).filter((n) => !known.has(n)));
      expect({ item: item.id, invented }).toEqual({ item: item.id, invented: [] });
    }
  });

  test('a broken advisor file stops the start, naming the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-advisor-kb-'));
    fs.cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'advisor', 'advisor.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {2}large: .*$/m, "  large: ['(unclosed']"));
    try {
      getAdvisorKnowledge(dir);
      throw new Error('expected a KnowledgeError');
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      expect((err as KnowledgeError).field).toBe('patterns.large[0]');
    }
  });
});

describe('a reply that says what the enterprise does, to a trait question', () => {
  test('kept as not known, not refused again and again', () => {
    expect(answer('manufacturing', '我们主要做工业软件研发').kind).toBe('unknown');
    expect(answer('hiring', '做汽车电子的').kind).toBe('unknown');
    // a plain yes or no still answers; words that say nothing of the business are still not understood
    expect(answer('manufacturing', '是的')).toMatchObject({ kind: 'answer', update: { manufacturing: true } });
    expect(answer('manufacturing', '随便').kind).toBe('invalid');
  });
});
