import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { ConversationReferenceStore, type StoredReference } from '../storage/conversationReferences';

/** What a channel must offer to let the bot speak first. */
export interface ProactiveChannel {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export type OutgoingMessage = string | Partial<Activity>;

/**
 * Speaks into a stored conversation through its channel's adapter (continueConversation), at once.
 * Each channel registers the adapter that can reach its conversations; `'*'` is the fallback (the
 * Bot Framework CloudAdapter). Messages the bot sends on its own do not call this directly: they
 * are queued in the delivery pipeline (`services.delivery`, src/delivery), whose Bot Framework lane
 * uses `sendToReference` — so retries, states and crash semantics live in one place.
 */
export class ProactiveService {
  private readonly channels = new Map<string, ProactiveChannel>();

  constructor(
    readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
  ) {}

  registerChannel(channelId: string, channel: ProactiveChannel): void {
    this.channels.set(channelId, channel);
  }

  hasChannel(channelId: string): boolean {
    return this.channels.has(channelId) || this.channels.has('*');
  }

  /** Sends to a stored conversation; resolves false when the conversation is unknown. */
  async send(refKey: string, message: OutgoingMessage | OutgoingMessage[]): Promise<boolean> {
    const stored = await this.references.get(refKey);
    if (!stored) {
      this.logger.warn({ refKey }, 'proactive send to unknown conversation');
      return false;
    }
    await this.sendToReference(stored, message);
    return true;
  }

  async sendToReference(stored: StoredReference, message: OutgoingMessage | OutgoingMessage[]): Promise<void> {
    const channel = this.channels.get(stored.channelId) ?? this.channels.get('*');
    if (!channel) throw new Error(`No proactive channel registered for "${stored.channelId}"`);
    const messages = Array.isArray(message) ? message : [message];
    await channel.continueConversation(stored.reference, async (context) => {
      for (const m of messages) await context.sendActivity(m);
    });
  }
}
