import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { TEXT, withMenu } from '../../dialogs/messages';
import { StateConflictError } from '../storage/sqliteStorage';

/**
 * Every adapter's onTurnError: log, apologise in Chinese, and drop the conversation's dialog
 * state so the next message starts clean. It never rethrows: one broken turn must not end the process.
 *
 * A state conflict (another turn of the conversation, e.g. on another instance, saved its state
 * first) is not a failure of the dialog: the stored state is the other turn's and is kept, and the
 * user is asked to send the message again.
 */
export function createTurnErrorHandler(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    if (error instanceof StateConflictError) {
      logger.warn({ key: error.key, channelId: context.activity.channelId, conversationId: context.activity.conversation?.id }, 'turn lost a state race');
      try {
        await context.sendActivity(TEXT.stateConflict);
      } catch (sendErr) {
        logger.warn({ err: sendErr }, 'could not ask the user to send again');
      }
      return;
    }
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
