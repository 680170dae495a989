import { randomBytes } from 'node:crypto';
import { ActivityTypes, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotRuntime } from '../../contracts/feature';
import { BOT_ACCOUNT, DirectLineAdapter, userAccount } from './adapter';
import type { ClientActivity } from './clientActivity';
import { DIRECTLINE_CHANNEL_ID, DirectLineConversations, type LiveConversation } from './conversations';
import type { DirectLineStore } from './store';
import type { ConversationGrant, DirectLineTokens } from './tokens';

/** How long a POST waits for the bot's turn before answering anyway (the turn carries on). */
const TURN_WAIT_MS = 15_000;

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

/** Server-made user ids carry the reserved dl_ prefix, like the Azure service's. */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/**
 * The Direct Line channel's operations, independent of HTTP: starting conversations (with the
 * bot's welcome), taking in user activities (echo, then the bot's turn) and reading streams.
 */
export class DirectLineService {
  readonly conversations: DirectLineConversations;
  readonly adapter: DirectLineAdapter;
  private runtime?: BotRuntime;

  constructor(
    readonly store: DirectLineStore,
    readonly tokens: DirectLineTokens,
    serviceUrl: string,
    private readonly logger: Logger,
  ) {
    this.conversations = new DirectLineConversations(store);
    this.adapter = new DirectLineAdapter(this.conversations, serviceUrl);
  }

  /** Connects the bot; until then conversations can be read but not answered. */
  attach(runtime: BotRuntime): void {
    this.runtime = runtime;
    this.adapter.onTurnError = runtime.onTurnError;
  }

  /** A grant for a conversation that starts when the client first calls POST /conversations. */
  newGrant(user: { userId?: string; userName?: string } = {}): ConversationGrant {
    return { conversationId: newConversationId(), userId: user.userId, userName: user.userName };
  }

  /**
   * Starts the grant's conversation, or returns it if it already started. A new conversation
   * whose user is known gets the bot's welcome before this resolves.
   */
  async start(grant: ConversationGrant, locale?: string): Promise<{ conversation: LiveConversation; created: boolean }> {
    const { conversation, created } = await this.conversations.create({
      conversationId: grant.conversationId,
      userId: grant.userId,
      userName: grant.userName,
      locale,
    });
    if (created) {
      this.logger.info({ conversationId: conversation.id, userKnown: Boolean(grant.userId) }, 'web chat conversation started');
      if (conversation.userId) await this.conversations.enqueueTurn(conversation, () => this.welcome(conversation));
    }
    return { conversation, created };
  }

  /**
   * Takes in one client activity: the sender is fixed (token or conversation user), the echo is
   * stored at once (Web Chat needs it, with its clientActivityID, to mark the message sent),
   * then the bot's turn runs. Resolves with the stored echo once the turn's replies are stored
   * (or after TURN_WAIT_MS).
   */
  async receive(conversation: LiveConversation, input: ClientActivity, grant?: ConversationGrant): Promise<Partial<Activity>> {
    if (!conversation.userId) {
      // First message of a conversation started without a known user: it names the user.
      await this.conversations.enqueueTurn(conversation, async () => {
        if (conversation.userId) return;
        const userId = grant?.userId ?? input.claimedUserId ?? newUserId();
        await this.conversations.setUser(conversation, userId, grant?.userName ?? input.claimedUserName);
        await this.welcome(conversation);
      });
    }
    const echo = await this.conversations.append(conversation, {
      ...input.activity,
      from: userAccount(conversation.userId!, conversation.userName ?? input.claimedUserName),
      recipient: BOT_ACCOUNT,
    });
    const turn = this.conversations.enqueueTurn(conversation, () =>
      this.runTurn({ ...echo, timestamp: new Date(String(echo.timestamp)), serviceUrl: this.adapter.serviceUrl }),
    );
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, TURN_WAIT_MS);
    });
    try {
      await Promise.race([turn.catch((err) => this.logger.error({ err, conversationId: conversation.id }, 'web chat turn failed')), patience]);
    } finally {
      clearTimeout(timer);
    }
    return echo;
  }

  /** The bot's welcome: a conversationUpdate that adds the user. */
  private welcome(conversation: LiveConversation): Promise<void> {
    const user = userAccount(conversation.userId!, conversation.userName);
    return this.runTurn({
      type: ActivityTypes.ConversationUpdate,
      channelId: DIRECTLINE_CHANNEL_ID,
      conversation: { id: conversation.id } as Activity['conversation'],
      from: user,
      recipient: BOT_ACCOUNT,
      membersAdded: [user],
      locale: conversation.locale,
      serviceUrl: this.adapter.serviceUrl,
      timestamp: new Date(),
    });
  }

  private async runTurn(activity: Partial<Activity>): Promise<void> {
    const runtime = this.runtime;
    if (!runtime) throw new Error('Direct Line channel is not attached to the bot yet');
    await this.adapter.processActivity(activity, (context) => runtime.bot.run(context));
  }
}
