import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { DeliveryService } from '../delivery';
import { ActivityService } from './activityService';
import { RegistrationService } from './registrationService';
import { ConsentService } from './consentService';
import { ReminderScheduler } from './reminderScheduler';
import { systemClock, type Clock } from '../clock';

/** What the activities feature offers other features (the officials' console, the advisor) as its `module`. */
export interface ActivitiesModule {
  activities: ActivityService;
  registrations: RegistrationService;
  consents: ConsentService;
  /** reminders and retention; run by the one scheduler (see the activities feature) */
  scheduler: ReminderScheduler;
}

export interface ActivitiesModuleOptions {
  clock?: Clock;
}

export function createActivitiesModule(
  services: { db: Database; logger: Logger; delivery: DeliveryService; config: Pick<AppConfig, 'REMINDER_HOURS_BEFORE' | 'CHECKIN_OPENS_HOURS_BEFORE'> },
  options: ActivitiesModuleOptions = {},
): ActivitiesModule {
  const clock = options.clock ?? systemClock;
  const logger = services.logger.child({ module: 'activities' });
  const consents = new ConsentService(services.db);
  const activities = new ActivityService(services.db, services.delivery, logger, clock);
  const registrations = new RegistrationService(services.db, consents, services.delivery, logger, clock, {
    checkInOpensHoursBefore: services.config.CHECKIN_OPENS_HOURS_BEFORE,
  });
  const scheduler = new ReminderScheduler(services.db, registrations, services.delivery, logger, clock, {
    hoursBefore: services.config.REMINDER_HOURS_BEFORE,
  });
  return { activities, registrations, consents, scheduler };
}

export { ActivityService, RegistrationService, ConsentService, ReminderScheduler };
export type { ActivityInput } from './activityInput';
export { activityInputSchema } from './activityInput';
export type { ActivityFilter, UpcomingFilter } from './activityService';
export type { RegistrationFilter, CancelOptions, CancelOutcome, SignUpDetails } from './registrationService';
export * from './types';
export { ActivityError, isActivityError } from './errors';
export type { Clock } from '../clock';
