/**
 * Evaluates the declarative eligibility of every measure (knowledge/policy/*.yaml, `eligibility`)
 * against an enterprise profile. One engine for every measure: no measure is special-cased here.
 *
 * Order of checks: large enterprise → tier → required honour levels → (no rule can hold: done) → required traits → rules
 * (first that holds gives the outcome; `otherwise` when none does) → preferred traits (known ones only). A fact the
 * profile lacks makes the verdict `needs` (ask it), or `conditional` when the user could not tell.
 */
import { TRAIT_FIELD, type Condition, type Eligibility, type KnowledgeItem, type Tier } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import { tierForHonours } from '../knowledge/tiers';
import { FACT_ORDER, type FactKey } from '../nlu/statedFacts';
import { yearIn } from '../knowledge/years';
import type { EnterpriseProfile, HonourRecord } from './profile';
import { tierStatus } from './tierStatus';

export type EligibilityTrait = Eligibility['traits'][number];
export type EligibilityRule = Eligibility['rules'][number];
export type TraitId = EligibilityTrait['id'];

/** An item the advisor can judge (a measure, or a safeguard with eligibility). */
export type JudgedItem = KnowledgeItem & { eligibility: Eligibility };

export type Reason =
  | { kind: 'large' }
  | { kind: 'notInPool' }
  | { kind: 'tier'; tier: Tier }
  | { kind: 'honour' }
  | { kind: 'trait'; trait: EligibilityTrait }
  | { kind: 'rules'; honours: HonourRecord[] };

export type VerdictStatus = 'eligible' | 'ineligible' | 'conditional' | 'needs';

export interface Verdict {
  item: JudgedItem;
  status: VerdictStatus;
  /** the tier the decision used (assumed 三类 when the pool is unknown and settled) */
  tier?: Tier;
  /** the large-enterprise outcome applies */
  asLarge?: boolean;
  /** what applies: the rule outcome, `otherwise`, or the large-enterprise text */
  outcome?: string;
  /** the rule that gave the outcome */
  rule?: EligibilityRule;
  /** the honours the rule relied on (e.g. the recent ones) */
  usedHonours?: HonourRecord[];
  /** a rule that holds only if an unknown fact is true (conditional) */
  pendingRule?: EligibilityRule;
  /** traits the enterprise holds that matter here */
  traitsMet: EligibilityTrait[];
  /** required traits the user could not tell (conditional) */
  traitsPending: EligibilityTrait[];
  /** why not (ineligible) */
  reason?: Reason;
  /** facts to ask (needs) or that the user could not tell (conditional) */
  facts: FactKey[];
}

export interface EvaluationOptions {
  now: Date;
  /** facts the user was asked and could not tell: treated as unknown for good */
  settled?: ReadonlySet<FactKey>;
}

type Match = { kind: 'yes'; honours: HonourRecord[] } | { kind: 'no' } | { kind: 'unknown'; facts: FactKey[] };

/** Every item the advisor judges, in knowledge order. */
export function judgedItems(kb: KnowledgeBase): JudgedItem[] {
  return kb.items.filter((i): i is JudgedItem => i.eligibility !== undefined);
}

export function evaluateAll(kb: KnowledgeBase, profile: EnterpriseProfile, options: EvaluationOptions, items: JudgedItem[] = judgedItems(kb)): Verdict[] {
  return items.map((item) => evaluate(kb, item, profile, options));
}

/** The facts still to ask before every verdict is known, in asking order. */
export function missingFacts(verdicts: Verdict[]): FactKey[] {
  const wanted = new Set(verdicts.filter((v) => v.status === 'needs').flatMap((v) => v.facts));
  return FACT_ORDER.filter((f) => wanted.has(f));
}

export function evaluate(kb: KnowledgeBase, item: JudgedItem, profile: EnterpriseProfile, options: EvaluationOptions): Verdict {
  const settled = options.settled ?? new Set<FactKey>();
  const e = item.eligibility;
  const base = { item, traitsMet: [] as EligibilityTrait[], traitsPending: [] as EligibilityTrait[], facts: [] as FactKey[] };
  const needs = (facts: FactKey[]): Verdict => ({ ...base, status: 'needs', facts });
  const no = (reason: Reason, tier?: Tier): Verdict => ({ ...base, status: 'ineligible', reason, ...(tier ? { tier } : {}) });

  const standing = tierStatus(profile, kb);
  if (standing.kind === 'large') {
    return e.forLarge ? { ...base, status: 'eligible', asLarge: true, outcome: e.forLarge } : no({ kind: 'large' });
  }
  if (standing.kind === 'notInPool') return no({ kind: 'notInPool' });
  let tier: Tier;
  const pending: FactKey[] = [];
  if (standing.kind === 'needs') {
    if (standing.fact === 'inPool' && settled.has('inPool')) {
      // Not sure about the pool: judge as a pool enterprise and say it depends on that.
      tier = tierForHonours([], kb);
      pending.push('inPool');
    } else {
      return needs([standing.fact]);
    }
  } else {
    tier = standing.tier;
  }

  if (!e.tiers.includes(tier.id)) return no({ kind: 'tier', tier }, tier);
  if (e.honourLevels?.mode === 'required' && !profile.honours.some((h) => e.honourLevels!.levels.includes(h.level))) {
    return no({ kind: 'honour' }, tier);
  }

  // Each rule against what is known (the traits asked below do not change it).
  const matches = e.rules.map((r) => matchCondition(r.when, profile, options.now));
  // No rule can hold with what is known ("2021年认定的国家级" against 近三年内): nothing to ask before saying so.
  if (e.rules.length > 0 && !e.otherwise && matches.every((m) => m.kind === 'no')) {
    return no({ kind: 'rules', honours: profile.honours }, tier);
  }

  const traitsMet: EligibilityTrait[] = [];
  const traitsPending: EligibilityTrait[] = [];
  // Traits stated as the measure's condition instead of asked (`asked: false`), here and in its rules.
  const unasked = new Set<FactKey>(e.traits.filter((t) => t.asked === false).map((t) => TRAIT_FIELD[t.id]));
  for (const trait of e.traits.filter((t) => t.mode === 'required')) {
    const field = TRAIT_FIELD[trait.id];
    const value = profile[field];
    if (value === false) return no({ kind: 'trait', trait }, tier);
    if (value === undefined) {
      if (!settled.has(field) && !unasked.has(field)) return needs([field]);
      traitsPending.push(trait);
      pending.push(field);
    } else {
      traitsMet.push(trait);
    }
  }

  let outcome: string | undefined;
  let rule: EligibilityRule | undefined;
  let pendingRule: EligibilityRule | undefined;
  let usedHonours: HonourRecord[] = [];
  for (const [i, candidate] of e.rules.entries()) {
    const match = matches[i];
    if (match.kind === 'yes') {
      outcome = candidate.outcome;
      rule = candidate;
      usedHonours = match.honours;
      break;
    }
    if (match.kind === 'unknown' && !pendingRule) {
      const toAsk = match.facts.filter((f) => !settled.has(f) && !unasked.has(f));
      if (toAsk.length) return needs(toAsk);
      pendingRule = candidate;
      pending.push(...match.facts);
    }
  }
  if (!rule && e.otherwise) outcome = e.otherwise;
  if (e.rules.length > 0 && !rule && !pendingRule && !e.otherwise) return no({ kind: 'rules', honours: profile.honours }, tier);

  // A preferred trait only adds to a measure that applies anyway: used when known, never asked for.
  for (const trait of e.traits.filter((t) => t.mode === 'preferred')) {
    if (profile[TRAIT_FIELD[trait.id]] === true) traitsMet.push(trait);
  }

  const status: VerdictStatus = pending.length > 0 ? 'conditional' : 'eligible';
  return {
    item,
    status,
    tier,
    ...(outcome ? { outcome } : {}),
    ...(rule ? { rule } : {}),
    ...(pendingRule ? { pendingRule } : {}),
    ...(usedHonours.length ? { usedHonours } : {}),
    traitsMet,
    traitsPending,
    facts: pending,
  };
}

/** Whether a rule condition holds for the profile; unknown facts are named. */
export function matchCondition(when: Condition, profile: EnterpriseProfile, now: Date): Match {
  const unknown: FactKey[] = [];
  let honours: HonourRecord[] = [];
  if (when.honourLevels) {
    const held = profile.honours.filter((h) => when.honourLevels!.includes(h.level));
    if (held.length === 0) return { kind: 'no' };
    if (when.recognisedWithinYears !== undefined) {
      const window = when.recognisedWithinYears;
      const recent = held.filter((h) => h.year !== undefined && isWithin(h.year, window, now));
      if (recent.length > 0) honours = recent;
      else {
        const undated = held.filter((h) => h.year === undefined);
        if (undated.length === 0) return { kind: 'no' };
        unknown.push(...undated.map((h) => `year:${h.level}` as FactKey));
      }
    } else {
      honours = held;
    }
  }
  if (when.noHonour !== undefined) {
    if (profile.honours.length > 0) {
      if (when.noHonour) return { kind: 'no' };
    } else if (profile.noHonour === undefined) unknown.push('honours');
    else if (profile.noHonour !== when.noHonour) return { kind: 'no' };
  }
  for (const key of ['inPool', 'firstRecognition'] as const) {
    const wanted = when[key];
    if (wanted === undefined) continue;
    const value = profile[key];
    if (value === undefined) unknown.push(key);
    else if (value !== wanted) return { kind: 'no' };
  }
  return unknown.length ? { kind: 'unknown', facts: unknown } : { kind: 'yes', honours };
}

/** "近三年内": the recognition year is one of the last `years` calendar years, this one included. */
export function isWithin(year: number, years: number, now: Date): boolean {
  const current = yearIn(now);
  return year <= current && current - year < years;
}

/** The first and last year of the window, e.g. 2023—2025 in 2025. */
export function windowYears(years: number, now: Date): { from: number; to: number } {
  const to = yearIn(now);
  return { from: to - years + 1, to };
}

/**
 * The item's own word for what only its preferred honour levels get (a rule of those levels names it,
 * what every enterprise gets does not), when the question names it: 重点辅导 of 人才申报.
 */
export function preferredPartAsked(item: KnowledgeItem, question: string): string | undefined {
  const e = item.eligibility;
  const levels = e?.honourLevels?.levels ?? [];
  const outcomes = (e?.rules ?? []).filter((r) => r.when.honourLevels?.some((l) => levels.includes(l))).map((r) => r.outcome);
  const common = `${e?.offer ?? ''}${e?.otherwise ?? ''}`;
  return item.keywords.find((k) => [...k].length >= 3 && question.includes(k) && outcomes.some((o) => o.includes(k)) && !common.includes(k));
}
