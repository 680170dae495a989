/**
 * The domain's vocabulary: the words every layer shares (intents, honour levels, activity types, the
 * facts that decide a tier). It imports nothing, so knowledge, understanding and dialogs all read it.
 */

export const INTENTS = [
  'greeting',
  'help',
  'thanks_bye',
  'which_tier',
  'what_support',
  'list_activities',
  'sign_up',
  'cancel_signup',
  'my_signups',
  'subscribe',
  'unsubscribe',
  'handoff',
  'my_profile',
  'delete_profile',
  'policy_question',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

/** 专精特新 honour levels, highest first. 'district' covers 区级 and 园区级. */
export const HONOUR_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

export const ACTIVITY_TYPES = ['salon', 'training', 'jobfair', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** What an enterprise says of its standing: enough, when present, to decide its cultivation tier. */
export interface TierFacts {
  /** honours held, e.g. 省级专精特新 → ['provincial'] */
  honourLevels?: HonourLevel[];
  /** holds no 专精特新 honour */
  noHonour?: boolean;
  /** in the cultivation pool (入库培育) */
  inPool?: boolean;
  /** not in the cultivation pool (没入库); inPool is then absent */
  notInPool?: boolean;
}
