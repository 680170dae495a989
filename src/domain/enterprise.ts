/**
 * What a user can tell about their enterprise, as the understanding reads it from a message and the
 * advisor keeps it in the profile: honours with the year of each, the cultivation pool, size and
 * the yes/no traits the eligibility rules ask about.
 */
import { HONOUR_LEVELS, type HonourLevel } from './vocabulary';

export interface HonourRecord {
  level: HonourLevel;
  /** the year it was recognised, when known */
  year?: number;
}

/** Yes/no facts the eligibility rules ask about. */
export const TRAIT_FACTS = ['manufacturing', 'planningIpo', 'hiring', 'firstRecognition'] as const;
export type TraitFactKey = (typeof TRAIT_FACTS)[number];

/** What one message (or one answer) says about the enterprise. */
export interface ProfileUpdate {
  name?: string;
  creditCode?: string;
  /** the enterprise said it holds no 专精特新 honour */
  noHonour?: boolean;
  /** in the cultivation pool (入库培育) */
  inPool?: boolean;
  /** an industrial (manufacturing) enterprise */
  manufacturing?: boolean;
  /** plans to list (拟上市) */
  planningIpo?: boolean;
  /** has hiring needs */
  hiring?: boolean;
  /** its honour is its first recognition */
  firstRecognition?: boolean;
  /** a large enterprise (the programme targets SMEs) */
  large?: boolean;
  /**
   * honours named in the text; `replace` unless the text adds to the saved ones (`add`) or corrects
   * them (`correct`; `amend` when it singles out the honour of one year: "2025年那个是市级的")
   */
  honours?: HonourRecord[];
  honoursMode?: 'replace' | 'add' | 'correct' | 'amend';
}

/** Everything a message says about the enterprise, read once per message (the frame carries it). */
export interface StatedFacts {
  update: ProfileUpdate;
  /** the text says "不清楚" */
  unknown: boolean;
  /** the text corrects something said before */
  correction: boolean;
  /** years that are out of range (future, too old) */
  badYears: number[];
  /** years found that no honour claimed */
  looseYears: number[];
  /** honour levels only supposed ("如果评上省级…"): neither held nor aimed at */
  supposed?: HonourLevel[];
  /** facts of a kept profile: when it was last changed (ms since the epoch) */
  knownAt?: number;
}

const LEVEL_ORDER = new Map(HONOUR_LEVELS.map((l, i) => [l, i]));

/** Highest level first, one record per level (a known year wins over an unknown one). */
export function normalizeHonours(honours: readonly HonourRecord[]): HonourRecord[] {
  const byLevel = new Map<HonourLevel, HonourRecord>();
  for (const h of honours) {
    const prev = byLevel.get(h.level);
    byLevel.set(h.level, { level: h.level, ...((h.year ?? prev?.year) !== undefined ? { year: h.year ?? prev?.year } : {}) });
  }
  return [...byLevel.values()].sort((a, b) => (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0));
}

/**
 * The honours after a statement naming some (`update.honours`, not empty). A level stated again
 * without a year keeps the year given before. A correction of the only honour's level keeps its year
 * ("2024年评的省级" → "说错了，是市级的": 市级 2024); one singling out a year replaces that year's honour only.
 */
export function mergeHonours(before: readonly HonourRecord[], update: ProfileUpdate): HonourRecord[] {
  const stated = update.honours ?? [];
  const known = new Map(before.map((h) => [h.level, h.year]));
  const mode = update.honoursMode ?? 'replace';
  const kept = mode === 'add' ? before : mode === 'amend' ? before.filter((h) => !stated.some((s) => s.year !== undefined && s.year === h.year)) : [];
  const onlyYear = mode === 'correct' && before.length === 1 && stated.length === 1 ? before[0].year : undefined;
  return normalizeHonours([...kept, ...stated.map((h) => ({ level: h.level, year: h.year ?? known.get(h.level) ?? onlyYear }))]);
}

/** Facts that say only `update`: no 不清楚, no correction, no year left aside. */
export function statedFactsOf(update: ProfileUpdate): StatedFacts {
  return { update, unknown: false, correction: false, badYears: [], looseYears: [] };
}

/** True when the update says anything about the enterprise. */
export function hasFacts(update: ProfileUpdate): boolean {
  return Object.values(update).some((v) => v !== undefined);
}
