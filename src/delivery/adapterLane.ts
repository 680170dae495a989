import { DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome, type LanePolicy } from './types';
import type { ProactiveService } from './proactive';
import { DELIVERY_TEXT } from './copy';

/**
 * Channels reached through a Bot Framework adapter's continueConversation (the CloudAdapter for
 * Teams, the Emulator and other Bot Framework channels; the terminal): `channel` '*' covers every
 * channel without a lane of its own. External: the connector's answer is the outcome; a message
 * whose answer a crash or a timeout hid is `unknown` and not sent again (a duplicate notification
 * is worse than one an official resends).
 */
export function adapterLane(proactive: ProactiveService, channel = '*', policy: Partial<LanePolicy> = {}): Lane {
  return {
    channel,
    policy: { ...DEFAULT_POLICY, batchSize: 8, concurrency: 8, ...policy },
    async send(message: LaneMessage): Promise<LaneOutcome> {
      const stored = await proactive.references.get(message.refKey);
      if (!stored) return { status: 'refused', reason: DELIVERY_TEXT.noConversation, retry: false };
      try {
        await proactive.sendToReference(stored, message.activities);
        return { status: 'accepted' };
      } catch (err) {
        return { status: 'refused', reason: err instanceof Error ? err.message : String(err), retry: true };
      }
    },
  };
}
