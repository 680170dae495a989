/**
 * What a question states by being asked: "我们能参加专场招聘吗" says the enterprise wants to hire,
 * so the advisor does not ask "是否有招聘需求". Which traits count is data (`statedByAsking` on a
 * measure's eligibility trait in knowledge/policy/); a trait the user already answered is kept.
 */
import type { EnterpriseProfile, ProfileUpdate } from './profile';
import { TRAIT_FIELD } from '../knowledge/schema';
import type { JudgedItem } from './ruleEngine';

export function factsStatedByAsking(items: readonly JudgedItem[], profile: EnterpriseProfile): ProfileUpdate {
  const update: ProfileUpdate = {};
  for (const item of items) {
    for (const trait of item.eligibility.traits) {
      const field = TRAIT_FIELD[trait.id];
      if (trait.statedByAsking && profile[field] === undefined) update[field] = true;
    }
  }
  return update;
}
