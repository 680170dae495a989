/**
 * What a user can tell about their enterprise, as the understanding reads it from a message and the
 * advisor keeps it in the profile: honours with the year of each, the cultivation pool, size and
 * the yes/no traits the eligibility rules ask about.
 */
import type { HonourLevel } from './vocabulary';

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
  /** honours named in the text; `replace` unless the text adds to the saved ones */
  honours?: HonourRecord[];
  honoursMode?: 'replace' | 'add';
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
}

/** True when the update says anything about the enterprise. */
export function hasFacts(update: ProfileUpdate): boolean {
  return Object.values(update).some((v) => v !== undefined);
}
