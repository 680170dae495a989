import { DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome } from '../../delivery/types';
import { outcomeText } from './copy';
import { OA_CHANNEL_ID } from './ids';
import { isRetryable, type DeliveryOutcome } from './outcome';
import type { OfficialAccountChannel } from './channel';

/**
 * The Official Account's delivery lane. External: WeChat's answer is the outcome, and a message
 * whose answer was lost is `unknown`, never sent again (a duplicate notice is worse than a
 * missing one an official can resend). Refusals are retried only when nothing reached the user
 * and a later attempt can succeed (rate limit, WeChat unreachable or busy); while the sender backs
 * off after a rate limit the lane is not ready, so messages wait in the queue.
 */
export function officialAccountLane(channel: OfficialAccountChannel): Lane {
  return {
    channel: OA_CHANNEL_ID,
    policy: { ...DEFAULT_POLICY, delivery: 'external', retryUnknown: false, batchSize: 20, concurrency: 4, ordered: true },
    ready: () => !channel.sender.backingOff(),
    state: () => ({ ...channel.getStatus() }),
    async send(message: LaneMessage): Promise<LaneOutcome> {
      const openId = message.conversationId;
      const outcome = await channel.deliver(
        { channelId: OA_CHANNEL_ID, conversation: { id: openId, isGroup: false, conversationType: 'personal', name: '' }, user: { id: openId, name: '' } },
        message.activities,
      );
      return toLaneOutcome(outcome);
    },
  };
}

export function toLaneOutcome(outcome: DeliveryOutcome): LaneOutcome {
  if (outcome.status === 'accepted') return { status: 'accepted' };
  if (outcome.status === 'unknown') return { status: 'unknown', reason: outcomeText(outcome) };
  return { status: 'refused', reason: outcomeText(outcome), retry: isRetryable(outcome) };
}
