/** Entities of a message, from the patterns in knowledge/nlu/entities.yaml and the date parser. */
import type { EntitiesFile } from '../knowledge/schema';
import { parseDateRange } from './dates';
import { AspirationReader, withoutClaimed } from './aspiration';
import { type Entities } from './types';
import { HONOUR_LEVELS, type ActivityType, type HonourLevel } from '../domain/vocabulary';

function compile(patterns: string[]): RegExp | undefined {
  return patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u') : undefined;
}

function compileAll(patterns: string[]): RegExp | undefined {
  return patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'gu') : undefined;
}

/** Right before a fact, words that make it asked ("是不是在培育库里", "有没有入库"). */
const ASKED_BEFORE = /(?:是不是|是否|有没有|有无|算不算)(?:已经|已|在|被|进了?)?[^，,。]{0,2}$/u;


/** Moving the enterprise into the park, the question's supposition. */
const MOVING_IN = /(?:迁|搬|转)(?:到|至|入|进|来|过来)(?:苏州工业)?园区|(?:迁|搬)过来|落户园区|入驻园区|迁入园区|把注册地(?:迁|搬|改)/u;
export class EntityExtractor {
  private readonly honour: Array<[HonourLevel, RegExp | undefined]>;
  readonly aspiration: AspirationReader;
  private readonly supposed?: RegExp;
  private readonly noHonour?: RegExp;
  private readonly inPool?: RegExp;
  /** the same patterns, global: every mention is checked for a goal */
  private readonly inPoolMentions?: RegExp;
  private readonly notInPool?: RegExp;
  private readonly correction?: RegExp;
  private readonly unknown?: RegExp;
  private readonly large?: RegExp;
  private readonly groupMember?: RegExp;
  private readonly sme?: RegExp;
  private readonly outsidePark?: RegExp;
  private readonly activities: Array<[ActivityType, RegExp | undefined]>;

  constructor(def: EntitiesFile) {
    this.honour = HONOUR_LEVELS.map((level) => [level, compileAll(def.honourLevels[level])]);
    this.aspiration = new AspirationReader([...(def.aspiration ?? []), ...(def.supposed ?? [])], def.denial ?? []);
    this.supposed = compile(def.supposed ?? []);
    this.noHonour = compile(def.noHonour);
    this.inPool = compile(def.inPool);
    this.inPoolMentions = compileAll(def.inPool);
    this.notInPool = compile(def.notInPool);
    this.correction = compile(def.correction);
    this.unknown = compile(def.unknown);
    this.large = compile(def.large);
    this.groupMember = compile(def.groupMember ?? []);
    this.sme = compile(def.sme);
    this.outsidePark = compile(def.outsidePark);
    this.activities = (['salon', 'training', 'jobfair'] as const).map((t) => [t, compile(def.activityTypes[t])]);
  }

  /** The text supposes an honour ("要是以后评上国家级…"). */
  supposes(text: string): boolean {
    return this.supposed?.test(text) ?? false;
  }

  /** Where the first correction word of a cleaned text stands ("不对", "其实是"), or -1. */
  correctionIndex(text: string): number {
    return this.correction ? text.search(this.correction) : -1;
  }

  /** `text` is cleaned (lower case, NFKC, typos fixed). */
  extract(text: string, now: Date = new Date()): Entities {
    const entities: Entities = {};
    // An honour named as a goal ("准备申报省级") is one the enterprise aims at, not one it holds.
    let levels: HonourLevel[] = [];
    const aimed: HonourLevel[] = [];
    const held: Array<{ level: HonourLevel; at: number }> = [];
    for (const [level, re] of this.honour) {
      if (!re) continue;
      const at = [...text.matchAll(re)].map((m) => m.index ?? 0);
      const heldAt = at.filter((i) => this.aspiration.heldAt(text, i));
      if (heldAt.length) levels.push(level);
      else if (at.some((i) => this.aspiration.aspiredAt(text, i))) aimed.push(level);
      for (const i of heldAt) held.push({ level, at: i });
    }
    // "我们是区级…同事说区级和省级一样": what others claimed is no honour of ours, beside those told as held.
    const told = withoutClaimed(text, held.map((h) => ({ ...h, index: h.at })));
    if (told.length < held.length) {
      levels = levels.filter((l) => told.some((h) => h.level === l));
      held.splice(0, held.length, ...told);
    }
    // "省级 哦不对 是市级": corrected within the text — only the honours after the correction are held.
    const marker = this.correctionIndex(text);
    if (marker >= 0 && held.some((h) => h.at < marker) && held.some((h) => h.at > marker)) {
      levels = levels.filter((l) => held.some((h) => h.level === l && h.at > marker));
    }
    if (levels.length) entities.honourLevels = levels;
    if (aimed.length) entities.aimedHonourLevels = aimed;
    if (this.noHonour?.test(text)) entities.noHonour = true;
    // "没入库" contains 入库: a negated pool is never read as in the pool.
    if (this.notInPool?.test(text)) entities.notInPool = true;
    // ("我们是不是在培育库里" asks; it states nothing.)
    else if (
      this.inPool &&
      this.inPoolMentions &&
      [...text.matchAll(this.inPoolMentions)].some((m) => !this.aspiration.aspiredAt(text, m.index ?? 0) && !ASKED_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 6), m.index ?? 0)))
    )
      entities.inPool = true;
    if (this.correction?.test(text)) entities.correction = true;
    if (this.unknown?.test(text)) entities.unknown = true;
    if (this.large?.test(text)) entities.large = true;
    else if (this.sme?.test(text)) entities.large = false;
    if (this.groupMember?.test(text)) entities.groupMember = true;
    // ("目前注册在吴中区…如果迁到园区来，属于哪一类": asked as it would be once in the park.)
    if (this.outsidePark?.test(text) && !MOVING_IN.test(text)) entities.outsidePark = true;

    // (A sum, a head count or a measure is no year: "预算大概2000万", "2000多人", "1999元".)
    const years = [...text.matchAll(/(?<![\d.])((?:19|20)\d{2})(?![\d.]|\s*(?:多|余|来)?\s*(?:万|亿|千|元|块|人|名|个|台|套|件|平|平方|㎡|m|k|w|%|％))/giu)].map((m) => Number(m[1]));
    if (years.length) entities.years = [...new Set(years)];

    const named: Array<{ type: ActivityType; at: number }> = [];
    for (const [type, re] of this.activities) {
      const m = re?.exec(text);
      if (m) named.push({ type, at: m.index });
    }
    named.sort((a, b) => a.at - b.at);
    if (named.length) entities.activityType = named[0].type;
    // ("以后有沙龙、培训、招聘会都提醒我": every type named counts, for a subscription's scope.)
    if (named.length > 1) entities.activityTypes = named.map((n) => n.type);

    const dateRange = parseDateRange(text, now);
    if (dateRange) entities.dateRange = dateRange;
    return entities;
  }
}
