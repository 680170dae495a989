/**
 * The support of a tier asked in general ("二类企业能享受哪些支持", "我们是一类企业，有啥支持"): the one rule
 * engine run for every honour level the tier is made of (一类: 国家级 and 省级), each with nothing else known,
 * and the verdicts of the levels put side by side — what every level gets, what depends on a trait or on
 * the year of recognition (with the rules of the tier's own levels), what none of them gets.
 */
import type { Tier } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import type { HonourLevel } from '../domain/vocabulary';
import { FACT_ORDER, type FactKey } from '../nlu/statedFacts';
import { emptyProfile, type EnterpriseProfile, type ProfileUpdate } from './profile';
import { decidedTier } from './tierStatus';
import { tiersNamedIn } from '../knowledge/tiers';
import { evaluateAll, type EligibilityRule, type JudgedItem, type Verdict } from './ruleEngine';

export interface TierJudgement {
  item: JudgedItem;
  status: 'eligible' | 'conditional' | 'ineligible';
  /** what the measure gives, by level where the levels differ (eligible) */
  outcomes: Array<{ level?: HonourLevel; outcome: string }>;
  /** the labels of the traits it asks for (conditional) */
  traits: string[];
  /** the rules of the tier's own levels it depends on (conditional) */
  rules: EligibilityRule[];
  /** the levels of the tier it applies to, when not all (conditional) */
  onlyLevels: HonourLevel[];
}

/** Every fact the advisor could ask: none is asked, an unknown one leaves a measure depending on it. */
const EVERY_FACT: ReadonlySet<FactKey> = new Set(FACT_ORDER);

/** One profile per way of belonging to the tier: each of its honour levels, or (三类) the pool. */
function profilesOf(tier: Tier, now: Date): Array<{ level?: HonourLevel; profile: EnterpriseProfile }> {
  if (tier.honourLevels.length === 0) return [{ profile: { ...emptyProfile(now), noHonour: true, inPool: true } }];
  return tier.honourLevels.map((level) => ({ level, profile: { ...emptyProfile(now), honours: [{ level }] } }));
}

/**
 * "二类企业能享受哪些支持", "我们是一类企业，有啥支持": the tiers a support question asks of in general — the message
 * states no honour, pool or size, and no saved facts already put the enterprise in the one tier it names. An
 * honour only supposed ("如果评上省级") asks of its tier when no honour is held; a kind of enterprise asked about, the
 * tier it belongs to.
 */
export function tiersAskedOf(kb: KnowledgeBase, text: string, stated: ProfileUpdate, profile: EnterpriseProfile, supposed: readonly HonourLevel[] = [], kindTier?: number): Tier[] {
  // ("市级专精特新企业有什么支持": a kind of enterprise asked about — the recognizer's Recognition.kindTier.)
  if (kindTier !== undefined) return kb.tiers.filter((t) => t.id === kindTier);
  // ("要是我们评上省级，能享受什么": the tier of an honour supposed, when none is held or named.)
  const ofSupposed = kb.tiers.filter((t) => t.honourLevels.some((l) => supposed.includes(l)));
  const named = tiersNamedIn(text, kb).length ? tiersNamedIn(text, kb) : profile.honours.length ? [] : ofSupposed;
  // ("三类企业…" is read as in the pool: that is the tier named, no fact besides it.)
  const poolIsNamed = stated.inPool === true && named.length === 1 && named[0].inPool === true;
  if ((stated.honours?.length ?? 0) > 0 || stated.noHonour !== undefined || (stated.inPool !== undefined && !poolIsNamed) || stated.large !== undefined) return [];
  return named.length === 1 && named[0].id === decidedTier(profile, kb) ? [] : named;
}

/** Each measure as the tier stands, its levels' verdicts put side by side. */
export function judgeTier(kb: KnowledgeBase, tier: Tier, items: JudgedItem[], now: Date): TierJudgement[] {
  const byLevel = profilesOf(tier, now).map(({ level, profile }) => ({ level, verdicts: evaluateAll(kb, profile, { now, settled: EVERY_FACT }, items) }));
  return items.map((item, i) => merge(item, byLevel.map(({ level, verdicts }) => ({ level, verdict: verdicts[i] }))));
}

/** One measure's verdicts for each level of a tier: what they all get, what depends on what, or nothing. */
function merge(item: JudgedItem, each: Array<{ level?: HonourLevel; verdict: Verdict }>): TierJudgement {
  const judgement: TierJudgement = { item, status: 'ineligible', outcomes: [], traits: [], rules: [], onlyLevels: [] };
  const usable = each.filter((e) => e.verdict.status !== 'ineligible');
  if (usable.length === 0) return judgement;
  if (usable.length === each.length && each.every((e) => e.verdict.status === 'eligible')) {
    const outcomes = each.map((e) => ({ level: e.level, outcome: e.verdict.rule?.when.honourLevels ? (e.verdict.outcome ?? '') : '' }));
    const same = outcomes.every((o) => o.outcome === outcomes[0].outcome);
    const named = same ? [{ outcome: outcomes[0].outcome }] : outcomes;
    return { ...judgement, status: 'eligible', outcomes: named.filter((o) => o.outcome) };
  }
  const traits = new Set<string>();
  for (const e of usable) for (const t of e.verdict.traitsPending) traits.add(t.label);
  // The rules a level could still meet (its year not known) or already meets (a trait pending), in the policy's order.
  const relied = new Set(usable.flatMap((e) => [e.verdict.pendingRule, e.verdict.rule]));
  const rules = item.eligibility.rules.filter((r) => relied.has(r));
  const onlyLevels = usable.length < each.length ? usable.map((e) => e.level).filter((l): l is HonourLevel => l !== undefined) : [];
  return { ...judgement, status: 'conditional', traits: [...traits], rules, onlyLevels };
}
