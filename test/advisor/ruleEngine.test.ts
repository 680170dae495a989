/**
 * The eligibility rules of every measure (knowledge/policy, `eligibility`) against every kind of
 * enterprise: tier × conditions. The table is the specification; a measure added to knowledge/
 * without a row here fails the coverage test.
 */
import { getKnowledge } from '../../src/knowledge/loader';
import { evaluate, evaluateAll, judgedItems, missingFacts, type Verdict } from '../../src/advisor/ruleEngine';
import type { EnterpriseProfile, HonourRecord } from '../../src/advisor/profile';
import type { FactKey } from '../../src/nlu/statedFacts';
import type { HonourLevel } from '../../src/domain/vocabulary';
import { NOW } from './helpers';

const kb = getKnowledge();
const items = judgedItems(kb);
const at = NOW.toISOString();

type Kind = 'national' | 'provincial' | 'city' | 'district' | 'pool' | 'notInPool' | 'large';
const KINDS: Kind[] = ['national', 'provincial', 'city', 'district', 'pool', 'notInPool', 'large'];

/** Every trait true or false; honours recognised this year. */
function profile(kind: Kind, traits: boolean, extra: Partial<EnterpriseProfile> = {}): EnterpriseProfile {
  const t = { manufacturing: traits, planningIpo: traits, hiring: traits, firstRecognition: traits };
  const base: EnterpriseProfile = { honours: [], updatedAt: at, ...t };
  switch (kind) {
    case 'pool':
      return { ...base, noHonour: true, inPool: true, ...extra };
    case 'notInPool':
      return { ...base, noHonour: true, inPool: false, ...extra };
    case 'large':
      return { ...base, large: true, ...extra };
    default:
      return { ...base, honours: [{ level: kind, year: 2025 }], ...extra };
  }
}

/** E = eligible, I = ineligible; an outcome string = eligible with that outcome. */
type Cell = 'E' | 'I' | string;
/** measure → kind → [with every trait, without any trait] */
const TABLE: Record<string, Partial<Record<Kind, [Cell, Cell]>> & { default: [Cell, Cell] }> = {
  'ind.supply-cooperation': { default: ['E', 'E'], notInPool: ['I', 'I'], large: ['large', 'large'] },
  'ind.benchmark-learning': { default: ['E', 'E'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'ind.industry-matching': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'fin.financial-support': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'fin.ipo-cultivation': { default: ['E', 'I'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'tal.talent-matching': { default: ['I', 'I'], national: ['E', 'E'], provincial: ['E', 'E'] },
  'tal.talent-application': {
    default: ['可参加定期举办的人才政策宣讲', '可参加定期举办的人才政策宣讲'],
    national: ['申报人才计划获重点辅导', '申报人才计划获重点辅导'],
    provincial: ['申报人才计划获重点辅导', '申报人才计划获重点辅导'],
    notInPool: ['I', 'I'],
    large: ['I', 'I'],
  },
  'tal.job-fair': { default: ['E', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'svc.deep-diagnosis': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'svc.training': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'svc.targeted-service': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'svc.salon': { default: ['E', 'E'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'svc.resource-evaluation': {
    default: ['I', 'I'],
    national: ['评级提升 1 级', 'I'],
    provincial: ['加 2 分', 'I'],
    city: ['加 1 分', 'I'],
    district: ['加 1 分', 'I'],
  },
  'tech.ip-protection': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'tech.transformation': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'tech.platform-services': { default: ['E', 'E'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
  'safe.finance': { default: ['在政策框架内给予奖补', 'I'], pool: ['I', 'I'], notInPool: ['I', 'I'], large: ['I', 'I'] },
};

function expectCell(verdict: Verdict, cell: Cell, label: string): void {
  if (cell === 'I') {
    expect({ label, status: verdict.status }).toEqual({ label, status: 'ineligible' });
    expect(verdict.reason).toBeDefined();
    return;
  }
  expect({ label, status: verdict.status }).toEqual({ label, status: 'eligible' });
  if (cell === 'large') expect(verdict.asLarge).toBe(true);
  else if (cell !== 'E') expect({ label, outcome: verdict.outcome }).toEqual({ label, outcome: cell });
}

describe('rule engine: every measure × tier × condition', () => {
  test('the table covers every measure the advisor judges', () => {
    expect(Object.keys(TABLE).sort()).toEqual(items.map((i) => i.id).sort());
  });

  const cases = items.flatMap((item) =>
    KINDS.flatMap((kind) =>
      [true, false].map((traits) => {
        const row = TABLE[item.id];
        const cell = (row?.[kind] ?? row?.default)?.[traits ? 0 : 1] ?? 'missing';
        return [item.id, kind, traits ? 'all traits' : 'no traits', cell] as const;
      }),
    ),
  );

  test.each(cases)('%s · %s · %s → %s', (itemId, kind, traits, cell) => {
    const item = items.find((i) => i.id === itemId)!;
    const verdict = evaluate(kb, item, profile(kind, traits === 'all traits'), { now: NOW });
    expectCell(verdict, cell, `${itemId}/${kind}/${traits}`);
  });
});

describe('资源集约利用评价: recognised within the last three years', () => {
  const evaluation = items.find((i) => i.id === 'svc.resource-evaluation')!;
  const withHonours = (honours: HonourRecord[]) => evaluate(kb, evaluation, { honours, manufacturing: true, updatedAt: at }, { now: NOW });

  test.each([
    ['national', 2025, '评级提升 1 级'],
    ['national', 2023, '评级提升 1 级'],
    ['provincial', 2024, '加 2 分'],
    ['city', 2023, '加 1 分'],
    ['district', 2025, '加 1 分'],
  ] as Array<[HonourLevel, number, string]>)('%s recognised in %i → %s', (level, year, outcome) => {
    expect(withHonours([{ level, year }])).toMatchObject({ status: 'eligible', outcome });
  });

  test.each([
    ['national', 2022],
    ['provincial', 2021],
    ['city', 2015],
  ] as Array<[HonourLevel, number]>)('%s recognised in %i (older than three years) → none', (level, year) => {
    const verdict = withHonours([{ level, year }]);
    expect(verdict.status).toBe('ineligible');
    expect(verdict.reason?.kind).toBe('rules');
  });

  test('an old national and a recent provincial honour: the recent one counts', () => {
    expect(withHonours([{ level: 'national', year: 2019 }, { level: 'provincial', year: 2024 }])).toMatchObject({ status: 'eligible', outcome: '加 2 分' });
  });

  test('a recent national and a recent city honour: the best rule wins', () => {
    expect(withHonours([{ level: 'national', year: 2024 }, { level: 'city', year: 2025 }])).toMatchObject({ outcome: '评级提升 1 级' });
  });

  test('the year unknown: asked; when the user cannot tell, the outcome is conditional', () => {
    expect(withHonours([{ level: 'provincial' }])).toMatchObject({ status: 'needs', facts: ['year:provincial'] });
    const settled = evaluate(kb, evaluation, { honours: [{ level: 'provincial' }], manufacturing: true, updatedAt: at }, { now: NOW, settled: new Set<FactKey>(['year:provincial']) });
    expect(settled).toMatchObject({ status: 'conditional', pendingRule: { outcome: '加 2 分' } });
  });

  test('a non-industrial enterprise is not in the industrial-enterprise evaluation', () => {
    const verdict = evaluate(kb, evaluation, { honours: [{ level: 'provincial', year: 2024 }], manufacturing: false, updatedAt: at }, { now: NOW });
    expect(verdict).toMatchObject({ status: 'ineligible', reason: { kind: 'trait' } });
  });
});

describe('asking only what the rules need', () => {
  test('nothing known: the honours come first', () => {
    expect(missingFacts(evaluateAll(kb, { honours: [], updatedAt: at }, { now: NOW }))).toEqual(['honours']);
  });

  test('no honour: the pool, and no trait (the hiring need is stated as the job fair\'s condition, not asked)', () => {
    expect(missingFacts(evaluateAll(kb, { honours: [], noHonour: true, updatedAt: at }, { now: NOW }))).toEqual(['inPool']);
    expect(missingFacts(evaluateAll(kb, { honours: [], noHonour: true, inPool: true, updatedAt: at }, { now: NOW }))).toEqual([]);
    const fair = evaluateAll(kb, { honours: [], noHonour: true, inPool: true, updatedAt: at }, { now: NOW }).find((v) => v.item.id === 'tal.job-fair')!;
    expect(fair).toMatchObject({ status: 'conditional', facts: ['hiring'] });
    expect(fair.traitsPending.map((t) => t.id)).toEqual(['hiring']);
  });

  test('a provincial enterprise: manufacturing, its year (only when industrial), listing — not hiring nor first recognition', () => {
    const p: EnterpriseProfile = { honours: [{ level: 'provincial' }], updatedAt: at };
    expect(missingFacts(evaluateAll(kb, p, { now: NOW }))).toEqual(['manufacturing', 'planningIpo']);
    expect(missingFacts(evaluateAll(kb, { ...p, manufacturing: true }, { now: NOW }))).toEqual(['year:provincial', 'planningIpo']);
    expect(missingFacts(evaluateAll(kb, { ...p, manufacturing: false }, { now: NOW }))).toEqual(['planningIpo']);
    // told, they decide as before
    expect(evaluateAll(kb, { ...p, hiring: false }, { now: NOW }).find((v) => v.item.id === 'tal.job-fair')!.status).toBe('ineligible');
  });

  test('one measure asks only its own facts', () => {
    const talent = items.filter((i) => i.id === 'tal.talent-matching');
    expect(missingFacts(evaluateAll(kb, { honours: [{ level: 'city' }], updatedAt: at }, { now: NOW }, talent))).toEqual([]);
    const ipo = items.filter((i) => i.id === 'fin.ipo-cultivation');
    expect(missingFacts(evaluateAll(kb, { honours: [{ level: 'city' }], updatedAt: at }, { now: NOW }, ipo))).toEqual(['planningIpo']);
  });

  test('a preferred trait is never asked: it only adds to a measure that applies anyway', () => {
    const transformation = items.filter((i) => i.id === 'tech.transformation');
    const p: EnterpriseProfile = { honours: [{ level: 'provincial' }], updatedAt: at };
    expect(missingFacts(evaluateAll(kb, p, { now: NOW }, transformation))).toEqual([]);
    expect(evaluateAll(kb, p, { now: NOW }, transformation)[0]).toMatchObject({ status: 'eligible', traitsMet: [] });
    expect(evaluateAll(kb, { ...p, manufacturing: true }, { now: NOW }, transformation)[0].traitsMet.map((t) => t.id)).toEqual(['manufacturing']);
  });

  test('a large enterprise is asked nothing', () => {
    expect(missingFacts(evaluateAll(kb, { honours: [], large: true, updatedAt: at }, { now: NOW }))).toEqual([]);
  });

  test('the pool unknown and settled: 三类 measures become conditional', () => {
    const verdicts = evaluateAll(kb, { honours: [], noHonour: true, hiring: true, updatedAt: at }, { now: NOW, settled: new Set<FactKey>(['inPool']) });
    const salon = verdicts.find((v) => v.item.id === 'svc.salon')!;
    expect(salon).toMatchObject({ status: 'conditional', facts: ['inPool'] });
    expect(verdicts.find((v) => v.item.id === 'svc.deep-diagnosis')!.status).toBe('ineligible');
  });
});
