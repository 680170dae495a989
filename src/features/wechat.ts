import type { Feature, FeatureFactory } from '../contracts/feature';
import type { WechatChannelOptions } from '../channels/wechat/channel';
import { WECHAT_REGISTRY_KEY } from '../channels/wechat/status';
import { WECHAT_CHANNEL_ID } from '../channels/wechat/ids';

export { getWechatStatus, type WechatStatus, type WechatChannelService } from '../channels/wechat/status';

/** What tests (or another entry point) may inject; the rest comes from the services. */
export type WechatFeatureOptions = Omit<WechatChannelOptions, 'config' | 'db' | 'logger' | 'delivery'>;

/**
 * The WeChat channel (wechaty). Off unless WECHATY_PUPPET is set; wechaty is loaded only then,
 * so the web side neither waits for it nor depends on it.
 */
export function createWechatFeature(options: WechatFeatureOptions = {}): FeatureFactory {
  return async (services): Promise<Feature> => {
    if (!services.config.WECHATY_PUPPET) return { name: 'wechat' };
    const { WechatChannel } = await import('../channels/wechat/channel');
    const channel = new WechatChannel({ ...options, config: services.config, db: services.db, logger: services.logger, delivery: services.delivery });
    services.registry.set(WECHAT_REGISTRY_KEY, channel);
    services.proactive.registerChannel(WECHAT_CHANNEL_ID, channel.proactive);
    services.delivery.registerLane(channel.lane);
    return {
      name: 'wechat',
      start: (runtime) => channel.start(runtime),
      stop: () => channel.stop(),
    };
  };
}

export const wechatFeature: FeatureFactory = createWechatFeature();
