import type { Feature, Services } from '../contracts/feature';
import { createAdminModule, registerAdminRoutes, type AdminFeatureServices, type AdminModule, type AdminModuleOptions } from '../admin';
import { Housekeeping, HOUSEKEEPING_SECONDS } from '../admin/housekeeping';
import { TurnRecorder } from '../stats/turnRecorder';
import { systemClock } from '../clock';
import { SubscribeDialog } from '../../dialogs/subscription/subscribeDialog';
import { UnsubscribeDialog } from '../../dialogs/subscription/unsubscribeDialog';
import { HandoffDialog } from '../../dialogs/handoff/handoffDialog';

/** The console feature; its services (tickets, notifications, statistics...) are its `module`. */
export interface AdminFeature extends Feature {
  module: AdminModule;
}

/**
 * 官员后台: the officials' console (`/admin`, `/admin/api`) — activities, registrations,
 * notifications to subscribers on every channel, unanswered questions, hand-off tickets — and the
 * chat side of it: 订阅活动通知 / 退订 and 转人工. It takes the activities feature's services and
 * the WeChat channel's status as `from`: a required argument, so the console never lands in a list
 * of independent factories and silently runs without them.
 */
export function createAdminFeature(options: AdminModuleOptions = {}): (services: Services, from: AdminFeatureServices) => Promise<AdminFeature> {
  return async (services, from) => {
    const clock = options.clock ?? systemClock;
    const module = createAdminModule(services, from, { ...options, clock });
    const logger = services.logger.child({ module: 'admin' });
    const recorder = new TurnRecorder(module.transcript, module.stats, logger, (intent) => services.intents[intent]?.topic);
    const housekeeping = new Housekeeping(module.transcript, module.tickets, logger);
    services.scheduler.every('admin.housekeeping', HOUSEKEEPING_SECONDS, () => housekeeping.run());
    const subscriptionDeps = { subscriptions: module.subscriptions, logger };
    const handoff = new HandoffDialog({
      tickets: module.tickets,
      unanswered: module.unanswered,
      logger,
      clock,
      conversationState: services.conversationState,
      transcript: module.transcript,
    });
    return {
      name: 'admin',
      module,
      routes: [
        { intents: ['subscribe'], dialog: new SubscribeDialog(subscriptionDeps) },
        { intents: ['unsubscribe'], dialog: new UnsubscribeDialog(subscriptionDeps) },
        { intents: ['handoff'], dialog: handoff, claims: (context) => handoff.claims(context) },
      ],
      observeTurn: (context) => recorder.observe(context),
      registerRoutes: (server) => registerAdminRoutes(server, module, services, from),
      async stop() {
        await recorder.idle();
      },
    };
  };
}

export const adminFeature = createAdminFeature();
