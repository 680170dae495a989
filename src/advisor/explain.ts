/**
 * Words for the advisor's verdicts: the enterprise's facts, a rule, why a measure applies or not.
 * Everything is built from the profile and the eligibility data; no measure is named here.
 */
import type { Condition, Tier } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/template';
import type { HonourLevel } from '../domain/vocabulary';
import type { AdvisorTexts } from './advisorKnowledge';
import type { EnterpriseProfile, HonourRecord } from './profile';
import { windowYears, type EligibilityRule, type Verdict } from './ruleEngine';

export const LEVEL_LABELS: Record<HonourLevel, string> = { national: '国家级', provincial: '省级', city: '市级', district: '区级' };

const CHINESE_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 国家级、省级 / 市级和区级 (two levels read "和", as the policy writes 市级和区级). */
export function levelsText(levels: readonly HonourLevel[]): string {
  const labels = levels.map((l) => LEVEL_LABELS[l]);
  return labels.length === 2 && levels.includes('city') && levels.includes('district') ? labels.join('和') : labels.join('、');
}

/** 省级专精特新 / 市级专精特新，2024年认定 / 省级、市级专精特新，省级2023年认定 / 入库培育企业. */
export function honourPhrase(profile: EnterpriseProfile, withYears = false): string {
  if (profile.large) return '大型企业';
  if (profile.honours.length === 0) {
    if (profile.inPool === true) return '入库培育企业';
    if (profile.noHonour) return profile.inPool === false ? '暂无荣誉、未入库' : '暂无荣誉';
    return '荣誉信息未知';
  }
  const levels = `${levelsText(profile.honours.map((h) => h.level))}专精特新`;
  const dated = withYears ? profile.honours.filter((h) => h.year) : [];
  if (dated.length === 0) return levels;
  const single = profile.honours.length === 1;
  return `${levels}，${dated.map((h) => `${single ? '' : LEVEL_LABELS[h.level]}${h.year}年`).join('、')}认定`;
}

/** 面向… unless the audience already says so (优先面向…). */
export function audienceClause(audience: string): string {
  return /^(优先)?面向/.test(audience) ? audience : `面向${audience}`;
}

/** The facts a user gave, for "根据您提供的信息（…）". */
export function profileFacts(profile: EnterpriseProfile): string {
  const parts = [honourPhrase(profile, true)];
  if (profile.honours.length === 0 && profile.noHonour && profile.inPool === true) parts[0] = '暂无荣誉、已入库培育';
  if (profile.manufacturing !== undefined) parts.push(profile.manufacturing ? '工业（制造业）企业' : '非制造业');
  if (profile.planningIpo !== undefined) parts.push(profile.planningIpo ? '拟上市' : '暂无上市计划');
  if (profile.hiring !== undefined) parts.push(profile.hiring ? '有招聘需求' : '暂无招聘需求');
  if (profile.firstRecognition !== undefined && profile.honours.length > 0) parts.push(profile.firstRecognition ? '首次认定' : '非首次认定');
  return parts.join('；');
}

export function tierLabel(tier: Tier, profile: EnterpriseProfile): string {
  return `${tier.name}（${honourPhrase(profile)}）`;
}

/** 贵企业为二类（市级专精特新）; without honours and with the pool unknown, no tier is claimed. */
export function standing(tier: Tier, profile: EnterpriseProfile): string {
  if (profile.honours.length === 0 && profile.inPool !== true && !profile.large) return `贵企业${honourPhrase(profile)}`;
  return `贵企业为${tierLabel(tier, profile)}`;
}

/** 近三年内认定的省级“专精特新”企业加 2 分. */
export function conditionText(when: Condition): string {
  const within = when.recognisedWithinYears ? `近${CHINESE_NUMBERS[when.recognisedWithinYears] ?? when.recognisedWithinYears}年内认定的` : '';
  const first = when.firstRecognition ? '首次认定荣誉的' : '';
  const pool = when.inPool ? '入库培育的' : '';
  const levels = when.honourLevels ? `${levelsText(when.honourLevels)}“专精特新”` : '';
  return `${within}${first}${pool}${levels}企业`;
}

export function ruleText(rule: EligibilityRule): string {
  return `${conditionText(rule.when)}${rule.outcome}`;
}

/** All rules of a measure in one sentence: 近三年内认定的国家级…评级提升 1 级，省级…加 2 分. */
export function rulesSummary(rules: readonly EligibilityRule[]): string {
  return rules.map(ruleText).join('，');
}

function recordsText(honours: readonly HonourRecord[]): string {
  return honours.map((h) => (h.year ? `${h.year}年获${LEVEL_LABELS[h.level]}认定` : `获${LEVEL_LABELS[h.level]}认定`)).join('、');
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
      if (verdict.asLarge) return `${texts.unmetLarge}；作为重点产业链主企业可参与此项`;
      const basis = verdict.rule ? ruleText(verdict.rule) : audienceClause(e.audience);
      const facts = verdict.rule?.when.recognisedWithinYears && verdict.usedHonours?.length
        ? `贵企业${recordsText(verdict.usedHonours)}`
        : `贵企业为${verdict.tier ? tierLabel(verdict.tier, profile) : honourPhrase(profile)}`;
      const traits = verdict.traitsMet.map((t) => t.label);
      return `${basis}；${facts}${traits.length ? `，${traits.join('、')}` : ''}`;
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
  if (verdict.facts.includes('inPool')) ifs.push('贵企业已入库培育');
  for (const trait of verdict.traitsPending) ifs.push(traitClause(trait.label));
  const rule = verdict.pendingRule;
  if (rule) {
    const undated = profile.honours.filter((h) => rule.when.honourLevels?.includes(h.level) && h.year === undefined);
    const window = rule.when.recognisedWithinYears ? windowYears(rule.when.recognisedWithinYears, now) : undefined;
    // A rule that only repeats a pending trait (首次认定) adds no condition of its own.
    const onlyTraits = rule.when.firstRecognition !== undefined && !rule.when.honourLevels && verdict.traitsPending.some((t) => t.id === 'first_recognition');
    if (undated.length && window) ifs.push(`${levelsText(undated.map((h) => h.level))}荣誉为${window.from}年及以后认定`);
    else if (!onlyTraits) ifs.push(conditionText(rule.when).replace(/的?企业$/, ''));
  }
  const outcome = rule?.outcome ?? verdict.outcome ?? '可享受';
  const otherwise = rule && verdict.outcome ? `；否则${verdict.outcome}` : '';
  return `如${ifs.join('且')}，${outcome}${otherwise}`;
}

/** 贵企业拟上市 / 贵企业为工业（制造业）企业. */
function traitClause(label: string): string {
  return label.endsWith('企业') ? `贵企业为${label}` : `贵企业${label}`;
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
      return `${audienceClause(elig.audience)}；${standing(reason.tier, profile)}${extra ? `。${extra}` : ''}`;
    }
    case 'honour':
      return `${audienceClause(elig.audience)}；贵企业暂无相应荣誉`;
    case 'trait':
      return reason.trait.unmet ?? `此项面向${reason.trait.label}的企业`;
    case 'rules': {
      const dated = reason.honours.filter((h) => h.year !== undefined);
      const rule = elig.rules.find((r) => r.when.recognisedWithinYears);
      const window = windowNote(rule, texts, now);
      const facts = dated.length ? `；贵企业${recordsText(dated)}，不在此列${window ? `（${window}）` : ''}` : '';
      return `${rulesSummary(elig.rules)}${facts}`;
    }
    default:
      return elig.audience;
  }
}
