import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Database } from '../storage/database';
import type { DeliveryService } from '../delivery';
import type { ActivitiesModule } from '../activities';
import { disabledWechatStatus, type WechatStatus } from '../channels/wechat/status';
import { ConsentService } from '../activities/consentService';
import { systemClock, type Clock } from '../clock';
import { AuditLog } from '../officials/audit';
import { Dashboard } from './dashboard';
import { NotificationService } from '../notifications/notifications';
import { QuestionStats } from '../stats/stats';
import { SubscriptionService } from '../notifications/subscriptions';
import { TicketService } from '../handoff/tickets';
import { TokenStore } from './tokens';
import { TranscriptLog } from '../handoff/transcript';
import { UnansweredReview } from '../stats/unanswered';
import { LoginThrottle } from '../http/loginThrottle';
import { registerAccessRoutes } from './api/accessRoutes';
import { registerActivityRoutes } from './api/activityRoutes';
import { registerRegistrationRoutes } from './api/registrationRoutes';
import { registerConsoleRoutes } from './api/consoleRoutes';
import { registerNotificationRoutes } from './api/notificationRoutes';
import { registerReviewRoutes } from './api/reviewRoutes';
import { registerTicketRoutes } from './api/ticketRoutes';
import { registerLabelRoutes } from './api/labelRoutes';

export interface AdminModuleOptions {
  clock?: Clock;
}

/** Everything the officials' console and its chat dialogs (subscribe, hand-off) share. */
export interface AdminModule {
  tokens: TokenStore;
  audit: AuditLog;
  subscriptions: SubscriptionService;
  /** the one delivery pipeline (shared with every feature) */
  delivery: DeliveryService;
  notifications: NotificationService;
  tickets: TicketService;
  transcript: TranscriptLog;
  stats: QuestionStats;
  unanswered: UnansweredReview;
  dashboard: Dashboard;
  /** the activities module, when that feature is enabled */
  activities(): ActivitiesModule | undefined;
}

/** What the console needs from the app (a subset of the features' Services). */
export interface AdminServices {
  config: Pick<AppConfig, 'ADMIN_TOKENS'>;
  logger: Logger;
  db: Database;
  delivery: DeliveryService;
}

/** What the console takes from other features (src/features/index.ts passes them). */
export interface AdminFeatureServices {
  /** the activities feature's services (activity and registration pages, activity notices); none: those pages say so */
  activities?: ActivitiesModule;
  /** the WeChat channel's login state for the dashboard; none: shown as disabled */
  wechatStatus?: () => WechatStatus;
}

export function createAdminModule(services: AdminServices, from: AdminFeatureServices, options: AdminModuleOptions = {}): AdminModule {
  const clock = options.clock ?? systemClock;
  const { db } = services;
  const logger = services.logger.child({ module: 'admin' });
  const activities = () => from.activities;
  // Consents live in the activities module's table; the same service works without that feature.
  const consents = from.activities?.consents ?? new ConsentService(db);
  const tokens = new TokenStore(db, services.config.ADMIN_TOKENS, logger, clock);
  const audit = new AuditLog(db, clock);
  const subscriptions = new SubscriptionService(db, consents, clock);
  const delivery = services.delivery;
  const transcript = new TranscriptLog(db, clock);
  const tickets = new TicketService(db, delivery, transcript, audit, clock);
  const stats = new QuestionStats(db, clock);
  const unanswered = new UnansweredReview(db, clock);
  const notifications = new NotificationService(db, subscriptions, delivery, audit, activities, clock);
  const dashboard = new Dashboard(db, stats, subscriptions, tickets, unanswered, clock);
  return { tokens, audit, subscriptions, delivery, notifications, tickets, transcript, stats, unanswered, dashboard, activities };
}

/** The console page and every `/admin/api` route. */
export function registerAdminRoutes(server: Server, module: AdminModule, services: Pick<AdminServices, 'logger'>, from: Pick<AdminFeatureServices, 'wechatStatus'>): void {
  const base = { tokens: module.tokens, logger: services.logger.child({ module: 'admin-api' }), failures: new LoginThrottle() };
  registerConsoleRoutes(server, services.logger);
  registerAccessRoutes(server, { ...base, audit: module.audit });
  registerLabelRoutes(server, base);
  registerActivityRoutes(server, { ...base, audit: module.audit, activities: module.activities });
  registerRegistrationRoutes(server, { ...base, audit: module.audit, activities: module.activities });
  registerNotificationRoutes(server, { ...base, notifications: module.notifications, subscriptions: module.subscriptions, delivery: module.delivery, audit: module.audit });
  registerTicketRoutes(server, { ...base, tickets: module.tickets });
  registerReviewRoutes(server, { ...base, audit: module.audit, unanswered: module.unanswered, dashboard: module.dashboard, wechatStatus: from.wechatStatus ?? disabledWechatStatus });
}
