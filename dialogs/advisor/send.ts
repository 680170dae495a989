import { MessageFactory, type TurnContext } from 'botbuilder';
import type { AdvisorReply } from '../../src/advisor/replies';

/** Sends advisor replies in order; buttons become suggested actions (numbered text in WeChat). */
export async function sendReplies(context: TurnContext, replies: AdvisorReply | AdvisorReply[]): Promise<void> {
  for (const reply of Array.isArray(replies) ? replies : [replies]) {
    await context.sendActivity(reply.buttons.length ? MessageFactory.suggestedActions(reply.buttons, reply.text) : MessageFactory.text(reply.text));
  }
}
