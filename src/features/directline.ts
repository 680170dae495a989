import type { Feature, Services } from '../contracts/feature';
import { DirectLineChannel } from '../channels/directline/channel';
import type { DirectLineService } from '../channels/directline/service';
import { DIRECTLINE_CHANNEL_ID } from '../channels/directline/conversations';
import { directLineLane } from '../channels/directline/lane';

/**
 * Web chat on the service center's site: a local Direct Line endpoint (/v3/directline), the
 * chat page (/) and the token endpoint, with proactive messages delivered into web conversations.
 */
export interface DirectLineFeature extends Feature {
  /** the web conversations (tests and benchmarks read what was delivered into them) */
  service: DirectLineService;
}

export async function directLineFeature(services: Services): Promise<DirectLineFeature> {
  const channel = await DirectLineChannel.create(services);
  services.proactive.registerChannel(DIRECTLINE_CHANNEL_ID, channel.service.adapter);
  services.delivery.registerLane(directLineLane(channel.service.conversations));
  return {
    name: 'directline',
    service: channel.service,
    registerRoutes: (server, runtime) => channel.registerRoutes(server, runtime),
    start: async () => channel.start(),
    stop: () => channel.stop(),
  };
}
