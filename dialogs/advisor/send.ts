import type { TurnContext } from 'botbuilder';
import { withButtons } from '../buttons';
import type { AdvisorReply } from '../../src/advisor/replies';

/** Sends advisor replies in order; buttons become suggested actions (a value, when they carry one; numbered text in WeChat). */
export async function sendReplies(context: TurnContext, replies: AdvisorReply | AdvisorReply[]): Promise<void> {
  for (const reply of Array.isArray(replies) ? replies : [replies]) {
    await context.sendActivity(withButtons(reply.buttons, reply.text));
  }
}
