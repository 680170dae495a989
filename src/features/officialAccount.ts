import type { Feature, Services } from '../contracts/feature';
import type { Database } from '../storage/database';
import { OfficialAccountChannel, type OfficialAccountChannelOptions } from '../channels/officialAccount/channel';
import { OA_CHANNEL_ID } from '../channels/officialAccount/ids';
import { officialAccountLane } from '../channels/officialAccount/lane';
import { officialAccountSettings } from '../channels/officialAccount/settings';
import { NOTIFICATION_CONSENT_KIND } from '../notifications/subscriptions';

/** What tests (or another entry point) may inject; the rest comes from the services. */
export type OfficialAccountFeatureOptions = Omit<OfficialAccountChannelOptions, 'settings' | 'db' | 'logger' | 'references' | 'delivery'>;

export interface OfficialAccountFeature extends Feature {
  /** the channel, when WECHAT_OA_APP_ID is set */
  channel?: OfficialAccountChannel;
}

/**
 * The WeChat Official Account (服务号) channel: the server endpoint at WECHAT_OA_PATH, the bot
 * behind it, and a delivery lane for proactive messages. Off unless WECHAT_OA_APP_ID is set; a
 * wrong or missing setting stops the start with a message naming the variable.
 */
export function createOfficialAccountFeature(options: OfficialAccountFeatureOptions = {}): (services: Services) => OfficialAccountFeature {
  return (services) => {
    const settings = officialAccountSettings(services.config);
    if (!settings) return { name: 'officialAccount' };
    const channel = new OfficialAccountChannel({
      mayUseTemplate: subscribedToNotifications(services.db),
      ...options,
      settings,
      db: services.db,
      logger: services.logger.child({ channel: OA_CHANNEL_ID }),
      references: services.proactive.references,
      delivery: services.delivery,
    });
    services.proactive.registerChannel(OA_CHANNEL_ID, channel.proactive);
    services.delivery.registerLane(officialAccountLane(channel));
    return {
      name: 'officialAccount',
      channel,
      registerRoutes: (server) => channel.registerRoutes(server),
      start: async (runtime) => channel.start(runtime),
      stop: () => channel.stop(),
    };
  };
}

/** Template messages (outside the 48-hour window) go only to followers subscribed to notifications. */
function subscribedToNotifications(db: Database): (openId: string) => Promise<boolean> {
  return async (openId) =>
    Boolean(
      await db.get(
        'SELECT 1 AS ok FROM consents WHERE kind = ? AND channel_id = ? AND user_id = ? AND withdrawn_at IS NULL LIMIT 1',
        [NOTIFICATION_CONSENT_KIND, OA_CHANNEL_ID, openId],
      ),
    );
}

export const officialAccountFeature = createOfficialAccountFeature();
