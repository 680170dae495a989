import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { TEXT, withMenu } from '../../dialogs/messages';

/**
 * Every adapter's onTurnError: log, apologise in Chinese, and drop the conversation's dialog
 * state so the next message starts clean. It never rethrows: one broken turn must not end the process.
 */
export function createTurnErrorHandler(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(
      { err: error, channelId: context.activity.channelId, conversationId: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      await context.sendActivity(withMenu(TEXT.error));
    } catch (sendErr) {
      logger.warn({ err: sendErr }, 'could not send the apology');
    }
    try {
      await conversationState.delete(context);
    } catch (deleteErr) {
      logger.warn({ err: deleteErr }, 'could not clear conversation state');
    }
  };
}
