/** Entities of a message, from the patterns in knowledge/nlu/entities.yaml and the date parser. */
import type { EntitiesFile } from '../knowledge/schema';
import { parseDateRange } from './dates';
import { type Entities } from './types';
import { HONOUR_LEVELS, type ActivityType, type HonourLevel } from '../domain/vocabulary';

function compile(patterns: string[]): RegExp | undefined {
  return patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u') : undefined;
}

export class EntityExtractor {
  private readonly honour: Array<[HonourLevel, RegExp | undefined]>;
  private readonly noHonour?: RegExp;
  private readonly inPool?: RegExp;
  private readonly notInPool?: RegExp;
  private readonly correction?: RegExp;
  private readonly unknown?: RegExp;
  private readonly large?: RegExp;
  private readonly sme?: RegExp;
  private readonly activities: Array<[ActivityType, RegExp | undefined]>;

  constructor(def: EntitiesFile) {
    this.honour = HONOUR_LEVELS.map((level) => [level, compile(def.honourLevels[level])]);
    this.noHonour = compile(def.noHonour);
    this.inPool = compile(def.inPool);
    this.notInPool = compile(def.notInPool);
    this.correction = compile(def.correction);
    this.unknown = compile(def.unknown);
    this.large = compile(def.large);
    this.sme = compile(def.sme);
    this.activities = (['salon', 'training', 'jobfair'] as const).map((t) => [t, compile(def.activityTypes[t])]);
  }

  /** `text` is cleaned (lower case, NFKC, typos fixed). */
  extract(text: string, now: Date = new Date()): Entities {
    const entities: Entities = {};
    const levels = this.honour.filter(([, re]) => re?.test(text)).map(([level]) => level);
    if (levels.length) entities.honourLevels = levels;
    if (this.noHonour?.test(text)) entities.noHonour = true;
    // "没入库" contains 入库: a negated pool is never read as in the pool.
    if (this.notInPool?.test(text)) entities.notInPool = true;
    else if (this.inPool?.test(text)) entities.inPool = true;
    if (this.correction?.test(text)) entities.correction = true;
    if (this.unknown?.test(text)) entities.unknown = true;
    if (this.large?.test(text)) entities.large = true;
    else if (this.sme?.test(text)) entities.large = false;

    const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
    if (years.length) entities.years = [...new Set(years)];

    let first: { type: ActivityType; at: number } | undefined;
    for (const [type, re] of this.activities) {
      const m = re?.exec(text);
      if (m && (!first || m.index < first.at)) first = { type, at: m.index };
    }
    if (first) entities.activityType = first.type;

    const dateRange = parseDateRange(text, now);
    if (dateRange) entities.dateRange = dateRange;
    return entities;
  }
}
