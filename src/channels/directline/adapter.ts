import {
  ActivityTypes,
  BotAdapter,
  ShowTypingMiddleware,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { seqOfActivityId, type DirectLineConversations, type LiveConversation } from './conversations';
import { BOT_NAME, DELETED_TEXT } from './copy';

/** How the bot appears in web chat. */
export const BOT_ACCOUNT: ChannelAccount = { id: 'huibot', name: BOT_NAME, role: 'bot' };

/** A user's account, without a name field when none is known. */
export function userAccount(id: string, name?: string): ChannelAccount {
  return (name ? { id, name, role: 'user' } : { id, role: 'user' }) as ChannelAccount;
}
/** Longest pause a 'delay' activity may ask for. */
const MAX_DELAY_MS = 10_000;

/**
 * The bot's own Direct Line channel, in process: turns run through the middleware pipeline,
 * and everything the bot sends is appended to the conversation's stream, where Web Chat
 * (polling or WebSocket) picks it up. Proactive messages use the same path.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly conversations: DirectLineConversations,
    readonly serviceUrl: string,
  ) {
    super();
    this.use(new ShowTypingMiddleware());
  }

  /** Runs one turn; errors go to onTurnError. Resolves when the bot's replies are stored. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      switch (activity.type) {
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(Number(activity.value) || 1000, 0), MAX_DELAY_MS)));
          responses.push({ id: '' });
          break;
        case ActivityTypes.InvokeResponse:
        case ActivityTypes.Trace:
          // Not for the user: the real Direct Line service does not deliver these either.
          responses.push({ id: '' });
          break;
        default: {
          const conversation = await this.conversationOf(activity);
          const stored = await this.conversations.append(conversation, { ...activity, from: BOT_ACCOUNT });
          responses.push({ id: stored.id ?? '' });
        }
      }
    }
    return responses;
  }

  /** Sends the new version under the old id; Web Chat replaces the message it shows. */
  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversation = await this.conversationOf(activity);
    if (seqOfActivityId(conversation.id, activity.id) === undefined) throw new Error('updateActivity: unknown activity id');
    const stored = await this.conversations.append(conversation, { ...activity, from: BOT_ACCOUNT }, activity.id);
    return { id: stored.id ?? '' };
  }

  /** Direct Line cannot retract a message; the client is sent a placeholder under the same id. */
  override async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversation = await this.conversationOf({ conversation: reference.conversation } as Partial<Activity>);
    if (seqOfActivityId(conversation.id, reference.activityId) === undefined) throw new Error('deleteActivity: unknown activity id');
    await this.conversations.append(conversation, { type: ActivityTypes.Message, text: DELETED_TEXT, from: BOT_ACCOUNT }, reference.activityId);
  }

  /**
   * Proactive messages (reminders, notifications). Errors reach the caller instead of the
   * turn error handler: a failed push must not apologise to the user or clear their dialog.
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    await this.conversationOf({ conversation: reference.conversation } as Partial<Activity>);
    // A proactive message answers nothing: drop the id of the message the reference was taken from.
    const event = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      { ...reference, activityId: undefined, bot: BOT_ACCOUNT, serviceUrl: this.serviceUrl },
      true,
    );
    const context = new TurnContext(this, event);
    await this.middleware.run(context, () => logic(context));
  }

  private async conversationOf(activity: Partial<Activity>): Promise<LiveConversation> {
    const id = activity.conversation?.id;
    const conversation = id ? await this.conversations.get(id) : undefined;
    if (!conversation) throw new Error(`Direct Line conversation "${id ?? ''}" does not exist`);
    return conversation;
  }
}
