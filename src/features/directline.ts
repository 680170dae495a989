import type { FeatureFactory } from '../contracts/feature';
import { DirectLineChannel } from '../channels/directline/channel';
import { DIRECTLINE_CHANNEL_ID } from '../channels/directline/conversations';
import { directLineLane } from '../channels/directline/lane';

/**
 * Web chat on the service center's site: a local Direct Line endpoint (/v3/directline), the
 * chat page (/) and the token endpoint, with proactive messages delivered into web conversations.
 */
export const directLineFeature: FeatureFactory = async (services) => {
  const channel = await DirectLineChannel.create(services);
  services.proactive.registerChannel(DIRECTLINE_CHANNEL_ID, channel.service.adapter);
  services.delivery.registerLane(directLineLane(channel.service.conversations));
  services.registry.set('directline', channel.service);
  return {
    name: 'directline',
    registerRoutes: (server, runtime) => channel.registerRoutes(server, runtime),
    start: async () => channel.start(),
    stop: () => channel.stop(),
  };
};
