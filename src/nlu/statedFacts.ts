/**
 * Reads what a message says about the enterprise: honours and the year of each, the cultivation
 * pool, size, traits, a credit code. Honour, pool, correction and "不清楚" patterns are the shared
 * ones of knowledge/nlu/entities.yaml (through the EntityExtractor); year pairing, negations and
 * yes/no answers are knowledge/advisor/advisor.yaml's. The recognizer reads every message once and
 * puts the result in its frame (`Frame.facts`); the advisor reads the frame, and this reader only
 * for what the recognizer never saw (a reply read as the answer to one fact).
 */
import { EntityExtractor } from './entities';
import { withoutClaimed } from './aspiration';
import { Normalizer } from './normalizer';
import { pinyinCorrectorFor, romanizedPinyinFor } from './vocabulary';
import { hasQuestionForm } from './clauses';
import { HONOUR_LEVELS, type HonourLevel } from '../domain/vocabulary';
import { TRAIT_FACTS, hasFacts, type HonourRecord, type ProfileUpdate, type StatedFacts, type TraitFactKey } from '../domain/enterprise';
import { findCreditCode } from '../domain/creditCode';
import type { KnowledgeBase } from '../knowledge/types';
import type { AdvisorKnowledge } from '../knowledge/advisorFile';
import { yearIn } from '../knowledge/years';

/** The facts the advisor may ask for, in the order it asks them. */
export type FactKey = 'honours' | 'inPool' | `year:${HonourLevel}` | TraitFactKey;

export const FACT_ORDER: readonly FactKey[] = [
  'honours',
  'inPool',
  'manufacturing',
  ...HONOUR_LEVELS.map((l) => `year:${l}` as const),
  'planningIpo',
  'hiring',
  'firstRecognition',
];

export function yearFactLevel(fact: FactKey): HonourLevel | undefined {
  return fact.startsWith('year:') ? (fact.slice(5) as HonourLevel) : undefined;
}

export const MIN_HONOUR_YEAR = 2000;

/** What a message says about the enterprise (the frame carries it as `facts`). */
export type ReadResult = StatedFacts;

export type FactAnswer =
  | { kind: 'answer'; update: ProfileUpdate; year?: number }
  | { kind: 'unknown'; update: ProfileUpdate }
  | { kind: 'other'; update: ProfileUpdate }
  | { kind: 'invalid'; problem: 'future_year' | 'old_year' | 'vague_honour' | 'not_understood' };

interface Mention<T> {
  value: T;
  index: number;
}

/** A correction that singles out one honour by its year: "2025年那个是市级的", "22年评的那个其实是区级". */
const SINGLED_OUT_YEAR = /(?:(?:19|20)?\d{2})年[^，,。；;？?！!]{0,4}那(?:个|项|次|一个)/u;

/** In the pool and nothing more: "只是入了培育库", "目前仅入库", "就只进了库". */
/** Getting into the pool asked about or aimed at: no sign of being in it. */
const ASPIRES_TO_POOL =
  /(?:怎么|如何|咋|怎样|想|要|申请|准备|打算|争取|能不能|可不可以|能否|可以|才能)(?:才能|申请)?(?:入库|进库|进入?(?:培育)?库|纳入(?:培育)?库?)|(?:入库|进库|纳入培育库?)(?:的)?(?:条件|要求|标准|流程|程序|门槛|指标|需要|吗|么|嘛)/u;
const ONLY_IN_POOL = /(?:只|仅)(?:是|有)?(?:入了?|进了?|在|纳入了?)(?:园区)?(?:培育)?库/u;

/** Longest cleaned answer still read as a plain yes or no. */
const SHORT_ANSWER = 16;
/** Ends a clause for year pairing: punctuation, connectives, and spaces between words of unpunctuated WeChat text. */
/** "五年前", "6年前": a number of years back from this one. */
// (the group that matched is the number: a digit group first, then 一 to 十, 两 with 二)
const YEARS_AGO = /(?<![\d一二三四五六七八九十两])(?:(\d{1,2})|(一)|(二|两)|(三)|(四)|(五)|(六)|(七)|(八)|(九)|(十))\s*年(?:以)?前/gu;
const CLAUSE_BREAK = /[，,；;。、\n]|(?<=[\p{Script=Han}\d])\s+(?=[\p{Script=Han}\d])|以及|另外|此外/gu;

export class FactReader {
  private readonly normalizer: Normalizer;
  private readonly entities: EntityExtractor;
  private readonly honourPatterns: Array<[HonourLevel, RegExp]>;

  constructor(
    kb: KnowledgeBase,
    private readonly advisor: AdvisorKnowledge,
  ) {
    this.normalizer = new Normalizer(kb.synonyms, pinyinCorrectorFor(kb), romanizedPinyinFor(kb));
    this.entities = new EntityExtractor(kb.entities);
    this.honourPatterns = HONOUR_LEVELS.flatMap((level) => {
      const list = kb.entities.honourLevels[level];
      return list.length ? [[level, new RegExp(list.map((p) => `(?:${p})`).join('|'), 'gu')] as [HonourLevel, RegExp]] : [];
    });
  }

  /** The cleaned form the patterns expect (NFKC, lower case, typos fixed). */
  clean(raw: string): string {
    return this.normalizer.fixTypos(raw ?? '');
  }

  /** Everything a free-text message says about the enterprise. */
  read(raw: string, now: Date): ReadResult {
    return this.readCleaned(this.clean(raw), raw, now);
  }

  /** The same, for a text already cleaned with its typos fixed (the recognizer's analysis of it). */
  readCleaned(text: string, raw: string, now: Date): ReadResult {
    const m = this.advisor.match;
    const entities = this.entities.extract(text, now);
    const update: ProfileUpdate = {};

    const honourMentions = this.honourMentions(text);
    const { paired, bad, loose } = this.pairYears(text, honourMentions, now);
    // "前年评的市级 哦不对 是省级": corrected within the message — what follows the correction stands, with the year said before.
    const marker = entities.correction ? this.entities.correctionIndex(text) : -1;
    const before = marker >= 0 ? honourMentions.filter((h) => h.index < marker) : [];
    const after = marker >= 0 ? honourMentions.filter((h) => h.index > marker) : [];
    const inMessage = before.length > 0 && after.length > 0;
    if (inMessage) {
      const yearBefore = before.map((h) => paired.get(h.value)).find((y) => y !== undefined);
      const levels = [...new Set(after.map((h) => h.value))];
      update.honours = levels.map((level) => ({ level, year: paired.get(level) ?? (levels.length === 1 ? yearBefore : undefined) }));
      update.honoursMode = 'replace';
    } else if (honourMentions.length > 0) {
      const levels = [...new Set(honourMentions.map((h) => h.value))];
      update.honours = levels.map((level) => (paired.has(level) ? { level, year: paired.get(level) } : { level }));
      update.honoursMode = entities.correction ? (SINGLED_OUT_YEAR.test(text) && update.honours.every((h) => h.year !== undefined) ? 'amend' : 'correct') : m.addHonour.test(text) ? 'add' : 'replace';
    } else if (entities.noHonour) {
      update.noHonour = true;
    }

    if (m.notInPool.test(text)) update.inPool = false;
    // ("怎么入库", "我们想进培育库", "入库条件是什么": getting into the pool is asked about, not being in it.)
    else if (entities.inPool && !ASPIRES_TO_POOL.test(text)) update.inPool = true;
    // "我们目前只是入了培育库": in the pool and nothing more — no honour (one said before is withdrawn).
    if (update.inPool === true && !update.honours && ONLY_IN_POOL.test(text)) update.noHonour = true;
    if (m.large.test(text) || entities.large === true) update.large = true;
    else if (m.sme.test(text) || entities.large === false) update.large = false;
    Object.assign(update, this.traits(text));
    const code = findCreditCode(raw ?? '');
    if (code) update.creditCode = code;

    const supposed = this.supposedHonours(text);
    return { update, unknown: entities.unknown === true, correction: entities.correction === true && !inMessage, badYears: bad, looseYears: loose, ...(supposed.length ? { supposed } : {}) };
  }

  /** The yes/no traits a cleaned text states (上市 planned or not, a hiring need…), and nothing else read. */
  traits(text: string): Partial<Record<TraitFactKey, boolean>> {
    const stated: Partial<Record<TraitFactKey, boolean>> = {};
    for (const fact of TRAIT_FACTS) {
      const traits = this.advisor.match.traits[fact];
      if (traits.no.test(text)) stated[fact] = false;
      else if (traits.yes.test(text)) stated[fact] = true;
    }
    return stated;
  }

  /**
   * The reply to a question about `fact`, plus anything else it says (e.g. a correction); `read` is
   * the reply's facts when the recognizer already read them (the turn's frame).
   */
  answer(fact: FactKey, raw: string, now: Date, read: ReadResult = this.read(raw, now)): FactAnswer {
    // A copy: the frame's facts are shared by everything that reads the turn.
    const update: ProfileUpdate = { ...read.update };
    const text = this.clean(raw).replace(/[\s\p{P}\p{S}]+/gu, '');
    const generic = text.length <= SHORT_ANSWER ? this.yesNo(text) : undefined;

    if (fact === 'honours') {
      if (update.honours?.length || update.noHonour || update.large || update.inPool === true) return { kind: 'answer', update };
      if (read.unknown) return { kind: 'unknown', update };
      if (generic === 'no') return { kind: 'answer', update: { ...update, noHonour: true } };
      if (generic === 'yes') return { kind: 'invalid', problem: 'vague_honour' };
      return hasFacts(update) ? { kind: 'other', update } : { kind: 'invalid', problem: 'not_understood' };
    }

    const level = yearFactLevel(fact);
    if (level) {
      // Another level named here is added to the saved ones, unless the text corrects them.
      if (update.honours && !read.correction) update.honoursMode = 'add';
      const year = update.honours?.find((h) => h.level === level)?.year ?? read.looseYears[0];
      if (year !== undefined) return { kind: 'answer', update: withoutOtherHonours(update, level), year };
      if (read.badYears.length) return { kind: 'invalid', problem: read.badYears[0] > yearIn(now) ? 'future_year' : 'old_year' };
      if (hasFacts(update)) return { kind: 'other', update };
      if (read.unknown) return { kind: 'unknown', update };
      return { kind: 'invalid', problem: 'not_understood' };
    }

    const key = fact as 'inPool' | TraitFactKey;
    if (update[key] !== undefined) return { kind: 'answer', update };
    if (this.advisor.match.nothingMore?.test(text)) return { kind: 'unknown', update };
    if (hasFacts(update)) return { kind: 'other', update };
    if (read.unknown) return { kind: 'unknown', update };
    if (generic) return { kind: 'answer', update: { ...update, [key]: generic === 'yes' } };
    // "集成电路设计" to "是否工业（制造业）企业": what the enterprise does, not whether the policy's class
    // fits — kept as not known rather than asked again and again.
    if (key !== 'inPool' && this.advisor.match.describesBusiness?.test(text)) return { kind: 'unknown', update };
    // "计划明年申报省级" to "是否有上市计划": another plan told, not this one — kept as not known, not taken for a question.
    if (key !== 'inPool' && this.advisor.match.statesPlan?.test(text) && !hasQuestionForm(raw)) return { kind: 'unknown', update };
    return { kind: 'invalid', problem: 'not_understood' };
  }

  /** A plain yes or no (text without punctuation); "no" is checked first (不是 starts like 是). */
  private yesNo(text: string): 'yes' | 'no' | undefined {
    if (!text) return undefined;
    if (this.advisor.match.no.test(text)) return 'no';
    if (this.advisor.match.yes.test(text)) return 'yes';
    return undefined;
  }

  /** The honour levels a cleaned text only supposes ("要是我们评上省级", "评上区级以后", "再评上省级"). */
  supposedHonours(text: string): HonourLevel[] {
    const levels = new Set<HonourLevel>();
    for (const [level, re] of this.honourPatterns) {
      re.lastIndex = 0;
      for (const match of text.matchAll(re)) if (this.entities.aspiration.supposedAt(text, match.index ?? 0)) levels.add(level);
    }
    return [...levels];
  }

  private honourMentions(text: string, held = true): Array<Mention<HonourLevel>> {
    const found: Array<Mention<HonourLevel>> = [];
    for (const [level, re] of this.honourPatterns) {
      re.lastIndex = 0;
      for (const match of text.matchAll(re)) {
        const at = match.index ?? 0;
        // ("如果我们明年评上国家级": supposed — neither held nor a goal told.)
        if (this.entities.aspiration.supposedAt(text, at)) continue;
        if (this.entities.aspiration.heldAt(text, at) === held) found.push({ value: level, index: at });
      }
    }
    return (held ? withoutClaimed(text, found) : found).sort((a, b) => a.index - b.index);
  }

  /** Four-digit, two-digit ("22年") and relative years (去年), with where they stand. */
  private yearMentions(text: string, now: Date): Array<Mention<number>> {
    const found: Array<Mention<number>> = [];
    for (const match of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) found.push({ value: Number(match[1]), index: match.index ?? 0 });
    // ("10年前", "20年来" are spans of time, not years.)
    for (const match of text.matchAll(/(?<!\d)(\d{2})\s*年(?!以?前|来|内|多|左右|间|后)/g)) found.push({ value: 2000 + Number(match[1]), index: match.index ?? 0 });
    const taken: Array<[number, number]> = [];
    // "五年前评上的", "6年前": so many years before this one.
    for (const match of text.matchAll(YEARS_AGO)) {
      const ago = match[1] !== undefined ? Number(match[1]) : match.slice(2).findIndex((g) => g !== undefined) + 1;
      const start = match.index ?? 0;
      taken.push([start, start + match[0].length]);
      if (ago >= 1 && ago <= 30) found.push({ value: yearIn(now) - ago, index: start });
    }
    for (const { re, yearsAgo } of this.advisor.match.relativeYears) {
      const global = new RegExp(re.source, 'gu');
      for (const match of text.matchAll(global)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        found.push({ value: yearIn(now) - yearsAgo, index: start });
      }
    }
    // "年份是2025年，不是2021": a denied year is no year of the enterprise's; "2015年成立的", "成立于2015年": the
    // year it was founded is no honour's (an unpunctuated voice message may hold both in one clause).
    return found
      .filter((y) => !this.entities.aspiration.deniedAt(text, y.index) && !FOUNDED_AFTER.test(text.slice(y.index).replace(/^\d+\s*/u, '')) && !FOUNDED_BEFORE.test(text.slice(Math.max(0, y.index - 8), y.index)))
      .sort((a, b) => a.index - b.index);
  }

  /**
   * Gives each year to the honour named in the same clause ("省级2021年，市级2019年"); with one
   * honour in the whole text, every year belongs to it.
   */
  private pairYears(text: string, honours: Array<Mention<HonourLevel>>, now: Date) {
    const clauseOf = clauseIndexer(text);
    const clauses = text.split(CLAUSE_BREAK);
    const paired = new Map<HonourLevel, number>();
    const bad: number[] = [];
    const loose: number[] = [];
    const distinctLevels = [...new Set(honours.map((h) => h.value))];
    const valid: Array<Mention<number>> = [];
    for (const year of this.yearMentions(text, now)) {
      if (year.value > yearIn(now) || year.value < MIN_HONOUR_YEAR) bad.push(year.value);
      // ("去年就是2025年": one year said twice is one year, no second honour's.)
      else if (!valid.some((v) => v.value === year.value && year.index - v.index <= RESTATED_WITHIN)) valid.push(year);
    }
    // A year in the honour's own clause first ("2021年评过国家级"); only then one from elsewhere
    // ("去年海外订单也起来了 … 2021年评过国家级": 去年 is not the honour's year).
    const alone: Array<Mention<number>> = [];
    // A year beside an honour not held ("国家级今年还在报") is that honour's, no other's.
    const goalClauses = new Set(this.honourMentions(text, false).map((h) => clauseOf(h.index)));
    for (const year of valid) {
      const clause = clauseOf(year.index);
      if (goalClauses.has(clause) && !honours.some((h) => clauseOf(h.index) === clause)) continue;
      const inClause = honours.filter((h) => clauseOf(h.index) === clause);
      if (inClause.length === 0) alone.push(year);
      // (An honour already dated is no owner of the next year: "2020年认定的国家级和2024年认定的省级".)
      const unpaired = inClause.filter((h) => !paired.has(h.value));
      const level = ownerInClause(year, unpaired.length ? unpaired : inClause, valid.filter((y) => clauseOf(y.index) === clause));
      if (level && !paired.has(level)) paired.set(level, year.value);
    }
    for (const year of alone) {
      // "今年资源集约利用评价还能加分吗": a relative year in a clause that recognises nothing dates the question, not an honour.
      // ("前年", "是前年的" alone answer a year question.)
      if (!/\d/.test(text[year.index] ?? '') && datesSomethingElse(clauses[clauseOf(year.index)] ?? '')) continue;
      const owners = distinctLevels.length === 1 && !paired.has(distinctLevels[0]) ? distinctLevels : [];
      // ("是2024年认定的…请按2024年重新判断": a loose year said twice is one year.)
      if (owners.length === 0 && !loose.includes(year.value)) loose.push(year.value);
      for (const level of owners) paired.set(level, year.value);
    }
    // ("不对，是2025年认定的，2021是我上一家公司": of several loose years, the one said with its recognition is the honour's.)
    const recognised = loose.length > 1 ? alone.filter((y) => loose.includes(y.value) && RECOGNISED.test(clauses[clauseOf(y.index)] ?? '')).map((y) => y.value) : [];
    return { paired, bad, loose: new Set(recognised).size === 1 ? [recognised[0]] : loose };
  }
}

/**
 * The honour a year belongs to among those of its clause: the only one; in order when as many years
 * as honours stand together after or before them ("国家级和市级分别是2024年和2025年"); else the nearest
 * ("区级(2024年)和省级(2025年)", "2021年区级、2024年市级").
 */
function ownerInClause(year: Mention<number>, honours: Array<Mention<HonourLevel>>, years: Array<Mention<number>>): HonourLevel | undefined {
  const levels = [...new Set(honours.map((h) => h.value))];
  if (levels.length <= 1) return levels[0];
  const first = honours[0].index;
  const last = honours[honours.length - 1].index;
  const grouped = years.every((y) => y.index > last) || years.every((y) => y.index < first);
  if (grouped && years.length === levels.length) return levels[years.findIndex((y) => y.index === year.index)];
  return honours.reduce((a, b) => (Math.abs(b.index - year.index) < Math.abs(a.index - year.index) ? b : a)).value;
}

/** How near a year said again ("去年就是2025年") stands to the first saying of it. */
const RESTATED_WITHIN = 8;
/** After a year: what was founded or entered then ("年成立的", "年注册", "零九年开的", "2021年系入库培育之年份"). */
const FOUNDED_AFTER = /^年(?:的时候|那年)?(?:系|是|为)?(?:就|刚)?(?:成立|创立|创办|注册|建厂|开业|开的|开了厂|办的|办了厂|落户|入驻|建立|入库|进库|入的库|入了库|进了库|纳入培育库|进入培育库)/u;
/** Before a year: what was founded or entered then ("成立于", "注册时间是", "入库是"). */
const FOUNDED_BEFORE = /(?:成立|创立|创办|注册|建厂|开业|落户|入驻|入库|进库)(?:于|在|时间是|时间为|是|的时间是|年份是)?\s*$/u;

/** Words that say an honour was recognised ("评的", "认定", "拿到"; not 评价). */
const RECOGNISED = /评上|评为|评的|评了|评过|刚评|获评|评定|认定|拿到|拿了|拿的|获得|获批|入选|批下来/u;

/** A clause with more than a relative year in it, and no word of recognising ("今年资源集约利用评价还能加分吗"). */
function datesSomethingElse(clause: string): boolean {
  const rest = clause.replace(/今年|去年|前年|大前年|[^\p{Script=Han}]/gu, '');
  return !RECOGNISED.test(clause) && rest.length > 3;
}

/** Maps a character index to the number of its clause. */
function clauseIndexer(text: string): (index: number) => number {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => m.index ?? 0);
  return (index) => breaks.filter((b) => b < index).length;
}

/** Keeps only the asked level's honour in an update (the year answer is about that one). */
function withoutOtherHonours(update: ProfileUpdate, level: HonourLevel): ProfileUpdate {
  if (!update.honours) return update;
  const others: HonourRecord[] = update.honours.filter((h) => h.level !== level);
  if (others.length === 0) {
    const { honours: _h, honoursMode: _m, ...rest } = update;
    return rest;
  }
  return { ...update, honours: others, honoursMode: 'add' };
}
