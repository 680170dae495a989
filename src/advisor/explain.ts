/**
 * Words for the advisor's verdicts: the enterprise's facts, a rule, why a measure applies or not.
 * Everything is built from the profile and the eligibility data; no measure is named here, and the
 * words themselves are in the catalogue (copy.ts).
 */
import type { Condition, Tier } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/template';
import type { HonourLevel } from '../domain/vocabulary';
import type { AdvisorTexts } from '../knowledge/advisorFile';
import { CHINESE_NUMBERS, EXPLAIN_TEXT as W, JOIN, LEVEL_LABELS } from './copy';
import type { EnterpriseProfile, HonourRecord } from './profile';
import { windowYears, type EligibilityRule, type Verdict } from './ruleEngine';

/** 国家级、省级 / 市级和区级 (two levels read "和", as the policy writes 市级和区级). */
export function levelsText(levels: readonly HonourLevel[]): string {
  const labels = levels.map((l) => LEVEL_LABELS[l]);
  return labels.length === 2 && levels.includes('city') && levels.includes('district') ? labels.join(W.and) : JOIN.list(labels);
}

/** 省级专精特新 / 市级专精特新，2024年认定 / 省级、市级专精特新，省级2023年认定 / 入库培育企业. */
export function honourPhrase(profile: EnterpriseProfile, withYears = false): string {
  if (profile.large) return W.large;
  if (profile.honours.length === 0) {
    if (profile.inPool === true) return W.inPoolEnterprise;
    if (profile.noHonour) return profile.inPool === false ? W.noHonourNotInPool : W.noHonour;
    return W.honourUnknown;
  }
  const levels = W.levelsHonour(levelsText(profile.honours.map((h) => h.level)));
  const dated = withYears ? profile.honours.filter((h) => h.year) : [];
  if (dated.length === 0) return levels;
  const single = profile.honours.length === 1;
  return W.recognised(levels, dated.map((h) => W.yearOf(single ? '' : LEVEL_LABELS[h.level], h.year!)));
}

/** 面向… unless the audience already says so (优先面向…). */
export function audienceClause(audience: string): string {
  return /^(优先)?面向/.test(audience) ? audience : W.audience(audience);
}

/** The facts a user gave, for "根据您提供的信息（…）". */
export function profileFacts(profile: EnterpriseProfile): string {
  const parts = [honourPhrase(profile, true)];
  if (profile.honours.length === 0 && profile.noHonour && profile.inPool === true) parts[0] = W.noHonourInPool;
  if (profile.manufacturing !== undefined) parts.push(W.manufacturing(profile.manufacturing));
  if (profile.planningIpo !== undefined) parts.push(W.planningIpo(profile.planningIpo));
  if (profile.hiring !== undefined) parts.push(W.hiring(profile.hiring));
  if (profile.firstRecognition !== undefined && profile.honours.length > 0) parts.push(W.firstRecognition(profile.firstRecognition));
  return JOIN.clauses(parts);
}

export function tierLabel(tier: Tier, profile: EnterpriseProfile): string {
  return W.tierLabel(tier.name, honourPhrase(profile));
}

/** 贵企业为二类（市级专精特新）; without honours and with the pool unknown, no tier is claimed. */
export function standing(tier: Tier, profile: EnterpriseProfile): string {
  if (profile.honours.length === 0 && profile.inPool !== true && !profile.large) return W.enterprise(honourPhrase(profile));
  return W.enterpriseIs(tierLabel(tier, profile));
}

/** 近三年内认定的省级“专精特新”企业加 2 分. */
export function conditionText(when: Condition): string {
  const within = when.recognisedWithinYears ? W.withinYears(CHINESE_NUMBERS[when.recognisedWithinYears] ?? String(when.recognisedWithinYears)) : '';
  const first = when.firstRecognition ? W.firstRecognitionRule : '';
  const pool = when.inPool ? W.inPoolRule : '';
  const levels = when.honourLevels ? W.levelsRule(levelsText(when.honourLevels)) : '';
  return W.ruleSubject(`${within}${first}${pool}${levels}`);
}

export function ruleText(rule: EligibilityRule): string {
  return `${conditionText(rule.when)}${rule.outcome}`;
}

/** All rules of a measure in one sentence: 近三年内认定的国家级…评级提升 1 级，省级…加 2 分. */
export function rulesSummary(rules: readonly EligibilityRule[]): string {
  return JOIN.commas(rules.map(ruleText));
}

function recordsText(honours: readonly HonourRecord[]): string {
  return JOIN.list(honours.map((h) => W.record(LEVEL_LABELS[h.level], h.year)));
}

function windowNote(rule: EligibilityRule | undefined, texts: AdvisorTexts, now: Date): string {
  const years = rule?.when.recognisedWithinYears;
  return years ? fillTemplate(texts.evaluationWindow, { ...stringValues(windowYears(years, now)) }) : '';
}

function stringValues(values: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

/** One line: why the measure applies (eligible / conditional) or not (ineligible). */
export function whyLine(verdict: Verdict, profile: EnterpriseProfile, texts: AdvisorTexts, now: Date): string {
  switch (verdict.status) {
    case 'eligible': {
      const e = verdict.item.eligibility;
      if (verdict.asLarge) return W.largeRole(texts.unmetLarge);
      const basis = verdict.rule ? ruleText(verdict.rule) : audienceClause(e.audience);
      const facts = verdict.rule?.when.recognisedWithinYears && verdict.usedHonours?.length
        ? W.enterprise(recordsText(verdict.usedHonours))
        : W.enterpriseIs(verdict.tier ? tierLabel(verdict.tier, profile) : honourPhrase(profile));
      const traits = verdict.traitsMet.map((t) => t.label);
      return W.eligibleWhy(basis, facts, traits);
    }
    case 'conditional':
      return conditionalLine(verdict, profile, now);
    case 'ineligible':
      return whyNotLine(verdict, profile, texts, now);
    case 'needs':
      return verdict.item.eligibility.audience;
  }
}

function conditionalLine(verdict: Verdict, profile: EnterpriseProfile, now: Date): string {
  const ifs: string[] = [];
  if (verdict.facts.includes('inPool')) ifs.push(W.inPoolIf);
  for (const trait of verdict.traitsPending) ifs.push(W.trait(trait.label));
  const rule = verdict.pendingRule;
  if (rule) {
    const undated = profile.honours.filter((h) => rule.when.honourLevels?.includes(h.level) && h.year === undefined);
    const window = rule.when.recognisedWithinYears ? windowYears(rule.when.recognisedWithinYears, now) : undefined;
    // A rule that only repeats a pending trait (首次认定) adds no condition of its own.
    const onlyTraits = rule.when.firstRecognition !== undefined && !rule.when.honourLevels && verdict.traitsPending.some((t) => t.id === 'first_recognition');
    if (undated.length && window) ifs.push(W.recognisedSince(levelsText(undated.map((h) => h.level)), window.from));
    else if (!onlyTraits) ifs.push(conditionText(rule.when).replace(/的?企业$/, ''));
  }
  // (A rule the honours already meet, with a trait still pending: its outcome is what the trait would bring — "加 2 分".)
  const outcome = rule?.outcome ?? verdict.outcome ?? verdict.rule?.outcome ?? W.mayEnjoy;
  const otherwise = rule && verdict.outcome ? W.otherwise(verdict.outcome) : '';
  return W.conditional(ifs, outcome, otherwise);
}

/**
 * A short reason for a list of what does not apply, where the reason is the enterprise's own dates
 * ("资源集约利用评价（贵企业2021年获省级认定，不在近三年内，…）"); undefined for reasons the measure's name
 * already implies.
 */
export function shortWhyNot(verdict: Verdict, texts: AdvisorTexts, now: Date): string | undefined {
  const reason = verdict.reason;
  if (verdict.status !== 'ineligible' || reason?.kind !== 'rules') return undefined;
  const dated = reason.honours.filter((h) => h.year !== undefined);
  const rule = verdict.item.eligibility.rules.find((r) => r.when.recognisedWithinYears);
  return dated.length && rule ? W.notRecent(recordsText(dated), windowNote(rule, texts, now)) : undefined;
}

function whyNotLine(verdict: Verdict, profile: EnterpriseProfile, texts: AdvisorTexts, now: Date): string {
  const elig = verdict.item.eligibility;
  const reason = verdict.reason;
  switch (reason?.kind) {
    case 'large':
      return texts.unmetLarge;
    case 'notInPool':
      return texts.unmetNotInPool;
    case 'tier': {
      const extra = elig.unmet ?? (reason.tier.id === 3 ? texts.defaultUnmet : '');
      return W.tierWhyNot(audienceClause(elig.audience), standing(reason.tier, profile), extra);
    }
    case 'honour':
      return `${audienceClause(elig.audience)}${W.noHonourOfLevel}`;
    case 'trait':
      return reason.trait.unmet ?? W.traitAudience(reason.trait.label);
    case 'rules': {
      const dated = reason.honours.filter((h) => h.year !== undefined);
      const rule = elig.rules.find((r) => r.when.recognisedWithinYears);
      const window = windowNote(rule, texts, now);
      const facts = dated.length ? W.notListed(recordsText(dated), window) : '';
      return `${rulesSummary(elig.rules)}${facts}`;
    }
    default:
      return elig.audience;
  }
}
