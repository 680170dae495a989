/**
 * The advisor's response catalogue: every Chinese sentence its dialogs (dialogs/advisor/) and its
 * replies (replies.ts, explain.ts, conditions.ts) say around the facts, as constants or templates
 * with typed parameters. Dialogs build cards and prompts from these; nothing else holds advisor text.
 *
 * Not here, on purpose:
 * - policy facts and the sentences that carry them: knowledge/ (policy items, their `eligibility`
 *   blocks, knowledge/advisor/advisor.yaml `texts`, the knowledge base's `messages`);
 * - word lists that read the user's input (matching, not responses): requests.ts GENERAL_WORDS and
 *   WHY_NOT, facts.ts and advisor.yaml `match`, index.ts FIRST_PERSON, dialogs/advisor/profileDialog.ts
 *   EDIT_WORDS, dialogs/advisor/deleteProfileDialog.ts readConfirmation; and the two patterns in
 *   explain.ts that read the policy's own wording (an audience starting 面向…, a rule ending …企业).
 */
import type { HonourLevel } from '../domain/vocabulary';
import type { ReplyButton } from '../domain/buttons';
import { BUTTON_PREFIX } from '../activities/copy';
import { yearIn } from '../knowledge/years';
import { LEVEL_LABELS } from '../answers/copy';
import { yearFactLevel, type FactKey } from '../nlu/statedFacts';

// (One list of the levels' names, kept with the Q&A's copy.)
export { LEVEL_LABELS };

/** The punctuation that joins the parts of a sentence: 国家级、省级 / 条件；理由 / 规则一，规则二. */
export const JOIN = {
  list: (items: readonly string[]) => items.join('、'),
  clauses: (items: readonly string[]) => items.join('；'),
  commas: (items: readonly string[]) => items.join('，'),
} as const;

/** Numbers as the policy writes them in 近三年内. */
export const CHINESE_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---- buttons --------------------------------------------------------------------------------

/**
 * Buttons that lead on from an answer. `支持详情：<汇>` and `报名：<title>` carry a value (the 汇, the
 * activity's id) that MainDialog routes without recognition; typed, the recognizer routes them by
 * their prefix. The others are ordinary which_tier / what_support / my_profile / delete_profile phrasings.
 */
export const SUPPORT_DETAIL_PREFIX = '支持详情：';

export const ADVISOR_BUTTONS = {
  tier: '我们属于哪一类',
  support: '我们能享受哪些支持',
  whyNot: '我们不能享受哪些支持',
  profile: '我的企业信息',
  editProfile: '修改企业信息',
  deleteProfile: '删除我的信息',
  hui: (title: string, hui?: string): ReplyButton =>
    hui ? { title: `${SUPPORT_DETAIL_PREFIX}${title}`, value: { action: 'what_support', hui } } : `${SUPPORT_DETAIL_PREFIX}${title}`,
  /** the activities feature's own sign-up button (its prefix routes it) */
  signUp: (activity: { id?: number; title: string }): ReplyButton => {
    const title = `${BUTTON_PREFIX.signUp}${activity.title}`;
    return activity.id !== undefined ? { title, value: { action: 'sign_up', activityId: activity.id } } : title;
  },
} as const;

// ---- the dialogs: questions, confirmations, retries -------------------------------------------

export const ADVISOR_TEXT = {
  askHonours: '请问贵企业获得过哪一级“专精特新”荣誉？获得多个级别的可一并告诉我（例如“省级和市级”）。',
  askPool: '请问贵企业是否已入库培育（纳入园区“专精特新”培育库）？',
  askManufacturing: '请问贵企业是否属于工业（制造业）企业？',
  askPlanningIpo: '请问贵企业是否有上市计划（拟上市）？',
  askHiring: '请问贵企业近期是否有招聘需求？',
  askFirstRecognition: '请问贵企业的“专精特新”荣誉是否为首次认定？',
  askYear: (level: HonourLevel) => `请问贵企业的${LEVEL_LABELS[level]}“专精特新”荣誉是哪一年认定的？`,
  yearChoice: (year: number) => `${year}年`,
  yearForgotten: '不记得',
  supportIntro: '为判断贵企业可享受哪些支持，我先了解几项情况（只问判断所需的），随时可输入“取消”结束。',
  notUnderstood: '抱歉，我没有理解您的回答。',
  vagueHonour: '请告诉我具体是哪一级荣誉。',
  futureYear: '认定年份不能晚于今年。',
  oldYear: '请输入四位数的认定年份，例如“2023”。',
  empty: '请输入您的回答，或点选下方按钮。',
  gaveUp: '抱歉，我暂时没能确认这项信息，当前事项已结束。您可以稍后再问我，或输入“转人工”由“专精特新”服务专员为您解答。',
  updated: (facts: string) => `好的，已更新：${facts}。`,
  updatedTier: (facts: string, tier: string) => `好的，已更新：${facts}；据此，贵企业属于${tier}。`,
  adopted: '已按统一社会信用代码找到贵企业此前保存的信息，一并用于本次判断。',
  // profile
  noProfile: '目前还没有保存贵企业的信息。问我“我们属于哪一类”或“我们能享受哪些支持”时，我会记下您提供的情况，下次直接使用。',
  askEditField: '请问要修改哪一项？',
  editDone: '完成修改',
  editFinished: '好的，修改已保存。',
  askName: '请输入企业名称（营业执照上的全称）：',
  askCreditCode: '请输入 18 位统一社会信用代码：',
  // delete
  nothingToDelete: '目前没有保存贵企业的信息，无需删除。',
  confirmDelete: (what: string) => `确认删除以下信息吗？删除后无法恢复。\n${what}`,
  deleteFacts: (facts: string) => `· 企业情况：${facts}`,
  deleteName: (name: string) => `· 企业名称：${name}`,
  deleteEnterpriseRow: (maskedCode: string) => `· 统一社会信用代码 ${maskedCode} 下保存的企业记录`,
  deleted: (enterpriseRow: boolean) =>
    `已删除您保存的企业信息${enterpriseRow ? '，以及按统一社会信用代码保存的企业记录' : ''}。之后问我时，我会重新询问所需情况。`,
  kept: '好的，您的信息已保留。',
  confirmRetry: '请回复“确认删除”或“暂不删除”。',
  // after two failed attempts at one question: what is expected, with an example
  expectHonours: '请说出荣誉的级别，例如：“省级”；获得多个级别可说“省级和市级”；没有荣誉请选“暂无荣誉”，不确定请选“不清楚”。',
  expectPool: '请回答是否已纳入园区培育库，例如：“已入库培育”或“未入库”；不确定请选“不清楚”。',
  expectYesNo: '请回答“是”或“否”，例如：是；不确定请选“不清楚”。',
  expectYear: '请回复四位数的认定年份，例如：2023；记不清可选“不记得”。',
  expectEditField: '例如：回复“企业名称”修改名称；也可以直接说新的情况，例如“我们其实是市级专精特新”。',
  expectName: '企业名称请与营业执照一致，例如：苏州某某科技有限公司。',
  expectCreditCode: '统一社会信用代码共 18 位，由数字和大写字母组成，印在营业执照上，例如：91320594MA1XXXXXXX 这样的格式。',
  expectDelete: '例如：回复“确认删除”删除以上信息，回复“暂不删除”保留。',
  editRetry: `请点选要修改的项目，或点“完成修改”。`,
} as const;

export const HONOUR_CHOICES = ['国家级“小巨人”', '省级', '市级', '区级（园区级）', '暂无荣誉', '不清楚'];
export const POOL_CHOICES = ['已入库培育', '未入库', '不清楚'];
export const YES_NO_CHOICES = ['是', '否', '不清楚'];
export const DELETE_CHOICES = ['确认删除', '暂不删除'];

/** What a fact's question expects, with an example (said after two failed attempts). */
export function expectation(fact: FactKey): string {
  if (yearFactLevel(fact)) return ADVISOR_TEXT.expectYear;
  switch (fact) {
    case 'honours':
      return ADVISOR_TEXT.expectHonours;
    case 'inPool':
      return ADVISOR_TEXT.expectPool;
    default:
      return ADVISOR_TEXT.expectYesNo;
  }
}

export const EDIT_FIELDS = {
  honours: '荣誉及认定年份',
  name: '企业名称',
  creditCode: '统一社会信用代码',
  manufacturing: '是否工业（制造业）企业',
  planningIpo: '上市计划',
  hiring: '招聘需求',
  firstRecognition: '是否首次认定',
} as const;
export type EditField = keyof typeof EDIT_FIELDS;

/** The question for a fact, with its buttons (a year: this year and the three before). */
export function question(fact: FactKey, now: Date): { text: string; choices: string[] } {
  const level = yearFactLevel(fact);
  if (level) {
    const year = yearIn(now);
    return {
      text: ADVISOR_TEXT.askYear(level),
      choices: [year, year - 1, year - 2, year - 3].map(ADVISOR_TEXT.yearChoice).concat(ADVISOR_TEXT.yearForgotten),
    };
  }
  switch (fact) {
    case 'honours':
      return { text: ADVISOR_TEXT.askHonours, choices: HONOUR_CHOICES };
    case 'inPool':
      return { text: ADVISOR_TEXT.askPool, choices: POOL_CHOICES };
    case 'manufacturing':
      return { text: ADVISOR_TEXT.askManufacturing, choices: YES_NO_CHOICES };
    case 'planningIpo':
      return { text: ADVISOR_TEXT.askPlanningIpo, choices: YES_NO_CHOICES };
    case 'hiring':
      return { text: ADVISOR_TEXT.askHiring, choices: YES_NO_CHOICES };
    case 'firstRecognition':
      return { text: ADVISOR_TEXT.askFirstRecognition, choices: YES_NO_CHOICES };
    default:
      return { text: ADVISOR_TEXT.notUnderstood, choices: [] };
  }
}

// ---- replies: the tier, the measures, one 汇, one measure (replies.ts) ------------------------


/** The measures the facts decide so far and those depending on a fact still unknown, then that the rest is asked. */
function soFarNames(names: string[], depends: string[]): string {
  const enjoyed = names.length ? `已可享受：${names.join('、')}。` : '';
  const open = depends.length ? `视情况而定：${depends.join('；')}。` : '';
  return `${enjoyed}${open}${names.length || depends.length ? '为逐项确认，' : '为判断可享受哪些支持，'}我再了解几项情况（只问判断所需的），随时可输入“取消”结束。`;
}

/** 已可享受：…；其余几项 */
function eligibleSoFar(names: string[]): string {
  return `已可享受：${names.join('、')}；其余几项`;
}

export const REPLY_TEXT = {
  /** 根据您（之前）提供的信息（…）， */
  lead: (facts: string, reused: boolean) => `根据您${reused ? '之前' : ''}提供的信息（${facts}），`,
  enterprise: '贵企业',
  corrected: '好的，已更正。贵企业',
  tierHead: (name: string, definition: string) => `属于${name}。${name}为${definition}。`,
  tierIfInPool: (name: string) => `${name}（如已入库培育）`,
  overviewHead: (lead: string, tier: string, count: number) => `${lead}贵企业属于${tier}，可享受以下 ${count} 项支持：`,
  pending: (count: number, list: string) => `视情况而定 ${count} 项：${list}`,
  ineligible: (count: number, list: string) => `暂不适用 ${count} 项：${list}。`,
  nextStep: (text: string) => `下一步：${text}`,
  /** a tier asked in general: 二类企业（获得市级、区级“专精特新”荣誉的企业） */
  tierSubject: (tier: string, definition: string) => `${tier}企业（${definition}）`,
  tierOverviewHead: (subject: string, count: number) => `${subject}可享受以下 ${count} 项支持：`,
  tierHuiHead: (subject: string, title: string, count: number) => `【${title}】${subject}可享受 ${count} 项：`,
  tierNone: (subject: string) => `按方案，${subject}暂无可直接享受的措施。`,
  tierHuiNone: (subject: string, title: string) => `【${title}】按方案，${subject}暂无可直接享受的措施。`,
  /** 须为拟上市企业 / 须有招聘需求 */
  tierNeeds: (label: string) => (label.startsWith('有') ? `须${label}` : label.endsWith('企业') ? `须为${label}` : `须为${label}的企业`),
  tierOnlyLevels: (levels: string) => `仅限${levels}`,
  /** the outcome of each level where they differ: 国家级评级提升 1 级；省级加 2 分 */
  levelOutcome: (level: string, outcome: string) => `${level}${outcome}`,
  tierAskFacts: '以上为按类别的一般规定；告诉我贵企业的荣誉级别、认定年份等情况，可为您逐项判断。',
  /** (`tier` undefined: the tier was just told) */
  soFar: (lead: string, tier: string | undefined, names: string[], depends: string[]) => `${lead}${tier ? `贵企业属于${tier}。` : ''}${soFarNames(names, depends)}`,
  /** after a correction that changed the tier (its confirmation says the tier): what the facts now decide */
  decidedNow: (names: string[]) => (names.length ? `${eligibleSoFar(names)}我再了解几项情况。` : ''),
  huiHead: (lead: string, title: string, count: number) => `${lead}【${title}】贵企业可享受 ${count} 项：`,
  huiNone: (lead: string, title: string) => `${lead}【${title}】按目前信息，贵企业暂无可享受的措施。`,
  huiIneligible: (list: string) => `暂不适用：${list}`,
  /** what a 汇's measures offer, said when none is usable yet */
  huiOffers: (title: string, list: string) => `${title}的措施：${list}。`,
  itemIneligible: (lead: string, name: string, why: string) => `${lead}贵企业暂不符合“${name}”的条件：${why}。`,
  itemConditional: (lead: string, name: string, why: string, offer: string, nextStep: string) =>
    `${lead}“${name}”要视情况而定：${why}。\n内容：${offer}。\n下一步：${nextStep}。`,
  /** (`joins`: an activity is taken part in — "可以参加“专场招聘”" — a benefit enjoyed) */
  itemEligible: (lead: string, name: string, outcome: string, block: string, joins = false) => `${lead}贵企业可以${joins ? '参加' : '享受'}“${name}”${outcome}。\n${block}`,
  /** a part of the measure only other honour levels get, asked by an enterprise that gets the rest */
  partNotOurs: (name: string, part: string, levels: string) => `贵企业暂不能享受${part}：“${name}”的${part}面向${levels}“专精特新”企业；`,
  noneIneligible: (lead: string) => `${lead}汇计划各项措施贵企业均可享受或视情况享受，没有不适用的措施。`,
  ineligibleHead: (lead: string, count: number) => `${lead}以下 ${count} 项暂不适用：`,
  // one measure as a block: ▸ name：offer / 理由 / 责任单位 / 下一步 / 说明
  offer: (offer: string) => `内容：${offer}`,
  reason: (why: string) => `  理由：${why}`,
  responsible: (units: string) => `  责任单位：${units}`,
  blockNextStep: (text: string) => `  下一步：${text}`,
  note: (note: string) => `  说明：${note}`,
  largeRole: (name: string, role: string, units: string | undefined) => `▸ ${name}：${role}。责任单位：${units ?? '—'}`,
  sentence: (text: string) => `${text}。`,
  /** 【金融汇】上市培育（加 2 分）、… */
  group: (title: string, names: readonly string[]) => `【${title}】${JOIN.list(names)}`,
  /** a measure with what it gives this enterprise: 资源集约利用评价（加 2 分） */
  withOutcome: (name: string, outcome: string | undefined) => (outcome ? `${name}（${outcome}）` : name),
  withWhy: (name: string, why: string) => `${name}（${why}）`,
  /** a measure with what it offers ("金融支持：政策性贷款支持…") */
  offering: (name: string, offer: string) => `${name}：${offer}`,
  /** what meets the plans and needs told, before the overview */
  forNeeds: (list: string) => `针对您提到的需求：${list}。`,
  outcome: (outcome: string) => `，${outcome}`,
  /** ▸ 人才对接、专场招聘：why they do not apply。 */
  whyNotLine: (names: readonly string[], why: string) => `▸ ${JOIN.list(names)}：${why}。`,
  measure: (name: string, offer: string) => `▸ ${name}：${offer}`,
} as const;

/** What is saved about the enterprise (my_profile). */
export const PROFILE_TEXT = {
  notGiven: '未提供',
  tierLarge: '大型企业，不属于培育对象',
  tierNotInPool: '尚未入库，暂不属于培育对象',
  tierUnknown: '待确认',
  honour: (level: string, year: number | undefined) => `${level}（${year ? `${year}年认定` : '认定年份未提供'}）`,
  noHonour: '暂无',
  title: (date: string) => `贵企业的信息（${date}更新）：`,
  name: (value: string) => `· 企业名称：${value}`,
  creditCode: (value: string) => `· 统一社会信用代码：${value}`,
  honours: (value: string) => `· “专精特新”荣誉：${value}`,
  inPool: (value: string) => `· 入库培育：${value}`,
  tier: (value: string) => `· 培育类别：${value}`,
  manufacturing: (value: string) => `· 工业（制造业）企业：${value}`,
  planningIpo: (value: string) => `· 上市计划：${value}`,
  hiring: (value: string) => `· 招聘需求：${value}`,
  firstRecognition: (value: string) => `· 首次认定：${value}`,
  // the answers, yes / no
  inPoolYes: '已入库',
  inPoolNo: '未入库',
  yes: '是',
  no: '否',
  ipoYes: '拟上市',
  have: '有',
  none: '暂无',
} as const;

// ---- words for verdicts: the facts, a rule, why a measure applies or not (explain.ts) ----------

export const EXPLAIN_TEXT = {
  /** 市级和区级 (two levels read "和", as the policy writes them) */
  and: '和',
  large: '大型企业',
  inPoolEnterprise: '入库培育企业',
  noHonourNotInPool: '暂无荣誉、未入库',
  noHonour: '暂无荣誉',
  honourUnknown: '荣誉信息未知',
  noHonourInPool: '暂无荣誉、已入库培育',
  levelsHonour: (levels: string) => `${levels}专精特新`,
  recognised: (levels: string, years: string[]) => `${levels}，${years.join('、')}认定`,
  yearOf: (level: string, year: number) => `${level}${year}年`,
  manufacturing: (yes: boolean) => (yes ? '工业（制造业）企业' : '非制造业'),
  planningIpo: (yes: boolean) => (yes ? '拟上市' : '暂无上市计划'),
  hiring: (yes: boolean) => (yes ? '有招聘需求' : '暂无招聘需求'),
  firstRecognition: (yes: boolean) => (yes ? '首次认定' : '非首次认定'),
  /** 贵企业省级专精特新 (no tier claimed) / 贵企业为二类（市级专精特新） */
  enterprise: (phrase: string) => `贵企业${phrase}`,
  enterpriseIs: (phrase: string) => `贵企业为${phrase}`,
  /** 二类（市级专精特新） */
  tierLabel: (tier: string, phrase: string) => `${tier}（${phrase}）`,
  /** the rule or audience；the enterprise's facts，the traits met */
  eligibleWhy: (basis: string, facts: string, traits: readonly string[]) => `${basis}；${facts}${traits.length ? `，${JOIN.list(traits)}` : ''}`,
  /** the audience；where the enterprise stands。what else to know */
  tierWhyNot: (audience: string, standing: string, extra: string) => `${audience}；${standing}${extra ? `。${extra}` : ''}`,
  audience: (audience: string) => `面向${audience}`,
  // a rule: 近三年内认定的省级“专精特新”企业
  withinYears: (years: string) => `近${years}年内认定的`,
  firstRecognitionRule: '首次认定荣誉的',
  inPoolRule: '入库培育的',
  levelsRule: (levels: string) => `${levels}“专精特新”`,
  ruleSubject: (clauses: string) => `${clauses}企业`,
  record: (level: string, year: number | undefined) => (year ? `${year}年获${level}认定` : `获${level}认定`),
  // why a measure applies, may apply, or does not
  largeRole: (unmetLarge: string) => `${unmetLarge}；作为重点产业链主企业可参与此项`,
  inPoolIf: '贵企业已入库培育',
  recognisedSince: (levels: string, from: number) => `${levels}荣誉为${from}年及以后认定`,
  mayEnjoy: '可享受',
  otherwise: (outcome: string) => `；否则${outcome}`,
  conditional: (ifs: string[], outcome: string, otherwise: string) => `如${ifs.join('且')}，${outcome}${otherwise}`,
  /** 贵企业拟上市 / 贵企业为工业（制造业）企业 */
  trait: (label: string) => (label.endsWith('企业') ? `贵企业为${label}` : `贵企业${label}`),
  noHonourOfLevel: '；贵企业暂无相应荣誉',
  traitAudience: (label: string) => `此项面向${label}的企业`,
  notListed: (records: string, window: string) => `；贵企业${records}，不在此列${window ? `（${window}）` : ''}`,
  /** why a dated rule does not apply, short enough for a list ("资源集约利用评价（…）") */
  notRecent: (records: string, window: string) => `贵企业${records}，不在近三年内${window ? `，${window}` : ''}`,
} as const;

// ---- conditions a question states, answered in general terms (conditions.ts) -------------------

export const CONDITION_TEXT = {
  /** 2019年认定的省级; without a level, 2023年认定的 */
  stated: (year: number, level = '') => `${year}年认定的${level}`,
  /** 2023年12月20日认定的市级 */
  statedOn: (year: number, month: number, day: number, level: string) => `${year}年${month}月${day}日认定的${level}`,
  yearRecent: (year: number, window: string, rules: string) => `可以：${year}年认定的在近三年内（当前指${window}认定）。方案规定：${rules}。`,
  recent: (outcome: string, used: string, window: string) => `可以，${outcome}：${used}“专精特新”荣誉在近三年内（当前指${window}认定）。`,
  alsoNotRecent: (stated: string) => `${stated}“专精特新”荣誉不在近三年内，不再计入。`,
  /** what the honours told would bring if the enterprise had the trait */
  withTrait: (label: string, outcome: string) => `如为${label}，按贵企业的荣誉可${outcome}。`,
  /** a trait the measure requires, which the message says the enterprise lacks (不是工业企业) */
  traitDenied: (title: string, label: string, unmet: string) =>
    `不适用：贵企业${label.startsWith('有') ? `暂无${label.slice(1)}` : `不是${label}`}。${unmet ? `${unmet.replace(/[。；;]$/u, '')}。` : `“${title}”须为${label}。`}`,
  notRecent: (stated: string, window: string, rules: string) =>
    `不能。${stated}“专精特新”荣誉不在近三年内（当前指${window}认定），不再享受此项提档加分。方案规定：${rules}。`,
  /**
   * A full date just before the window's first year, less than three years ago ("2023年12月20日认定的市级"):
   * the policy does not say whether 近三年 counts years or runs from the date — both readings told.
   */
  byDate: (stated: string, window: string, outcome: string) =>
    `如“近三年”自认定之日起算，${stated}荣誉至今未满三年，可${outcome}；如按认定年份计（当前指${window}认定），则不在其内。方案未明确计算口径，建议向经发委或企服中心“专精特新”服务专窗确认。`,
  /** an honour stated without its year, of a dated rule: which years count, and the year asked */
  // (Said as a question: the next message answers it, and the question is answered again with it.)
  whichYear: (window: string) => `近三年内指${window}认定的。请问贵企业是哪一年认定的？告诉我年份即可帮您确认。`,
  /** what the level (and year) of our own honour decides, asked of none stated */
  whichLevelAndYear: '请问贵企业获得的是哪一级“专精特新”荣誉、哪一年认定的？告诉我即可帮您判断。',
  whichLevel: '请问贵企业获得的是哪一级“专精特新”荣誉？告诉我即可帮您判断。',
  /** the programme's scope, then what a large enterprise may do (如为重点产业链主企业…) */
  largeScope: (scope: string, forLarge: string) => `${scope}大型企业${forLarge.replace(/^作为/, '如为')}。`,
  notInPoolScope: (notInPool: string, title: string, audience: string) => `${notInPool}“${title}”面向${audience.replace(/^面向/, '')}。`,
  /** an enterprise the question describes, of a tier the measure serves */
  // (`audience`: said for pool enterprises, whom the measure's own words name — "面向“专精特新”企业及培育库企业".)
  /** the measure's audience names the pool ("“专精特新”企业及培育库企业") */
  namesPool: (audience: string) => /培育库|入库/u.test(audience),
  // (`joins`: an activity taken part in — "可以参加，…".)
  tierServed: (tier: string, title: string, condition: string, audience = '', joins = false) =>
    `可以${joins ? '参加' : ''}，${tier}企业在“${title}”的对象之内${condition}${audience ? `，方案写明面向${audience.replace(/^面向/, '')}` : ''}。`,
  /** （须为拟上市企业） */
  traitCondition: (label: string) => `（须为${label.endsWith('企业') ? label : `${label}的企业`}）`,
  /** …served, though the measure gives priority to honours it does not hold (国家级、省级) */
  /** the pool's tier, named as the pool it is ("三类（培育库）") */
  poolTier: (tier: string) => `${tier}（培育库）`,
  tierServedLessPriority: (tier: string, title: string, levels: string) => `可以，${tier}企业在“${title}”的对象之内；其中对${levels}“专精特新”企业另有优先安排。`,
  /** …asked of the part only those honours get (重点辅导) */
  priorityPartNotServed: (tier: string, title: string, levels: string, part: string) => `不能，“${title}”的${part}面向${levels}企业，${tier}企业不在其中。`,
  /** …of a tier the measure does not serve (or, `preferred`, does not put first) */
  // (What is not enjoyed is named: "暂不能享受此项（…提档加分）".)
  tierNotServed: (tier: string, title: string, audience: string, unmet: string, preferred: boolean, offer = '') =>
    `按方案，“${title}”${audience.startsWith('优先') ? audience : `面向${audience.replace(/^面向/, '')}`}，${tier}企业${preferred ? '不在优先列' : `不在其列，暂不能享受此项${offer ? `（${offer}）` : ''}`}${unmet ? `；${unmet}` : ''}。`,
} as const;
