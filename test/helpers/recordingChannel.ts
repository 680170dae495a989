import { TestAdapter, TurnContext, type ConversationReference } from 'botbuilder';
import type { ProactiveChannel } from '../../src/delivery/proactive';

export interface SentMessage {
  refKey: string;
  conversationId: string;
  text: string;
  actions: string[];
}

/** A proactive channel that records what it delivers; it can fail, or hold sends behind a gate. */
export class RecordingChannel implements ProactiveChannel {
  readonly sent: SentMessage[] = [];
  failNext = 0;
  private gate?: Promise<void>;
  private openGate?: () => void;
  /** sends that reached the channel while the gate was closed */
  waiting = 0;

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('channel unavailable');
    }
    if (this.gate) {
      this.waiting++;
      await this.gate;
    }
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'event', name: 'proactive' }, reference, true));
    await logic(context);
    for (const activity of adapter.activeQueue) {
      this.sent.push({
        refKey: `${reference.channelId}|${reference.conversation?.id}`,
        conversationId: reference.conversation?.id ?? '',
        text: activity.text ?? '',
        actions: (activity.suggestedActions?.actions ?? []).map((a) => String(typeof a.value === 'string' ? a.value : a.title)),
      });
    }
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  to(conversationId: string): string[] {
    return this.sent.filter((m) => m.conversationId === conversationId).map((m) => m.text);
  }
}
