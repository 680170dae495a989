import { ActivityTypes } from 'botbuilder';
import { DEFAULT_POLICY, type Lane, type LaneMessage, type LaneOutcome } from '../../delivery/types';
import { BOT_ACCOUNT, userAccount } from './adapter';
import { DIRECTLINE_CHANNEL_ID, type DirectLineConversations } from './conversations';
import { LANE_REFUSAL } from './copy';

/**
 * Web chat's delivery lane. The channel's write is in our own database: the message is appended to
 * the conversation's stream and marked sent in one transaction, so every recipient gets it exactly
 * once, whatever moment a crash hits (before the commit it is queued again, after it it is sent).
 */
export function directLineLane(conversations: DirectLineConversations): Lane {
  return {
    channel: DIRECTLINE_CHANNEL_ID,
    policy: { ...DEFAULT_POLICY, delivery: 'atomic', batchSize: 200, concurrency: 32, maxAttempts: 5, retryBaseMs: 5_000 },
    async send(message: LaneMessage): Promise<LaneOutcome> {
      const conversation = await conversations.get(message.conversationId);
      if (!conversation) return { status: 'refused', reason: LANE_REFUSAL.noConversation, retry: false };
      const recipient = conversation.userId ? userAccount(conversation.userId, conversation.userName) : undefined;
      const activities = message.activities.map((a) => ({
        ...a,
        type: a.type ?? ActivityTypes.Message,
        from: BOT_ACCOUNT,
        ...(recipient ? { recipient } : {}),
        // The delivery id travels with the message: a client (or a test) can see it is one delivery.
        channelData: { ...(a.channelData as object | undefined), deliveryId: message.id },
      }));
      await conversations.appendAtomically(conversation, activities, message.commit);
      return { status: 'accepted' };
    },
  };
}
