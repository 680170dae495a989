import type { Server } from 'restify';
import type { Services } from '../features/feature';
import { getActivitiesModule, type ActivitiesModule } from '../activities';
import { ConsentService } from '../activities/consentService';
import { systemClock, type Clock } from '../activities/clock';
import { AuditLog } from './audit';
import { Dashboard } from './dashboard';
import { NotificationService } from './notifications';
import { PushOutbox } from './outbox';
import { PushWorker, type PushWorkerOptions } from './pushWorker';
import { QuestionStats } from './stats';
import { SubscriptionService } from './subscriptions';
import { TicketService } from './tickets';
import { TokenStore } from './tokens';
import { TranscriptLog } from './transcript';
import { UnansweredReview } from './unanswered';
import { AuthFailures } from './api/http';
import { registerAccessRoutes } from './api/accessRoutes';
import { registerActivityRoutes } from './api/activityRoutes';
import { registerConsoleRoutes } from './api/consoleRoutes';
import { registerNotificationRoutes } from './api/notificationRoutes';
import { registerReviewRoutes } from './api/reviewRoutes';
import { registerTicketRoutes } from './api/ticketRoutes';

/** The key under which the console's services sit in `services.registry`. */
export const ADMIN_REGISTRY_KEY = 'admin';

export interface AdminModuleOptions {
  clock?: Clock;
  worker?: PushWorkerOptions;
}

/** Everything the officials' console and its chat dialogs (subscribe, hand-off) share. */
export interface AdminModule {
  tokens: TokenStore;
  audit: AuditLog;
  subscriptions: SubscriptionService;
  outbox: PushOutbox;
  worker: PushWorker;
  notifications: NotificationService;
  tickets: TicketService;
  transcript: TranscriptLog;
  stats: QuestionStats;
  unanswered: UnansweredReview;
  dashboard: Dashboard;
  /** the activities module, when that feature is enabled */
  activities(): ActivitiesModule | undefined;
}

export function createAdminModule(services: Services, options: AdminModuleOptions = {}): AdminModule {
  const clock = options.clock ?? systemClock;
  const { db, registry } = services;
  const logger = services.logger.child({ module: 'admin' });
  const activities = () => getActivitiesModule(registry);
  // Consents live in the activities module's table; the same service works without that feature.
  const consents = activities()?.consents ?? new ConsentService(db);
  const tokens = new TokenStore(db, services.config.ADMIN_TOKENS, logger, clock);
  const audit = new AuditLog(db, clock);
  const subscriptions = new SubscriptionService(db, consents, clock);
  const outbox = new PushOutbox(db, clock);
  const worker = new PushWorker(db, outbox, services.proactive, logger, { clock, ...options.worker });
  const transcript = new TranscriptLog(db, clock);
  const tickets = new TicketService(db, outbox, transcript, audit, () => worker.kick(), clock);
  const stats = new QuestionStats(db, clock);
  const unanswered = new UnansweredReview(db, clock);
  const notifications = new NotificationService(db, subscriptions, outbox, worker, audit, activities, clock);
  const dashboard = new Dashboard(db, stats, subscriptions, tickets, unanswered, clock);
  return { tokens, audit, subscriptions, outbox, worker, notifications, tickets, transcript, stats, unanswered, dashboard, activities };
}

export function getAdminModule(registry: Map<string, unknown>): AdminModule | undefined {
  return registry.get(ADMIN_REGISTRY_KEY) as AdminModule | undefined;
}

/** The console page and every `/admin/api` route. */
export function registerAdminRoutes(server: Server, module: AdminModule, services: Pick<Services, 'logger' | 'registry'>): void {
  const base = { tokens: module.tokens, logger: services.logger.child({ module: 'admin-api' }), failures: new AuthFailures() };
  registerConsoleRoutes(server, services.logger);
  registerAccessRoutes(server, { ...base, audit: module.audit });
  registerActivityRoutes(server, { ...base, audit: module.audit, activities: module.activities });
  registerNotificationRoutes(server, { ...base, notifications: module.notifications, subscriptions: module.subscriptions });
  registerTicketRoutes(server, { ...base, tickets: module.tickets });
  registerReviewRoutes(server, { ...base, audit: module.audit, unanswered: module.unanswered, dashboard: module.dashboard, registry: services.registry });
}
