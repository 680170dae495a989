import type { ConversationState, UserState } from 'botbuilder';
import type { Logger } from 'pino';
import type { ActivitiesModule } from '../../src/activities';
import type { Clock } from '../../src/clock';
import type { SignUpOffers } from './signUpOffers';

/** What the activity dialogs need, given once by the feature. */
export interface ActivityDialogDeps {
  module: ActivitiesModule;
  /** the advisor keeps the enterprise profile in UserState property 'enterpriseProfile' */
  userState: UserState;
  /** keeps the last activity listing, so "更多" / "下一页" shows the next page */
  conversationState?: ConversationState;
  clock: Clock;
  /** hours before the start when reminders go out (REMINDER_HOURS_BEFORE) */
  reminderHours: number;
  /** RETENTION_WEBCHAT_DAYS / RETENTION_TRANSCRIPT_DAYS, stated by the consent notice (the defaults when absent) */
  retention?: { webChatDays: number; transcriptDays: number };
  logger: Logger;
  /** sign-ups the Q&A offered ("需要现在为您报名吗？"): a "是" to one starts the form */
  offers?: SignUpOffers;
}

export const DIALOG_IDS = {
  list: 'activities.list',
  signUp: 'activities.signUp',
  mySignups: 'activities.mySignups',
  cancel: 'activities.cancelSignup',
} as const;
