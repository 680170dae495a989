/**
 * Where enterprise profiles live: per user in UserState ('enterpriseProfile', saved with the turn)
 * and, once the 统一社会信用代码 is known, per enterprise in enterprise_profiles.
 */
import type { StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/types';
import { ENTERPRISE_PROFILE_PROPERTY, fillFromShared, isEmptyProfile, sanitizeProfile, type EnterpriseProfile } from './profile';
import type { EnterpriseProfileRepository } from './profileRepository';
import { decidedTier } from './tierStatus';

export class ProfileStore {
  private readonly accessor: StatePropertyAccessor<unknown>;

  constructor(
    userState: UserState,
    private readonly repository: EnterpriseProfileRepository,
    private readonly kb: KnowledgeBase,
    private readonly logger?: Logger,
  ) {
    this.accessor = userState.createProperty(ENTERPRISE_PROFILE_PROPERTY);
  }

  /** The user's profile, or undefined when nothing is saved. */
  async load(context: TurnContext): Promise<EnterpriseProfile | undefined> {
    const profile = sanitizeProfile(await this.accessor.get(context));
    return isEmptyProfile(profile) ? undefined : profile;
  }

  /**
   * Keeps the profile for the user (written with the turn's state) and, with a credit code, for
   * the enterprise. A database problem is logged; the user's copy is kept either way.
   */
  async save(context: TurnContext, profile: EnterpriseProfile): Promise<EnterpriseProfile> {
    const tier = decidedTier(profile, this.kb);
    const stored: EnterpriseProfile = { ...profile };
    if (tier) stored.tier = tier;
    else delete stored.tier;
    await this.accessor.set(context, stored);
    if (stored.creditCode) {
      try {
        await this.repository.save(stored, new Date(stored.updatedAt));
      } catch (err) {
        this.logger?.warn({ err }, 'could not store the enterprise profile');
      }
    }
    return stored;
  }

  /**
   * A credit code was given: the enterprise's shared facts fill what the user's profile lacks.
   * `filled` says whether anything came from the enterprise record.
   */
  async adoptEnterprise(profile: EnterpriseProfile, now: Date): Promise<{ profile: EnterpriseProfile; filled: boolean }> {
    if (!profile.creditCode) return { profile, filled: false };
    let shared: EnterpriseProfile | undefined;
    try {
      shared = await this.repository.get(profile.creditCode);
    } catch (err) {
      this.logger?.warn({ err }, 'could not read the enterprise profile');
    }
    return shared ? fillFromShared(profile, shared, now) : { profile, filled: false };
  }

  /** Called by remove() with the deleted profile, to redact it from conversation records (src/privacy). */
  onRemoved?: (context: TurnContext, profile: EnterpriseProfile | undefined) => Promise<void>;

  /** Deletes the user's profile and the enterprise's row (by the profile's credit code). */
  async remove(context: TurnContext): Promise<{ hadProfile: boolean; enterpriseRowDeleted: boolean }> {
    const profile = await this.load(context);
    await this.accessor.delete(context);
    const enterpriseRowDeleted = profile?.creditCode ? await this.repository.delete(profile.creditCode) : false;
    await this.onRemoved?.(context, profile);
    return { hadProfile: profile !== undefined, enterpriseRowDeleted };
  }
}
