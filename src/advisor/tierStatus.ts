/**
 * Where an enterprise stands in the programme, from its profile: a cultivation tier (decided by the
 * shared tierForHonours: the highest honour decides), a large enterprise, not yet in the pool, or
 * which fact is still missing.
 */
import { tierForHonours } from '../knowledge/tiers';
import type { Tier } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import type { EnterpriseProfile, TierId } from './profile';

export type TierStatus =
  | { kind: 'tier'; tier: Tier }
  | { kind: 'large' }
  | { kind: 'notInPool' }
  | { kind: 'needs'; fact: 'honours' | 'inPool' };

export function tierStatus(profile: EnterpriseProfile, kb: KnowledgeBase): TierStatus {
  if (profile.large) return { kind: 'large' };
  if (profile.honours.length > 0) return { kind: 'tier', tier: tierForHonours(profile.honours.map((h) => h.level), kb) };
  // "我们是入库企业" without an honour: the pool is where an enterprise without honours stands.
  if (!profile.noHonour && profile.inPool !== true) return { kind: 'needs', fact: 'honours' };
  if (profile.inPool === true) return { kind: 'tier', tier: tierForHonours([], kb) };
  if (profile.inPool === false) return { kind: 'notInPool' };
  return { kind: 'needs', fact: 'inPool' };
}

/** The tier id to store with the profile, when decided. */
export function decidedTier(profile: EnterpriseProfile, kb: KnowledgeBase): TierId | undefined {
  const status = tierStatus(profile, kb);
  return status.kind === 'tier' ? status.tier.id : undefined;
}
