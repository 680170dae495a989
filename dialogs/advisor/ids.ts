/** Dialog ids of the advisor (unique across features: MainDialog holds every routed dialog). */
export const ADVISOR_DIALOGS = {
  tier: 'advisor.tier',
  support: 'advisor.support',
  profile: 'advisor.profile',
  deleteProfile: 'advisor.deleteProfile',
  collect: 'advisor.collect',
} as const;

/** Turn state: the tier was told in this turn (a support answer after it does not say it again). */
export const TIER_TOLD = Symbol('huibot.advisor.tierTold');
