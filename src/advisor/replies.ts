/**
 * The advisor's replies, channel-neutral (text + buttons), each message within MAX_MESSAGE
 * characters where possible: the tier with its reason, the measures an enterprise qualifies for
 * grouped by 汇, one 汇 or one measure in detail, and why some measures do not apply. Their words
 * are in the catalogue (copy.ts); the facts in knowledge/.
 */
import { fillTemplate } from '../knowledge/template';
import { tierVerdict } from '../knowledge/tiers';
import type { KnowledgeItem, Tier } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import type { AdvisorTexts } from '../knowledge/advisorFile';
import { ADVISOR_BUTTONS, JOIN, LEVEL_LABELS, PROFILE_TEXT as P, REPLY_TEXT as R } from './copy';
import { honourPhrase, levelsText, profileFacts, rulesSummary, shortWhyNot, standing, whyLine } from './explain';
import type { EnterpriseProfile } from './profile';
import type { HuiId } from './requests';
import { judgedItems, preferredPartAsked, type JudgedItem, type Verdict } from './ruleEngine';
import type { TierJudgement } from './tierSupport';
import { tierStatus } from './tierStatus';
import type { UpcomingActivity, UpcomingActivitySource } from './upcomingActivities';
import { systemClock, type Clock } from '../clock';
import { buttonTitle, type ReplyButton } from '../domain/buttons';

/** Longest message the advisor sends in one piece. */
export const MAX_MESSAGE = 600;

export interface AdvisorReply {
  text: string;
  /** suggested actions: a title (a click sends it as the next message) or a Button whose click sends its value */
  buttons: ReplyButton[];
}

export interface ReplyOptions {
  /** the facts come from an earlier conversation: say so */
  reused?: boolean;
  /** the message corrected facts saved before */
  corrected?: boolean;
  /** lead with the honours only (follow-ups: the full facts were just shown) */
  brief?: boolean;
  /** one of several answers to a message: what the measure offers, without reason, units and next step */
  compact?: boolean;
  /** the question itself, when it may name a part only some levels get ("我们能享受重点辅导吗") */
  asked?: string;
  /** measures the plans and needs told named ("想引进海外人才"): what they offer, said right after the overview's head */
  needs?: string[];
}

export class AdvisorReplies {
  private readonly huiTitles = new Map<HuiId, string>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly texts: AdvisorTexts,
    private readonly activities?: UpcomingActivitySource,
    private readonly now: Clock = systemClock,
  ) {
    for (const item of kb.items) if (item.kind === 'hui' && item.hui) this.huiTitles.set(item.hui, item.title);
  }

  // ---- tier -------------------------------------------------------------------------------

  /** 属于一类。一类为…；the reason from the enterprise's facts; or large / not in the pool. */
  tier(profile: EnterpriseProfile, options: ReplyOptions = {}): AdvisorReply {
    const t = this.texts;
    const buttons = [ADVISOR_BUTTONS.support, ADVISOR_BUTTONS.profile];
    const status = tierStatus(profile, this.kb);
    const source = this.source(this.tierItem());
    if (status.kind === 'large') {
      const forLarge = judgedItems(this.kb).filter((i) => i.eligibility.forLarge);
      const roles = forLarge.map((i) => R.sentence(i.eligibility.forLarge!)).join('');
      const honours = profile.honours.length ? fillTemplate(t.largeHonour, { levels: levelsText(profile.honours.map((h) => h.level)) }) : '';
      return { text: [`${t.large}${roles}${honours}`, source].join('\n'), buttons: [ADVISOR_BUTTONS.profile] };
    }
    const tier3 = this.kb.tiers.find((x) => x.id === 3)!;
    if (status.kind === 'notInPool') return { text: [fillTemplate(t.notInPool, { definition: tier3.definition }), source].join('\n'), buttons: [ADVISOR_BUTTONS.profile] };
    if (status.kind === 'needs') {
      // Only the pool can stay unknown (the honours are asked until known); else the classification itself.
      const text = status.fact === 'inPool' ? fillTemplate(t.poolUnknown, { tier: tier3.name, definition: tier3.definition }) : this.tierItem().answer;
      return { text: [text, source].join('\n'), buttons };
    }
    const levels = profile.honours.map((h) => h.level);
    const verdict = tierVerdict({ honourLevels: levels, inPool: profile.inPool, noHonour: profile.noHonour }, this.kb);
    const head = verdict?.text ?? R.tierHead(status.tier.name, status.tier.definition);
    let reason: string;
    if (levels.length > 1) reason = fillTemplate(t.tierReasonSeveral, { levels: levelsText(levels), highest: LEVEL_LABELS[levels[0]] });
    else if (levels.length === 1) reason = fillTemplate(t.tierReasonSingle, { level: LEVEL_LABELS[levels[0]] });
    else reason = t.tierReasonPool;
    const lead = options.corrected ? R.corrected : options.reused ? `${R.lead(honourPhrase(profile), true)}${R.enterprise}` : '';
    return { text: [`${lead}${head}${reason}`, source].join('\n'), buttons };
  }

  // ---- support ----------------------------------------------------------------------------

  /** All measures the enterprise qualifies for, grouped by 汇, with what is pending or not for it. */
  async overview(profile: EnterpriseProfile, verdicts: Verdict[], options: ReplyOptions = {}): Promise<AdvisorReply[]> {
    const t = this.texts;
    const status = tierStatus(profile, this.kb);
    if (status.kind === 'notInPool') return [this.tier(profile)];
    if (status.kind === 'large') return [this.largeSupport(verdicts)];

    const eligible = verdicts.filter((v) => v.status === 'eligible');
    const pending = verdicts.filter((v) => v.status === 'conditional');
    const ineligible = verdicts.filter((v) => v.status === 'ineligible');
    const tierName = status.kind === 'tier' ? status.tier.name : R.tierIfInPool(this.kb.tiers.find((x) => x.id === 3)!.name);
    // The answer first; the facts it rests on follow the list.
    const lead = options.reused ? this.lead(profile, { ...options, brief: true }) : '';
    const lines = [eligible.length ? R.overviewHead(lead, tierName, eligible.length) : `${lead}${t.noneQualified}`];
    // ("…想引进海外人才，也有融资需求…能享受哪些支持": what meets the needs told, before the whole list.)
    const met = (options.needs ?? []).map((id) => [...eligible, ...pending].find((v) => v.item.id === id)).filter((v): v is Verdict => v?.item.eligibility.offer !== undefined);
    if (met.length) lines.push(R.forNeeds(JOIN.clauses(met.map((v) => R.offering(this.name(v.item), v.item.eligibility.offer!)))));
    for (const [group, list] of this.groups(eligible)) {
      lines.push(R.group(group, list.map((v) => R.withOutcome(this.name(v.item), v.rule?.when.honourLevels ? v.rule.outcome : undefined))));
    }
    if (pending.length) lines.push(R.pending(pending.length, JOIN.clauses(pending.map((v) => R.withWhy(this.name(v.item), whyLine(v, profile, t, this.now()))))));
    if (ineligible.length) {
      const named = ineligible.map((v) => {
        const why = shortWhyNot(v, t, this.now());
        return why ? R.withWhy(this.name(v.item), why) : this.name(v.item);
      });
      lines.push(R.ineligible(ineligible.length, JOIN.list(named)));
    }
    lines.push(fillTemplate(t.basedOn, { facts: profileFacts(profile) }));
    const next = await this.nextSteps(eligible, profile);
    lines.push(R.nextStep(next.text));

    const buttons = [
      ...[...this.groups(eligible).keys()].filter((g) => g !== t.otherGroup).map((g) => ADVISOR_BUTTONS.hui(g, this.huiIdOf(g))),
      ...(ineligible.length ? [ADVISOR_BUTTONS.whyNot] : []),
      ...next.buttons,
    ];
    return this.fit(lines, buttons);
  }

  /**
   * Before the missing facts are asked: the tier and what the facts given already decide — the measures
   * enjoyed now, and those waiting on a fact with what they depend on — then that the rest is asked
   * ("根据您提供的信息（省级专精特新），贵企业属于一类。已可享受：…；视情况而定：资源集约利用评价（如为…）。").
   * `open` holds the verdicts of the waiting measures with every fact taken as unknown. Undefined when the
   * facts decide no tier yet. Facts not in this message were given before ("根据您之前提供的…"); with the tier
   * just told, neither the facts nor the tier are said again.
   */
  supportSoFar(profile: EnterpriseProfile, verdicts: Verdict[], open: Verdict[], options: { stated?: boolean; tierSaid?: boolean } = {}): string | undefined {
    const status = tierStatus(profile, this.kb);
    if (status.kind !== 'tier') return undefined;
    const waiting = new Set(verdicts.filter((v) => v.status === 'needs' || v.status === 'conditional').map((v) => v.item.id));
    const depends = open.filter((v) => waiting.has(v.item.id) && v.status === 'conditional').map((v) => R.withWhy(this.name(v.item), whyLine(v, profile, this.texts, this.now())));
    const lead = options.tierSaid ? '' : R.lead(honourPhrase(profile, true), !options.stated);
    return R.soFar(lead, options.tierSaid ? undefined : status.tier.name, this.eligibleNames(verdicts), depends);
  }

  /** What the facts decide now, after a correction whose confirmation said the tier ("已可享受：…"). */
  decidedNow(verdicts: Verdict[]): string {
    return R.decidedNow(this.eligibleNames(verdicts));
  }

  /** The measures the verdicts make eligible, each with its outcome when the honour decides it (加 2 分). */
  private eligibleNames(verdicts: Verdict[]): string[] {
    return verdicts.filter((v) => v.status === 'eligible').map((v) => R.withOutcome(this.name(v.item), v.rule?.when.honourLevels ? v.rule.outcome : undefined));
  }

  /**
   * A tier's support asked in general ("二类企业能享受哪些支持", or of one 汇): what the tier's levels get, what
   * depends on a trait or the year of recognition (with the rules of the tier's levels), what they do not get;
   * nothing is asked, and the enterprise's own facts are offered for a judgement of its own.
   */
  tierOverview(tier: Tier, judged: TierJudgement[], hui?: HuiId): AdvisorReply[] {
    const inScope = hui ? judged.filter((j) => j.item.hui === hui) : judged;
    const eligible = inScope.filter((j) => j.status === 'eligible');
    const pending = inScope.filter((j) => j.status === 'conditional');
    const ineligible = inScope.filter((j) => j.status === 'ineligible');
    const subject = R.tierSubject(tier.name, tier.definition);
    const title = hui ? (this.huiTitles.get(hui) ?? hui) : undefined;
    const head = title
      ? (eligible.length ? R.tierHuiHead(subject, title, eligible.length) : R.tierHuiNone(subject, title))
      : (eligible.length ? R.tierOverviewHead(subject, eligible.length) : R.tierNone(subject));
    const lines = [head];
    for (const [group, list] of this.groups(eligible)) {
      lines.push(R.group(group, list.map((j) => R.withOutcome(this.name(j.item), outcomesText(j)))));
    }
    if (pending.length) lines.push(R.pending(pending.length, JOIN.clauses(pending.map((j) => R.withWhy(this.name(j.item), tierConditions(j))))));
    if (ineligible.length) lines.push(R.ineligible(ineligible.length, JOIN.list(ineligible.map((j) => this.name(j.item)))));
    lines.push(R.tierAskFacts);
    lines.push(this.source(this.tierItem()));
    return this.fit(lines, [ADVISOR_BUTTONS.support]);
  }

  /** One 汇 in detail: each measure with why, responsible units and next step. */
  async hui(hui: HuiId, profile: EnterpriseProfile, verdicts: Verdict[], options: ReplyOptions = {}): Promise<AdvisorReply[]> {
    const status = tierStatus(profile, this.kb);
    if (status.kind === 'notInPool') return [this.tier(profile)];
    if (status.kind === 'large') return [this.largeSupport(verdicts)];
    const title = this.huiTitles.get(hui) ?? hui;
    const inHui = verdicts.filter((v) => v.item.hui === hui);
    const usable = inHui.filter((v) => v.status === 'eligible' || v.status === 'conditional');
    const ineligible = inHui.filter((v) => v.status === 'ineligible');
    const lead = this.lead(profile, { ...options, brief: true });
    const head = usable.length ? R.huiHead(lead, title, usable.length) : R.huiNone(lead, title);
    const blocks = [head];
    const signUps: ReplyButton[] = [];
    for (const v of usable) {
      const block = await this.block(v, profile);
      blocks.push(block.text);
      signUps.push(...block.buttons);
    }
    // (Nothing of the 汇 usable yet — "融资方面能给什么支持" from a pool enterprise: what each measure offers is
    // said too, so the question is answered before why it does not apply yet.)
    const offers = usable.length === 0 ? ineligible.filter((v) => v.item.eligibility.offer).map((v) => R.offering(this.name(v.item), v.item.eligibility.offer!)) : [];
    if (offers.length) blocks.push(R.huiOffers(title, JOIN.clauses(offers)));
    if (ineligible.length) blocks.push(R.huiIneligible(JOIN.clauses(ineligible.map((v) => R.withWhy(this.name(v.item), whyLine(v, profile, this.texts, this.now()))))));
    const otherHuis = [...this.huiTitles.entries()].filter(([id]) => id !== hui && verdicts.some((v) => v.item.hui === id && v.status === 'eligible'));
    const buttons = [...signUps, ...otherHuis.map(([id, t]) => ADVISOR_BUTTONS.hui(t, id)).slice(0, 3), ...(ineligible.length ? [ADVISOR_BUTTONS.whyNot] : [])];
    return this.fit(blocks, buttons);
  }

  /** One measure for this enterprise: can or cannot, why, who, what next. */
  async item(verdict: Verdict, profile: EnterpriseProfile, options: ReplyOptions = {}): Promise<AdvisorReply> {
    const e = verdict.item.eligibility;
    const name = this.name(verdict.item);
    const usesYears = verdict.item.eligibility.rules.some((r) => r.when.recognisedWithinYears);
    let lead = options.reused ? R.lead(honourPhrase(profile, usesYears), true) : '';
    const source = this.source(verdict.item);
    if (verdict.status === 'ineligible') {
      const text = R.itemIneligible(lead, name, whyLine(verdict, profile, this.texts, this.now()));
      return { text: [text, source].join('\n'), buttons: [ADVISOR_BUTTONS.support, ADVISOR_BUTTONS.profile] };
    }
    if (verdict.status === 'conditional') {
      const text = R.itemConditional(lead, name, whyLine(verdict, profile, this.texts, this.now()), e.offer, e.nextStep);
      return { text: [text, source].join('\n'), buttons: [ADVISOR_BUTTONS.support] };
    }
    const outcome = verdict.outcome && !verdict.asLarge ? R.outcome(verdict.outcome) : '';
    const joins = e.activityType !== undefined || verdict.item.joinedAsActivity === true;
    // ("我们是市级的，能享受重点辅导吗": the part asked goes to other levels; said first, then what is ours.)
    const part = options.asked ? preferredPartAsked(verdict.item, options.asked) : undefined;
    if (part && !verdict.outcome?.includes(part) && e.honourLevels) {
      lead = `${lead}${R.partNotOurs(name, part, JOIN.list(e.honourLevels.levels.map((l) => LEVEL_LABELS[l])))}`;
    }
    if (options.compact) {
      const text = R.itemEligible(lead, name, outcome, R.offer(verdict.asLarge ? e.forLarge! : e.offer), joins);
      return { text: [text, source].join('\n'), buttons: [ADVISOR_BUTTONS.support] };
    }
    const block = await this.block(verdict, profile, false);
    const text = R.itemEligible(lead, name, outcome, block.text, joins);
    return { text: [text, source].join('\n'), buttons: [...block.buttons, ADVISOR_BUTTONS.support] };
  }

  /** The measures that do not apply, each with the reason. */
  whyNot(profile: EnterpriseProfile, verdicts: Verdict[], options: ReplyOptions = {}): AdvisorReply[] {
    const status = tierStatus(profile, this.kb);
    if (status.kind === 'notInPool') return [this.tier(profile)];
    if (status.kind === 'large') return [this.largeSupport(verdicts)];
    const ineligible = verdicts.filter((v) => v.status === 'ineligible');
    if (ineligible.length === 0) {
      return [{ text: R.noneIneligible(this.lead(profile, options)), buttons: [ADVISOR_BUTTONS.support] }];
    }
    const lines = [R.ineligibleHead(this.lead(profile, { ...options, brief: true }), ineligible.length)];
    // Measures left out only because the enterprise has no honour yet share one line.
    const forHonoured = ineligible.filter((v) => v.reason?.kind === 'tier' && v.reason.tier.id === 3 && !v.item.eligibility.unmet);
    const single = forHonoured.length > 1 ? ineligible.filter((v) => !forHonoured.includes(v)) : ineligible;
    if (forHonoured.length > 1) {
      const tier = (forHonoured[0].reason as { tier: Tier }).tier;
      lines.push(R.whyNotLine(forHonoured.map((v) => this.name(v.item)), fillTemplate(this.texts.groupUnmet, { standing: standing(tier, profile) })));
    }
    for (const v of single) lines.push(R.whyNotLine([this.name(v.item)], whyLine(v, profile, this.texts, this.now())));
    lines.push(this.texts.contact);
    return this.fit(lines, [ADVISOR_BUTTONS.support, ADVISOR_BUTTONS.profile]);
  }

  // ---- profile ----------------------------------------------------------------------------

  /** What is saved about the enterprise (the credit code masked), with its tier. */
  profile(profile: EnterpriseProfile): AdvisorReply {
    const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? P.notGiven : v ? yes : no);
    const status = tierStatus(profile, this.kb);
    const tier =
      status.kind === 'tier' ? status.tier.name : status.kind === 'large' ? P.tierLarge : status.kind === 'notInPool' ? P.tierNotInPool : P.tierUnknown;
    const honours = profile.honours.length
      ? JOIN.list(profile.honours.map((h) => P.honour(LEVEL_LABELS[h.level], h.year)))
      : profile.noHonour
        ? P.noHonour
        : P.notGiven;
    const lines = [
      P.title(profile.updatedAt.slice(0, 10)),
      P.name(profile.name ?? P.notGiven),
      P.creditCode(profile.creditCode ? maskCode(profile.creditCode) : P.notGiven),
      P.honours(honours),
      ...(profile.honours.length ? [] : [P.inPool(yesNo(profile.inPool, P.inPoolYes, P.inPoolNo))]),
      P.tier(tier),
      P.manufacturing(yesNo(profile.manufacturing, P.yes, P.no)),
      P.planningIpo(yesNo(profile.planningIpo, P.ipoYes, P.none)),
      P.hiring(yesNo(profile.hiring, P.have, P.none)),
      ...(profile.honours.length ? [P.firstRecognition(yesNo(profile.firstRecognition, P.yes, P.no))] : []),
    ];
    return { text: lines.join('\n'), buttons: [ADVISOR_BUTTONS.editProfile, ADVISOR_BUTTONS.deleteProfile, ADVISOR_BUTTONS.support] };
  }

  // ---- parts ------------------------------------------------------------------------------

  /** ▸ name：offer / 理由 / 责任单位 / 下一步 (and a note the advisor does not assess). */
  private async block(v: Verdict, profile: EnterpriseProfile, withName = true): Promise<AdvisorReply> {
    const e = v.item.eligibility;
    const offer = v.asLarge ? e.forLarge! : e.offer;
    const lines = [withName ? R.measure(this.name(v.item), offer) : R.offer(offer)];
    lines.push(R.reason(whyLine(v, profile, this.texts, this.now())));
    if (v.item.responsible?.length) lines.push(R.responsible(JOIN.list(v.item.responsible)));
    const activity = e.activityType && v.status === 'eligible' ? await this.activities?.next(e.activityType, profile.tier) : undefined;
    lines.push(R.blockNextStep(activity ? JOIN.clauses([this.signUpText(activity), e.nextStep]) : e.nextStep));
    if (e.note) lines.push(R.note(e.note));
    return { text: withName ? lines.join('\n') : lines.map((l) => l.trim()).join('\n'), buttons: activity ? [ADVISOR_BUTTONS.signUp(activity)] : [] };
  }

  private largeSupport(verdicts: Verdict[]): AdvisorReply {
    const roles = verdicts.filter((v) => v.asLarge);
    const lines = [this.texts.largeSupport, ...roles.map((v) => R.largeRole(this.name(v.item), v.item.eligibility.forLarge ?? '', v.item.responsible && JOIN.list(v.item.responsible))), this.texts.contact];
    return { text: lines.join('\n'), buttons: [ADVISOR_BUTTONS.profile] };
  }

  /** Sign-up suggestions for the activities of the measures that apply, then where else to turn. */
  private async nextSteps(eligible: Verdict[], profile: EnterpriseProfile): Promise<AdvisorReply> {
    const seen = new Set<string>();
    const activities: UpcomingActivity[] = [];
    for (const v of eligible) {
      const type = v.item.eligibility.activityType;
      if (!type || seen.has(type) || !this.activities) continue;
      seen.add(type);
      const next = await this.activities.next(type, profile.tier);
      if (next) activities.push(next);
      if (activities.length === 2) break;
    }
    return { text: JOIN.clauses([...activities.map((a) => this.signUpText(a)), this.texts.contact]), buttons: activities.map((a) => ADVISOR_BUTTONS.signUp(a)) };
  }

  private signUpText(activity: UpcomingActivity): string {
    return fillTemplate(this.texts.signUp, { title: activity.title, date: activity.date });
  }

  /** The 汇 a group title names (undefined: the group of items without a 汇). */
  private huiIdOf(title: string): HuiId | undefined {
    return [...this.huiTitles.entries()].find(([, t]) => t === title)?.[0];
  }

  /** Verdicts by 汇, in policy order; items without a 汇 last. */
  private groups<T extends { item: KnowledgeItem }>(verdicts: T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const title of this.huiTitles.values()) groups.set(title, []);
    groups.set(this.texts.otherGroup, []);
    for (const v of verdicts) {
      const key = (v.item.hui && this.huiTitles.get(v.item.hui)) || this.texts.otherGroup;
      groups.get(key)!.push(v);
    }
    return new Map([...groups.entries()].filter(([, list]) => list.length > 0));
  }

  /** 根据您（之前）提供的信息（…），. */
  private lead(profile: EnterpriseProfile, options: ReplyOptions): string {
    return R.lead(options.brief ? honourPhrase(profile, true) : profileFacts(profile), !!options.reused);
  }

  name(item: JudgedItem | KnowledgeItem): string {
    return item.eligibility?.name ?? item.title;
  }

  private tierItem(): KnowledgeItem {
    return this.kb.items.find((i) => i.resolver === 'tier')!;
  }

  private source(item: KnowledgeItem): string {
    return fillTemplate(this.kb.messages.source, { source: item.source });
  }

  /**
   * Splits lines into messages that, with the buttons (shown with the last one), stay within
   * MAX_MESSAGE characters.
   */
  private fit(lines: string[], buttons: ReplyButton[]): AdvisorReply[] {
    const unique = dedupe(buttons);
    const limit = MAX_MESSAGE - unique.reduce((sum, b) => sum + buttonTitle(b).length + 1, 0);
    const messages: string[] = [];
    let current = '';
    for (const line of lines) {
      if (current && current.length + 1 + line.length > limit) {
        messages.push(current);
        current = line;
      } else {
        current = current ? `${current}\n${line}` : line;
      }
    }
    if (current) messages.push(current);
    return messages.map((text, i) => ({ text, buttons: i === messages.length - 1 ? unique : [] }));
  }
}

/** What a measure gives a tier, by level where they differ (国家级评级提升 1 级；省级加 2 分); undefined: nothing to add. */
function outcomesText(j: TierJudgement): string | undefined {
  return JOIN.clauses(j.outcomes.map((o) => (o.level ? R.levelOutcome(LEVEL_LABELS[o.level], o.outcome) : o.outcome))) || undefined;
}

/** What a measure depends on for a tier: 须为拟上市企业；近三年内认定的国家级…评级提升 1 级，…. */
function tierConditions(j: TierJudgement): string {
  const rules = j.rules.length ? rulesSummary(j.rules) : '';
  // (A trait a rule already names — 首次认定荣誉的企业… — is said once, by the rule.)
  const traits = j.traits.filter((t) => !rules.includes(t)).map(R.tierNeeds);
  const parts = [...traits, ...(j.onlyLevels.length ? [R.tierOnlyLevels(levelsText(j.onlyLevels))] : []), ...(rules ? [rules] : [])];
  return JOIN.clauses(parts);
}

/** The first 6 and last 4 characters of a credit code: enough to recognise it, not to copy it. */
export function maskCode(code: string): string {
  return code.length === 18 ? `${code.slice(0, 6)}********${code.slice(14)}` : code;
}

/** Buttons without repeats (the same title twice shows once). */
function dedupe(list: ReplyButton[]): ReplyButton[] {
  const seen = new Set<string>();
  return list.filter((b) => (seen.has(buttonTitle(b)) ? false : (seen.add(buttonTitle(b)), true)));
}
