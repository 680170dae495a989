import {
  ActivityHandler,
  ActivityTypes,
  TurnContext,
  type ConversationState,
  type StatePropertyAccessor,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { MainDialog } from '../../dialogs/mainDialog';
import { TEXT, withMenu } from '../../dialogs/messages';
import type { ConversationReferenceStore } from '../storage/conversationReferences';
import { prefetchStates, saveStates } from './state';

/**
 * The one bot behind every channel: welcomes new users, runs MainDialog for messages,
 * remembers where each conversation lives, and saves state after every turn.
 */
export class HuiBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
    private readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
    private readonly turnObservers: Array<(context: TurnContext) => Promise<void> | void> = [],
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== botId) await context.sendActivity(withMenu(TEXT.welcome));
      }
      await next();
    });

    this.onMessage(this.messageHandler);
  }

  private readonly messageHandler = async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    await this.dialog.run(context, this.dialogState);
    await next();
  };

  /**
   * A message when MainDialog's handler is the only one registered (no onTurn, onMessage or
   * onDialog handler added, no emission method overridden): ActivityHandler would run just that
   * handler and then nothing, through eight nested async wrappers (~25 KB of garbage a turn).
   */
  private isPlainMessage(context: TurnContext): boolean {
    const handlers = this.handlers;
    const base = ActivityHandler.prototype as unknown as Record<'onTurnActivity' | 'onMessageActivity' | 'defaultNextEvent', unknown>;
    return (
      context?.activity?.type === ActivityTypes.Message &&
      !handlers.Turn?.length &&
      handlers.Message?.length === 1 &&
      handlers.Message[0] === this.messageHandler &&
      !handlers.Dialog?.length &&
      this.onTurnActivity === base.onTurnActivity &&
      this.onMessageActivity === base.onMessageActivity &&
      this.defaultNextEvent === base.defaultNextEvent
    );
  }

  override async run(context: TurnContext): Promise<void> {
    this.inFlight++;
    try {
      // A new conversation's two states in one read, not one read each as the turn loads them.
      await prefetchStates(context, [this.conversationState, this.userState]);
      await this.rememberConversation(context);
      for (const observe of this.turnObservers) await observe(context);
      // The message handler straight away (with a no-op for its next: no onDialog handlers), or
      // botbuilder's emission for everything else.
      if (this.isPlainMessage(context)) await this.dialog.run(context, this.dialogState);
      else await super.run(context);
      // Both states in one write when both changed.
      await saveStates(context, [this.conversationState, this.userState]);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no turn is running (graceful shutdown). */
  whenIdle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!activity.conversation?.id || !activity.from?.id) return;
    if (activity.type !== 'message') return;
    try {
      await this.references.saveIfChanged(TurnContext.getConversationReference(activity));
    } catch (err) {
      this.logger.warn({ err }, 'could not store conversation reference');
    }
  }
}
