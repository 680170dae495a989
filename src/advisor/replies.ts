/**
 * The advisor's replies, channel-neutral (text + buttons), each message within MAX_MESSAGE
 * characters where possible: the tier with its reason, the measures an enterprise qualifies for
 * grouped by 汇, one 汇 or one measure in detail, and why some measures do not apply.
 */
import { fillTemplate } from '../knowledge/template';
import { tierVerdict } from '../knowledge/tiers';
import type { KnowledgeItem, Tier } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import type { AdvisorTexts } from './advisorKnowledge';
import { LEVEL_LABELS, honourPhrase, levelsText, profileFacts, standing, whyLine } from './explain';
import type { EnterpriseProfile } from './profile';
import type { HuiId } from './requests';
import { judgedItems, type JudgedItem, type Verdict } from './ruleEngine';
import { tierStatus } from './tierStatus';
import type { UpcomingActivity, UpcomingActivitySource } from './upcomingActivities';
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
}

/**
 * Buttons that lead on from an answer. `支持详情：<汇>` and `报名：<title>` carry a value (the 汇, the
 * activity's id) that MainDialog routes without recognition; typed, the recognizer routes them by
 * their prefix. The others are ordinary what_support / my_profile / delete_profile phrasings.
 */
export const SUPPORT_DETAIL_PREFIX = '支持详情：';

export const ADVISOR_BUTTONS = {
  support: '我们能享受哪些支持',
  whyNot: '我们不能享受哪些支持',
  profile: '我的企业信息',
  editProfile: '修改企业信息',
  deleteProfile: '删除我的信息',
  hui: (title: string, hui?: string): ReplyButton =>
    hui ? { title: `${SUPPORT_DETAIL_PREFIX}${title}`, value: { action: 'what_support', hui } } : `${SUPPORT_DETAIL_PREFIX}${title}`,
  signUp: (activity: { id?: number; title: string }): ReplyButton =>
    activity.id !== undefined ? { title: `报名：${activity.title}`, value: { action: 'sign_up', activityId: activity.id } } : `报名：${activity.title}`,
} as const;

export class AdvisorReplies {
  private readonly huiTitles = new Map<HuiId, string>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly texts: AdvisorTexts,
    private readonly activities?: UpcomingActivitySource,
    private readonly now: () => Date = () => new Date(),
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
      const roles = forLarge.map((i) => `${i.eligibility.forLarge}。`).join('');
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
    const head = verdict?.text ?? `属于${status.tier.name}。${status.tier.name}为${status.tier.definition}。`;
    let reason: string;
    if (levels.length > 1) reason = fillTemplate(t.tierReasonSeveral, { levels: levelsText(levels), highest: LEVEL_LABELS[levels[0]] });
    else if (levels.length === 1) reason = fillTemplate(t.tierReasonSingle, { level: LEVEL_LABELS[levels[0]] });
    else reason = t.tierReasonPool;
    const lead = options.corrected ? '好的，已更正。贵企业' : options.reused ? `根据您之前提供的信息（${honourPhrase(profile)}），贵企业` : '';
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
    const tierName = status.kind === 'tier' ? status.tier.name : `${this.kb.tiers.find((x) => x.id === 3)!.name}（如已入库培育）`;
    // The answer first; the facts it rests on follow the list.
    const lead = options.reused ? this.lead(profile, { ...options, brief: true }) : '';
    const lines = [eligible.length ? `${lead}贵企业属于${tierName}，可享受以下 ${eligible.length} 项支持：` : `${lead}${t.noneQualified}`];
    for (const [group, list] of this.groups(eligible)) {
      lines.push(`【${group}】${list.map((v) => `${this.name(v.item)}${v.rule?.when.honourLevels ? `（${v.rule.outcome}）` : ''}`).join('、')}`);
    }
    if (pending.length) lines.push(`视情况而定 ${pending.length} 项：${pending.map((v) => `${this.name(v.item)}（${whyLine(v, profile, t, this.now())}）`).join('；')}`);
    if (ineligible.length) lines.push(`暂不适用 ${ineligible.length} 项：${ineligible.map((v) => this.name(v.item)).join('、')}。`);
    lines.push(fillTemplate(t.basedOn, { facts: profileFacts(profile) }));
    const next = await this.nextSteps(eligible, profile);
    lines.push(`下一步：${next.text}`);

    const buttons = [
      ...[...this.groups(eligible).keys()].filter((g) => g !== t.otherGroup).map((g) => ADVISOR_BUTTONS.hui(g, this.huiIdOf(g))),
      ...(ineligible.length ? [ADVISOR_BUTTONS.whyNot] : []),
      ...next.buttons,
    ];
    return this.fit(lines, buttons);
  }

  /**
   * Before the missing facts are asked: the tier and the measures the given facts already decide,
   * and which facts were used ("根据您提供的信息（省级专精特新，2024年认定），贵企业属于一类，已可
   * 享受：…"). Undefined when the facts decide no tier yet.
   */
  supportSoFar(profile: EnterpriseProfile, verdicts: Verdict[], options: { list?: boolean } = {}): string | undefined {
    const status = tierStatus(profile, this.kb);
    if (status.kind !== 'tier') return undefined;
    const eligible = options.list ? verdicts.filter((v) => v.status === 'eligible') : [];
    const names = eligible.map((v) => `${this.name(v.item)}${v.rule?.when.honourLevels ? `（${v.rule.outcome}）` : ''}`);
    const sofar = names.length ? `已可享受：${names.join('、')}；其余几项` : '为判断可享受哪些支持，';
    return `根据您提供的信息（${honourPhrase(profile, true)}），贵企业属于${status.tier.name}。${sofar}我再了解几项情况（只问判断所需的），随时可输入“取消”结束。`;
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
    const head = usable.length
      ? `${this.lead(profile, { ...options, brief: true })}【${title}】贵企业可享受 ${usable.length} 项：`
      : `${this.lead(profile, { ...options, brief: true })}【${title}】按目前信息，贵企业暂无可享受的措施。`;
    const blocks = [head];
    const signUps: ReplyButton[] = [];
    for (const v of usable) {
      const block = await this.block(v, profile);
      blocks.push(block.text);
      signUps.push(...block.buttons);
    }
    if (ineligible.length) blocks.push(`暂不适用：${ineligible.map((v) => `${this.name(v.item)}（${whyLine(v, profile, this.texts, this.now())}）`).join('；')}`);
    const otherHuis = [...this.huiTitles.entries()].filter(([id]) => id !== hui && verdicts.some((v) => v.item.hui === id && v.status === 'eligible'));
    const buttons = [...signUps, ...otherHuis.map(([id, t]) => ADVISOR_BUTTONS.hui(t, id)).slice(0, 3), ...(ineligible.length ? [ADVISOR_BUTTONS.whyNot] : [])];
    return this.fit(blocks, buttons);
  }

  /** One measure for this enterprise: can or cannot, why, who, what next. */
  async item(verdict: Verdict, profile: EnterpriseProfile, options: ReplyOptions = {}): Promise<AdvisorReply> {
    const e = verdict.item.eligibility;
    const name = this.name(verdict.item);
    const usesYears = verdict.item.eligibility.rules.some((r) => r.when.recognisedWithinYears);
    const lead = options.reused ? `根据您之前提供的信息（${honourPhrase(profile, usesYears)}），` : '';
    const source = this.source(verdict.item);
    if (verdict.status === 'ineligible') {
      const text = `${lead}贵企业暂不符合“${name}”的条件：${whyLine(verdict, profile, this.texts, this.now())}。`;
      return { text: [text, source].join('\n'), buttons: [ADVISOR_BUTTONS.support, ADVISOR_BUTTONS.profile] };
    }
    if (verdict.status === 'conditional') {
      const text = `${lead}“${name}”要视情况而定：${whyLine(verdict, profile, this.texts, this.now())}。\n内容：${e.offer}。\n下一步：${e.nextStep}。`;
      return { text: [text, source].join('\n'), buttons: [ADVISOR_BUTTONS.support] };
    }
    const block = await this.block(verdict, profile, false);
    const outcome = verdict.outcome && !verdict.asLarge ? `，${verdict.outcome}` : '';
    const text = `${lead}贵企业可以享受“${name}”${outcome}。\n${block.text}`;
    return { text: [text, source].join('\n'), buttons: [...block.buttons, ADVISOR_BUTTONS.support] };
  }

  /** The measures that do not apply, each with the reason. */
  whyNot(profile: EnterpriseProfile, verdicts: Verdict[], options: ReplyOptions = {}): AdvisorReply[] {
    const status = tierStatus(profile, this.kb);
    if (status.kind === 'notInPool') return [this.tier(profile)];
    if (status.kind === 'large') return [this.largeSupport(verdicts)];
    const ineligible = verdicts.filter((v) => v.status === 'ineligible');
    if (ineligible.length === 0) {
      return [{ text: `${this.lead(profile, options)}汇计划各项措施贵企业均可享受或视情况享受，没有不适用的措施。`, buttons: [ADVISOR_BUTTONS.support] }];
    }
    const lines = [`${this.lead(profile, { ...options, brief: true })}以下 ${ineligible.length} 项暂不适用：`];
    // Measures left out only because the enterprise has no honour yet share one line.
    const forHonoured = ineligible.filter((v) => v.reason?.kind === 'tier' && v.reason.tier.id === 3 && !v.item.eligibility.unmet);
    const single = forHonoured.length > 1 ? ineligible.filter((v) => !forHonoured.includes(v)) : ineligible;
    if (forHonoured.length > 1) {
      const tier = (forHonoured[0].reason as { tier: Tier }).tier;
      lines.push(`▸ ${forHonoured.map((v) => this.name(v.item)).join('、')}：${fillTemplate(this.texts.groupUnmet, { standing: standing(tier, profile) })}。`);
    }
    for (const v of single) lines.push(`▸ ${this.name(v.item)}：${whyLine(v, profile, this.texts, this.now())}。`);
    lines.push(this.texts.contact);
    return this.fit(lines, [ADVISOR_BUTTONS.support, ADVISOR_BUTTONS.profile]);
  }

  // ---- profile ----------------------------------------------------------------------------

  /** What is saved about the enterprise (the credit code masked), with its tier. */
  profile(profile: EnterpriseProfile): AdvisorReply {
    const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? '未提供' : v ? yes : no);
    const status = tierStatus(profile, this.kb);
    const tier =
      status.kind === 'tier' ? status.tier.name : status.kind === 'large' ? '大型企业，不属于培育对象' : status.kind === 'notInPool' ? '尚未入库，暂不属于培育对象' : '待确认';
    const honours = profile.honours.length
      ? profile.honours.map((h) => `${LEVEL_LABELS[h.level]}（${h.year ? `${h.year}年认定` : '认定年份未提供'}）`).join('、')
      : profile.noHonour
        ? '暂无'
        : '未提供';
    const lines = [
      `贵企业的信息（${profile.updatedAt.slice(0, 10)}更新）：`,
      `· 企业名称：${profile.name ?? '未提供'}`,
      `· 统一社会信用代码：${profile.creditCode ? maskCode(profile.creditCode) : '未提供'}`,
      `· “专精特新”荣誉：${honours}`,
      ...(profile.honours.length ? [] : [`· 入库培育：${yesNo(profile.inPool, '已入库', '未入库')}`]),
      `· 培育类别：${tier}`,
      `· 工业（制造业）企业：${yesNo(profile.manufacturing, '是', '否')}`,
      `· 上市计划：${yesNo(profile.planningIpo, '拟上市', '暂无')}`,
      `· 招聘需求：${yesNo(profile.hiring, '有', '暂无')}`,
      ...(profile.honours.length ? [`· 首次认定：${yesNo(profile.firstRecognition, '是', '否')}`] : []),
    ];
    return { text: lines.join('\n'), buttons: [ADVISOR_BUTTONS.editProfile, ADVISOR_BUTTONS.deleteProfile, ADVISOR_BUTTONS.support] };
  }

  // ---- parts ------------------------------------------------------------------------------

  /** ▸ name：offer / 理由 / 责任单位 / 下一步 (and a note the advisor does not assess). */
  private async block(v: Verdict, profile: EnterpriseProfile, withName = true): Promise<AdvisorReply> {
    const e = v.item.eligibility;
    const lines = [withName ? `▸ ${this.name(v.item)}：${v.asLarge ? e.forLarge : e.offer}` : `内容：${v.asLarge ? e.forLarge : e.offer}`];
    lines.push(`  理由：${whyLine(v, profile, this.texts, this.now())}`);
    if (v.item.responsible?.length) lines.push(`  责任单位：${v.item.responsible.join('、')}`);
    const activity = e.activityType && v.status === 'eligible' ? await this.activities?.next(e.activityType, profile.tier) : undefined;
    lines.push(`  下一步：${activity ? `${this.signUpText(activity)}；${e.nextStep}` : e.nextStep}`);
    if (e.note) lines.push(`  说明：${e.note}`);
    return { text: withName ? lines.join('\n') : lines.map((l) => l.trim()).join('\n'), buttons: activity ? [ADVISOR_BUTTONS.signUp(activity)] : [] };
  }

  private largeSupport(verdicts: Verdict[]): AdvisorReply {
    const roles = verdicts.filter((v) => v.asLarge);
    const lines = [this.texts.largeSupport, ...roles.map((v) => `▸ ${this.name(v.item)}：${v.item.eligibility.forLarge}。责任单位：${v.item.responsible?.join('、') ?? '—'}`), this.texts.contact];
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
    const signUp = activities.map((a) => this.signUpText(a)).join('；');
    return { text: `${signUp ? `${signUp}；` : ''}${this.texts.contact}`, buttons: activities.map((a) => ADVISOR_BUTTONS.signUp(a)) };
  }

  private signUpText(activity: UpcomingActivity): string {
    return fillTemplate(this.texts.signUp, { title: activity.title, date: activity.date });
  }

  /** The 汇 a group title names (undefined: the group of items without a 汇). */
  private huiIdOf(title: string): HuiId | undefined {
    return [...this.huiTitles.entries()].find(([, t]) => t === title)?.[0];
  }

  /** Verdicts by 汇, in policy order; items without a 汇 last. */
  private groups(verdicts: Verdict[]): Map<string, Verdict[]> {
    const groups = new Map<string, Verdict[]>();
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
    return `根据您${options.reused ? '之前' : ''}提供的信息（${options.brief ? honourPhrase(profile, true) : profileFacts(profile)}），`;
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

/** The first 6 and last 4 characters of a credit code: enough to recognise it, not to copy it. */
export function maskCode(code: string): string {
  return code.length === 18 ? `${code.slice(0, 6)}********${code.slice(14)}` : code;
}

/** Buttons without repeats (the same title twice shows once). */
function dedupe(list: ReplyButton[]): ReplyButton[] {
  const seen = new Set<string>();
  return list.filter((b) => (seen.has(buttonTitle(b)) ? false : (seen.add(buttonTitle(b)), true)));
}
