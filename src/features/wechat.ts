import type { Feature, Services } from '../contracts/feature';
import type { WechatChannel, WechatChannelOptions } from '../channels/wechat/channel';
import { disabledWechatStatus, type WechatStatus } from '../channels/wechat/status';
import { WECHAT_CHANNEL_ID } from '../channels/wechat/ids';

export type { WechatStatus, WechatChannelService } from '../channels/wechat/status';

/** What tests (or another entry point) may inject; the rest comes from the services. */
export type WechatFeatureOptions = Omit<WechatChannelOptions, 'config' | 'db' | 'logger' | 'delivery'>;

export interface WechatFeature extends Feature {
  /** the channel, when WECHATY_PUPPET is set */
  channel?: WechatChannel;
  /** the login state the officials' console shows ('disabled' without a channel) */
  status: () => WechatStatus;
}

/**
 * The WeChat channel (wechaty). Off unless WECHATY_PUPPET is set; wechaty is loaded only then,
 * so the web side neither waits for it nor depends on it.
 */
export function createWechatFeature(options: WechatFeatureOptions = {}): (services: Services) => Promise<WechatFeature> {
  return async (services) => {
    if (!services.config.WECHATY_PUPPET) return { name: 'wechat', status: disabledWechatStatus };
    const { WechatChannel } = await import('../channels/wechat/channel');
    const channel = new WechatChannel({ ...options, config: services.config, db: services.db, logger: services.logger, delivery: services.delivery });
    services.proactive.registerChannel(WECHAT_CHANNEL_ID, channel.proactive);
    services.delivery.registerLane(channel.lane);
    return {
      name: 'wechat',
      channel,
      status: () => channel.getStatus(),
      start: (runtime) => channel.start(runtime),
      stop: () => channel.stop(),
    };
  };
}

export const wechatFeature = createWechatFeature();
