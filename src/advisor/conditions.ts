/**
 * Conditions a question states, reasoned with the advisor's one rule engine and the eligibility
 * data of knowledge/: the year an honour was recognised against 近三年内 (counted from today's
 * date, naming the years that count), and the programme's own scope (a large enterprise, one with
 * no honour outside the pool). The Q&A answers these in general terms; nothing is asked.
 */
import type { StatedFacts } from '../domain/enterprise';
import type { ConditionReasoner } from '../answers/answerBuilder';
import { TRAIT_FIELD, type KnowledgeItem } from '../knowledge/schema';
import { fillTemplate } from '../knowledge/template';
import type { KnowledgeBase } from '../knowledge/types';
import { recentYearsText } from '../knowledge/years';
import { asksWhetherMay } from '../nlu/eligibility';
import type { Entities } from '../nlu/types';
import { getAdvisorKnowledge, type AdvisorKnowledge } from '../knowledge/advisorFile';
import { CONDITION_TEXT as C, JOIN, LEVEL_LABELS } from './copy';
import { rulesSummary } from './explain';
import { FactReader } from '../nlu/statedFacts';
import { emptyProfile, type HonourRecord } from './profile';
import { isWithin, judgedItems, matchCondition, preferredPartAsked } from './ruleEngine';
import { tierForHonours, tierNamedIn } from '../knowledge/tiers';

/** "也能加分吗": whether a measure's points apply, asked as whether one may take part is. */
/** "用得上吗", "适用吗", "算不算": whether the measure applies to us. */
const APPLIES = /用得上|用不上|能用|适用|适合|算不算|有没有份|有份/u;
const MAY_SCORE = /(?:(?:能|可以|可)(?:加分|提档|加到分)[^，,。]{0,4}(?:吗|么|不)?|有没有加分|加不加分|能不能加分|有加分吗|有加分不|加分不|有没有提档|能不能提档)[？?。！!\s]*$/u;

/** The advisor's reasoning, offered to the Q&A (wired by the composition root). */
/** Getting into the pool asked ("能进培育库吗", "怎么入库"): the pool is no standing told. */
const POOL_ASKED = /(?:能|可以|能否|能不能|可不可以|怎么|如何|想|要)(?:进|入|加入|进入)[^，,。？?]{0,8}(?:培育库|库)|入库吗|怎么入库|如何入库/u;

export class ConditionJudge implements ConditionReasoner {
  private readonly advisor: AdvisorKnowledge;
  private readonly reader: FactReader;

  constructor(private readonly kb: KnowledgeBase) {
    this.advisor = getAdvisorKnowledge(kb.dir);
    this.reader = new FactReader(kb, this.advisor);
  }

  /**
   * "我们2019年评上的省级，今年还加分吗": the item's dated rules (近三年内认定的…) evaluated for the
   * honours and years the message states. Undefined when the message gives no dated honour or the
   * item has no dated rule.
   */
  dated(item: KnowledgeItem, message: { text: string; facts?: StatedFacts }, now: Date): string | undefined {
    const rules = item.eligibility?.rules.filter((r) => r.when.recognisedWithinYears && r.when.honourLevels) ?? [];
    if (rules.length === 0) return undefined;
    // "听说2022年评的市级专精特新，今年还能加1分，是真的吗": without a year of ours among the message's facts, a
    // dated honour it asks about without claiming it is what the rule is evaluated for (named, not "贵企业").
    const ours = message.facts;
    const datedOurs = ours && (ours.update.honours?.some((h) => h.year !== undefined) || ours.looseYears.length > 0);
    const read = datedOurs ? ours : this.reader.read(message.text, now);
    const honours = (read.update.honours ?? []).filter((h): h is Required<HonourRecord> => h.year !== undefined);
    const years = rules[0].when.recognisedWithinYears!;
    const window = recentYearsText(years, now);
    if (honours.length === 0) {
      // ("没拿过荣誉，但2024年进了培育库": the year is when it joined the pool, no recognition — the tier decides.)
      if (read.update.noHonour || read.update.inPool === true) return undefined;
      // A year without its level ("2023年认定的还算吗"): the window alone decides, for every level.
      const [year] = read.looseYears;
      if (year === undefined) return undefined;
      return isWithin(year, years, now) ? C.yearRecent(year, window, rulesSummary(rules)) : C.notRecent(C.stated(year), window, rulesSummary(rules));
    }
    const profile = { ...emptyProfile(now), honours };
    for (const rule of rules) {
      const match = matchCondition(rule.when, profile, now);
      if (match.kind !== 'yes') continue;
      const used = JOIN.list(match.honours.map((h) => C.stated(h.year!, LEVEL_LABELS[h.level])));
      // An older honour stated beside it is said not to count ("2023年的区级不在近三年内").
      const old = honours.filter((h) => !isWithin(h.year, years, now));
      const recent = C.recent(rule.outcome, used, window);
      return old.length ? `${recent}${C.alsoNotRecent(JOIN.list(old.map((h) => C.stated(h.year, LEVEL_LABELS[h.level]))))}` : recent;
    }
    const stated = JOIN.list(honours.map((h) => C.stated(h.year, LEVEL_LABELS[h.level])));
    // "2023年12月20日认定的市级": less than three years ago by its date, outside by its year.
    if (honours.length === 1) {
      const [h] = honours;
      const date = recognisedOn(message.text, h.year);
      const rule = rules.find((r) => r.when.honourLevels!.includes(h.level));
      if (date && rule && isWithin(h.year + 1, years, now) && yearsLater(date, years) > now) return C.byDate(C.statedOn(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), LEVEL_LABELS[h.level]), window, rule.outcome);
    }
    // (The rule of the levels told, not all three: "近三年内认定的省级…加 2 分".)
    const theirs = rules.filter((r) => r.when.honourLevels!.some((l) => honours.some((h) => h.level === l)));
    return C.notRecent(stated, window, rulesSummary(theirs.length ? theirs : rules));
  }

  /** "我们不是工业企业…评价的加分用得上吗": a trait the measure requires that our enterprise lacks — it does not apply. */
  denied(item: KnowledgeItem, facts: StatedFacts | undefined, question: string, now: Date): string | undefined {
    // (Asked what the measure is — "专场招聘是什么" — it is described, not refused.)
    if (!asksWhetherMay(question) && !MAY_SCORE.test(question) && !APPLIES.test(question)) return undefined;
    const trait = deniedTrait(item, facts);
    if (!trait) return undefined;
    // What the honours told would bring with the trait ("如为工业（制造业）企业，可加 1 分").
    const honours = (facts?.update.honours ?? []).filter((h): h is Required<HonourRecord> => h.year !== undefined);
    const profile = { ...emptyProfile(now), honours };
    const rule = honours.length ? item.eligibility?.rules.find((r) => matchCondition(r.when, profile, now).kind === 'yes') : undefined;
    return C.traitDenied(item.title, trait.label, trait.unmet ?? '') + (rule ? C.withTrait(trait.label, rule.outcome) : '');
  }

  /**
   * "我们是国家级的，评价能提档吗": an honour a dated rule covers, stated without its year — which years
   * count, and the year asked (given next, the question is answered again with it); no honour stated
   * at all — the level asked too.
   */
  undated(item: KnowledgeItem, facts: StatedFacts | undefined, now: Date): string | undefined {
    const rules = item.eligibility?.rules.filter((r) => r.when.recognisedWithinYears && r.when.honourLevels) ?? [];
    const honours = facts?.update.honours ?? [];
    if (facts?.update.noHonour || facts?.update.inPool !== undefined || (facts?.looseYears.length ?? 0) > 0) return undefined;
    // "我们评价能加分吗", nothing said of our honours: the level (and the year, where it counts) asked.
    if (honours.length === 0) {
      if (rules.length) return C.whichLevelAndYear;
      return item.facets.some((f) => f.when?.honourLevels) ? C.whichLevel : undefined;
    }
    if (rules.length === 0 || honours.some((h) => h.year !== undefined)) return undefined;
    if (!honours.some((h) => rules.some((r) => r.when.honourLevels!.includes(h.level)))) return undefined;
    return C.whichYear(recentYearsText(rules[0].when.recognisedWithinYears!, now));
  }

  /**
   * "大型企业能参加吗", "没入库能参加沙龙吗": the programme's scope for an enterprise the question
   * describes. Undefined when the question describes none outside the programme.
   */
  scope(item: KnowledgeItem, entities: Entities, question: string): string | undefined {
    // ("大型企业是否属于三类培育对象": the tier asked of a large enterprise is the programme's scope too.)
    const tierOfOutsider = item.resolver === 'tier' && (entities.large === true || entities.outsidePark === true);
    if (!asksWhetherMay(question) && !tierOfOutsider) return undefined;
    const t = this.advisor.texts;
    if (entities.outsidePark === true && this.kb.messages.programmeLocation) return this.kb.messages.programmeLocation;
    // "集团的全资子公司，子公司本身150人": whether it counts as an SME the policy does not say.
    // ("子公司…只是入了园区培育库，这种也能参加专场招聘吗": one with an honour or in the pool is a cultivation target already.)
    const standingTold = (entities.honourLevels?.length ?? 0) > 0 || (entities.inPool === true && !POOL_ASKED.test(question));
    if (entities.groupMember === true && !standingTold && this.kb.messages.groupMemberScope) return this.kb.messages.groupMemberScope;
    if (entities.large === true) {
      const scope = this.kb.messages.programmeScope ?? t.large;
      const forLarge = item.eligibility?.forLarge ?? judgedItems(this.kb).find((i) => i.eligibility.forLarge)?.eligibility.forLarge;
      return forLarge ? C.largeScope(scope, forLarge) : scope;
    }
    const noHonour = !(entities.honourLevels?.length ?? 0) && !entities.inPool;
    // Outside the pool, or (nothing said of the pool) without an honour: the pool decides.
    if (noHonour && (entities.notInPool === true || entities.noHonour === true)) {
      const tier3 = this.kb.tiers.find((x) => x.id === 3)!;
      const template = entities.notInPool === true ? (this.kb.messages.tierNotInPool ?? this.kb.messages.tierNoHonourNotInPool) : this.kb.messages.tierNoHonourNotInPool;
      const notInPool = fillTemplate(template, { tier: tier3.name, definition: tier3.definition });
      const audience = item.eligibility?.audience ?? item.audience;
      return audience && item.kind === 'measure' ? C.notInPoolScope(notInPool, item.title, audience) : notInPool;
    }
    return undefined;
  }

  /**
   * "只进了培育库的企业能参加专场招聘吗", "市级专精特新能参加人才对接吗": whether an enterprise the question
   * describes by its honours or the pool may take part in a measure (or get a safeguard's award: 首次认定奖补),
   * by the tiers it serves.
   */
  served(item: KnowledgeItem, entities: Entities, question: string, ofListed = false): string | undefined {
    const e = item.eligibility;
    // (`ofListed`: asked which of several enterprises described — "会优先推荐给哪几家" — it is asked of each.)
    // ("那二类企业呢，也有吗": a tier named, asked whether it has it too.)
    const tierAsksToo = TIER_ASKED_OF.test(question) && ALSO_HAS.test(question);
    if (!e || (item.kind !== 'measure' && item.kind !== 'safeguard') || !(ofListed || asksWhetherMay(question) || MAY_SCORE.test(question) || tierAsksToo)) return undefined;
    // ("三类能加分吗", "二类企业能参加人才对接吗": a tier named stands for the honours that make it.)
    const tierAsked = entities.honourLevels?.length || entities.inPool ? undefined : TIER_ASKED_OF.exec(question);
    const namedTier = tierAsked ? tierNamedIn(tierAsked, this.kb) : undefined;
    const levels = namedTier ? namedTier.honourLevels : (entities.honourLevels ?? []);
    const inPool = entities.inPool === true || namedTier?.inPool === true;
    if (levels.length === 0 && !inPool) return undefined;
    const tier = tierForHonours(levels, this.kb);
    const priority = e.honourLevels;
    const unmet = (e.unmet ?? '').replace(/[。；;]$/u, '');
    if (!e.tiers.includes(tier.id)) return C.tierNotServed(tier.name, item.title, e.audience, unmet, priority?.mode === 'preferred', e.offer);
    if (priority && !levels.some((l) => priority.levels.includes(l))) {
      const named = JOIN.list(priority.levels.map((l) => LEVEL_LABELS[l]));
      if (priority.mode === 'required') return C.tierNotServed(tier.name, item.title, e.audience, unmet, false, e.offer);
      // "区级能享受重点辅导吗": asked the part only the preferred levels get, the answer is no.
      const part = preferredPartAsked(item, question);
      // ("培育库里的企业能去听吗": the pool, as asked, named with its tier.)
      const asked = levels.length === 0 && inPool ? C.poolTier(tier.name) : tier.name;
      return part ? C.priorityPartNotServed(tier.name, item.title, named, part) : C.tierServedLessPriority(asked, item.title, named);
    }
    // A trait the measure requires and asking does not state (拟上市) is said as the condition it is.
    const required = e.traits.filter((t) => t.mode === 'required' && !t.statedByAsking).map((t) => C.traitCondition(t.label));
    // (An enterprise only in the pool is told the measure's audience, which names the pool.)
    const poolOnly = levels.length === 0 && inPool && C.namesPool(e.audience);
    const joins = e.activityType !== undefined || item.joinedAsActivity === true;
    return C.tierServed(tier.name, item.title, required.join(''), poolOnly ? e.audience : '', joins);
  }
}

/** Whether it has it too ("也有吗", "有没有"). */
const ALSO_HAS = /也有|有吗|有没有|也能|也可以|也算|呢[？?。]*$/u;
/** A tier named as the enterprise asked about ("三类能…", "二类企业可以…"), not the tiers described. */
const TIER_ASKED_OF = /(?:^|[^第分])(?:(一)|(二)|(三))类(?:企业|培育对象)?(?:的)?(?=能|可以|可|是否|有没有|也能|也可以|还能|也有|呢|的话)/u;


/** A trait the item requires that the stated facts say the enterprise lacks ("不是工业企业"), if any. */
function deniedTrait(item: KnowledgeItem, facts: StatedFacts | undefined): { label: string; unmet?: string } | undefined {
  if (!facts) return undefined;
  return item.eligibility?.traits.find((t) => t.mode === 'required' && facts.update[TRAIT_FIELD[t.id]] === false);
}

/** A recognition date written out: 2023年12月20日, 2023.12.20, 2023-12 (year, month and maybe day). */
const FULL_DATE = /((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])?\s*(\d{1,2})?/gu;

/** The month and day the text gives for a recognition in `year`, or undefined. */
function recognisedOn(text: string, year: number): Date | undefined {
  const m = [...text.matchAll(FULL_DATE)].find((x) => Number(x[1]) === year);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : undefined;
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  // (A month without a day counts from its last day: the earliest it can have been recognised is not known.)
  return day !== undefined ? new Date(Date.UTC(year, month - 1, day)) : new Date(Date.UTC(year, month, 0));
}

function yearsLater(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
}
