import type { Feature, Services } from '../contracts/feature';
import { createActivitiesModule, type ActivitiesModule, type ActivitiesModuleOptions } from '../activities';
import { seedDemoActivities } from '../activities/seed';
import { systemClock } from '../clock';
import { eraseTyped } from '../privacy';
import { REMINDER_CHECK_SECONDS, RETENTION_CHECK_SECONDS } from '../activities/reminderScheduler';
import type { ActivityDialogDeps } from '../../dialogs/activities/deps';
import { ListActivitiesDialog } from '../../dialogs/activities/listActivitiesDialog';
import { SignUpDialog } from '../../dialogs/activities/signUpDialog';
import { MySignupsDialog } from '../../dialogs/activities/mySignupsDialog';
import { CancelSignupDialog } from '../../dialogs/activities/cancelSignupDialog';
import { SignUpOffers } from '../../dialogs/activities/signUpOffers';

/** The activities feature; its services go to the officials' console and the advisor. */
export interface ActivitiesFeature extends Feature {
  module: ActivitiesModule;
  /** a sign-up offered after a how-to-sign-up answer (the Q&A shows it; a "是" to it starts the form) */
  offers: SignUpOffers;
}

/**
 * 活动与报名: salons, trainings and job fairs — listing, sign-up, "我的报名", cancellation,
 * reminders.
 */
export function createActivitiesFeature(options: ActivitiesModuleOptions = {}): (services: Services) => Promise<ActivitiesFeature> {
  return async (services) => {
    const clock = options.clock ?? systemClock;
    const module = createActivitiesModule(services, { ...options, clock });
    // Withdrawal (取消报名) also redacts what was typed from the conversation records.
    module.registrations.onContactErased = (erased) => eraseTyped(services, erased.channelId, erased.userId, erased.refKey, [erased.contactName, erased.mobile, erased.creditCode]);
    if (services.config.SEED_DEMO) await seedDemoActivities(services.db, module.activities, clock, services.logger);
    services.scheduler.every('activities.reminders', REMINDER_CHECK_SECONDS, () => module.scheduler.tick());
    services.scheduler.every('activities.retention', RETENTION_CHECK_SECONDS, () => module.scheduler.purge());

    const offers = new SignUpOffers(services.conversationState, module, clock);
    const deps: ActivityDialogDeps = {
      module,
      offers,
      userState: services.userState,
      conversationState: services.conversationState,
      clock,
      reminderHours: services.config.REMINDER_HOURS_BEFORE,
      retention: { webChatDays: services.config.RETENTION_WEBCHAT_DAYS, transcriptDays: services.config.RETENTION_TRANSCRIPT_DAYS },
      logger: services.logger.child({ module: 'activities' }),
    };
    const signUp = new SignUpDialog(deps);
    return {
      name: 'activities',
      module,
      offers,
      routes: [
        { intents: ['list_activities'], dialog: new ListActivitiesDialog(deps) },
        { intents: ['sign_up'], dialog: signUp, claims: (context) => signUp.claims(context) },
        { intents: ['my_signups'], dialog: new MySignupsDialog(deps) },
        { intents: ['cancel_signup'], dialog: new CancelSignupDialog(deps) },
      ],
    };
  };
}

export const activitiesFeature = createActivitiesFeature();
