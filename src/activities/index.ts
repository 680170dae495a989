import type { Services } from '../features/feature';
import { ActivityService } from './activityService';
import { RegistrationService } from './registrationService';
import { ConsentService } from './consentService';
import { ActivityOutbox } from './outbox';
import { ReminderScheduler } from './reminderScheduler';
import { systemClock, type Clock } from './clock';

/** The key under which the activities module sits in `services.registry`. */
export const ACTIVITIES_REGISTRY_KEY = 'activities';

/** What other features (the officials' console) get from `services.registry.get('activities')`. */
export interface ActivitiesModule {
  activities: ActivityService;
  registrations: RegistrationService;
  consents: ConsentService;
  outbox: ActivityOutbox;
  scheduler: ReminderScheduler;
}

export interface ActivitiesModuleOptions {
  clock?: Clock;
  /** scheduler period; default 30 s */
  reminderIntervalMs?: number;
}

export function createActivitiesModule(
  services: Pick<Services, 'db' | 'logger' | 'proactive' | 'config'>,
  options: ActivitiesModuleOptions = {},
): ActivitiesModule {
  const clock = options.clock ?? systemClock;
  const logger = services.logger.child({ module: 'activities' });
  const outbox = new ActivityOutbox(services.db, services.proactive, logger, clock);
  const consents = new ConsentService(services.db);
  const activities = new ActivityService(services.db, outbox, logger, clock);
  const registrations = new RegistrationService(services.db, consents, outbox, logger, clock);
  const scheduler = new ReminderScheduler(services.db, registrations, outbox, logger, clock, {
    hoursBefore: services.config.REMINDER_HOURS_BEFORE,
    intervalMs: options.reminderIntervalMs,
  });
  return { activities, registrations, consents, outbox, scheduler };
}

/** The module another feature registered, or undefined when activities are not enabled. */
export function getActivitiesModule(registry: Map<string, unknown>): ActivitiesModule | undefined {
  return registry.get(ACTIVITIES_REGISTRY_KEY) as ActivitiesModule | undefined;
}

export { ActivityService, RegistrationService, ConsentService, ActivityOutbox, ReminderScheduler };
export type { ActivityInput } from './activityInput';
export { activityInputSchema } from './activityInput';
export type { ActivityFilter, UpcomingFilter } from './activityService';
export type { RegistrationFilter, CancelOptions, CancelOutcome, SignUpDetails } from './registrationService';
export * from './types';
export { ActivityError, isActivityError } from './errors';
export type { Clock } from './clock';
