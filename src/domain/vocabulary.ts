/**
 * The domain's vocabulary: the words every layer shares (intents, honour levels, activity types, the
 * facts that decide a tier). It imports nothing, so knowledge, understanding and dialogs all read it.
 */

/**
 * Intents are declared in knowledge/nlu/intents.yaml (examples, patterns, buttons, priority, topic, servedBy):
 * that file is the one declaration. INTENTS are the ones the code itself names (MainDialog answers greeting,
 * the recognizer treats policy_question and none apart, dialogs end on cancel_signup…): kept here as literals
 * so a typo in code does not compile, and the loader refuses an intents.yaml that lacks any of them. An intent
 * only data names (a new flow: its examples in intents.yaml, its dialog in a feature's routes) is a
 * DeclaredIntent: a branded string, made only by `declaredIntent()` (the loader, a feature naming its own
 * route), and checked against intents.yaml when the app is created (src/features/routing.ts).
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
export type BuiltinIntent = (typeof INTENTS)[number];
/** An intent declared in intents.yaml that no code names (see INTENTS). */
export type DeclaredIntent = string & { readonly __declaredIntent: true };
export type Intent = BuiltinIntent | DeclaredIntent;

/** The intent of a name read from intents.yaml or routed by a feature (checked at start against intents.yaml). */
export function declaredIntent(name: string): Intent {
  return name as DeclaredIntent;
}

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
