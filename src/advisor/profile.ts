/**
 * The enterprise profile the advisor builds from what a user says: honours (with the year each was
 * recognised), the cultivation pool, and the traits the rules ask about. Kept per user in UserState
 * ('enterpriseProfile') and per enterprise by 统一社会信用代码 (table enterprise_profiles).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { HONOUR_LEVELS, type HonourLevel } from '../domain/vocabulary';
import { mergeHonours, normalizeHonours, statedFactsOf, type HonourRecord, type ProfileUpdate, type StatedFacts } from '../domain/enterprise';
import { validateCreditCode } from '../activities/validation/creditCode';
import { validateEnterpriseName } from '../activities/validation/text';
import { yearIn } from '../knowledge/years';

/** UserState property; the activities sign-up reads name, creditCode and tier from it. */
export const ENTERPRISE_PROFILE_PROPERTY = 'enterpriseProfile';

export type TierId = 1 | 2 | 3;

// The facts a message states are domain vocabulary (the understanding reads them, the profile keeps them).
export { TRAIT_FACTS, hasFacts, type HonourRecord, type TraitFactKey, type ProfileUpdate } from '../domain/enterprise';

/** The facts kept (the same fields a message may state, src/domain/enterprise.ts), with the honours in order. */
export interface EnterpriseProfile extends Omit<ProfileUpdate, 'honours' | 'honoursMode'> {
  /** highest first, one per level */
  honours: HonourRecord[];
  /** the cultivation tier when it can be decided (derived, for other features) */
  tier?: TierId;
  updatedAt: string;
}


const MIN_YEAR = 2000;

export function emptyProfile(now: Date): EnterpriseProfile {
  return { honours: [], updatedAt: now.toISOString() };
}

export { normalizeHonours };


/** The profile after an update: a later statement overrides an earlier one. */
export function applyUpdate(profile: EnterpriseProfile, update: ProfileUpdate, now: Date): EnterpriseProfile {
  const next: EnterpriseProfile = { ...profile, honours: [...profile.honours] };
  if (update.honours && update.honours.length > 0) {
    next.honours = mergeHonours(profile.honours, update);
    next.noHonour = undefined;
  } else if (update.noHonour) {
    next.honours = [];
    next.noHonour = true;
    next.firstRecognition = undefined;
  }
  for (const key of ['inPool', 'manufacturing', 'planningIpo', 'hiring', 'firstRecognition', 'large', 'name', 'creditCode'] as const) {
    if (update[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = update[key];
  }
  next.updatedAt = now.toISOString();
  return stripUndefined(next);
}

/** Sets the year of one honour level. */
export function setHonourYear(profile: EnterpriseProfile, level: HonourLevel, year: number, now: Date): EnterpriseProfile {
  const honours = profile.honours.map((h) => (h.level === level ? { level, year } : h));
  return { ...profile, honours, updatedAt: now.toISOString() };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/**
 * A profile read from storage without trusting its shape (an older version, another feature's
 * write, a hand-edited database): unknown fields are dropped, bad values ignored.
 */
export function sanitizeProfile(raw: unknown, now: Date = new Date()): EnterpriseProfile | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const honours: HonourRecord[] = [];
  if (Array.isArray(r.honours)) {
    for (const h of r.honours) {
      if (!h || typeof h !== 'object') continue;
      const { level, year } = h as Record<string, unknown>;
      if (typeof level !== 'string' || !HONOUR_LEVELS.includes(level as HonourLevel)) continue;
      const validYear = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= yearIn(now) + 1;
      honours.push({ level: level as HonourLevel, ...(validYear ? { year } : {}) });
    }
  }
  const profile: EnterpriseProfile = {
    honours: normalizeHonours(honours),
    noHonour: honours.length === 0 ? bool(r.noHonour) : undefined,
    inPool: bool(r.inPool),
    manufacturing: bool(r.manufacturing),
    planningIpo: bool(r.planningIpo),
    hiring: bool(r.hiring),
    firstRecognition: bool(r.firstRecognition),
    large: bool(r.large),
    updatedAt: typeof r.updatedAt === 'string' && !Number.isNaN(Date.parse(r.updatedAt)) ? r.updatedAt : now.toISOString(),
  };
  if (typeof r.name === 'string') {
    const name = validateEnterpriseName(r.name);
    if (name.ok) profile.name = name.value;
  }
  if (typeof r.creditCode === 'string') {
    const code = validateCreditCode(r.creditCode);
    if (code.ok) profile.creditCode = code.code;
  }
  if (r.tier === 1 || r.tier === 2 || r.tier === 3) profile.tier = r.tier;
  return stripUndefined(profile);
}

/** True when the profile holds something worth showing or keeping. */
export function isEmptyProfile(profile: EnterpriseProfile | undefined): boolean {
  if (!profile) return true;
  const { updatedAt: _u, honours, tier: _t, ...rest } = profile;
  return honours.length === 0 && Object.values(rest).every((v) => v === undefined);
}

/** What a saved profile says about the enterprise, as the facts a message would state (the Q&A reasons with them). */
export function factsOfProfile(profile: EnterpriseProfile): StatedFacts {
  const { updatedAt: _u, tier: _t, name: _n, creditCode: _c, honours, ...rest } = profile;
  const update: ProfileUpdate = { ...rest, ...(honours.length ? { honours, honoursMode: 'replace' as const } : {}) };
  return statedFactsOf(update);
}

/** What the saved profile says, read from the user state for a turn (undefined: nothing kept yet). */
export function knownFactsFrom(profiles: StatePropertyAccessor<unknown>): (context: TurnContext) => Promise<StatedFacts | undefined> {
  return async (context) => {
    const profile = sanitizeProfile(await profiles.get(context));
    return profile && !isEmptyProfile(profile) ? { ...factsOfProfile(profile), knownAt: Date.parse(profile.updatedAt) } : undefined;
  };
}

/**
 * Facts anyone who knows the credit code may reuse (honours are public recognitions).
 * Plans to list and hiring needs stay with the user who told them.
 */
export const SHARED_FIELDS = ['name', 'honours', 'noHonour', 'inPool', 'manufacturing', 'firstRecognition', 'large'] as const;

export function sharedPart(profile: EnterpriseProfile): Partial<EnterpriseProfile> {
  const out: Record<string, unknown> = {};
  for (const key of SHARED_FIELDS) if (profile[key] !== undefined) out[key] = profile[key];
  return out as Partial<EnterpriseProfile>;
}

/** Fills what the user's profile does not know yet from an enterprise's shared facts. */
export function fillFromShared(profile: EnterpriseProfile, shared: EnterpriseProfile, now: Date): { profile: EnterpriseProfile; filled: boolean } {
  const next: EnterpriseProfile = { ...profile };
  let filled = false;
  if (profile.honours.length === 0 && !profile.noHonour && (shared.honours.length > 0 || shared.noHonour)) {
    next.honours = shared.honours;
    if (shared.noHonour) next.noHonour = true;
    filled = true;
  }
  for (const key of ['name', 'inPool', 'manufacturing', 'firstRecognition', 'large'] as const) {
    if (next[key] === undefined && shared[key] !== undefined) {
      (next as unknown as Record<string, unknown>)[key] = shared[key];
      filled = true;
    }
  }
  if (filled) next.updatedAt = now.toISOString();
  return { profile: next, filled };
}
