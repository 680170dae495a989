import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { Recognizer } from '../nlu/types';
import { referenceKey } from '../storage/conversationReferences';
import { detectInterruption } from '../../dialogs/interruptions';
import type { QuestionStats } from './stats';
import { topicOf } from './stats';
import { describeActivity, type TranscriptLog } from './transcript';

/**
 * Watches every turn on every channel (Feature.observeTurn): keeps the conversation's short
 * transcript (user messages and the bot's replies) for hand-off tickets, and counts new questions
 * by topic for the dashboard. Writes run in the background and never fail a turn.
 */
export class TurnRecorder {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly transcript: TranscriptLog,
    private readonly stats: QuestionStats,
    private readonly recognizer: Recognizer,
    conversationState: ConversationState,
    private readonly logger: Logger,
  ) {
    // The same property HuiBot keeps the dialog stack in: a non-empty stack means the message answers a prompt.
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');
  }

  async observe(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message || !activity.conversation?.id) return;
    const refKey = referenceKey(activity.channelId, activity.conversation.id);
    const line = describeActivity(activity);
    if (line) this.track(this.transcript.record(refKey, 'user', line));
    context.onSendActivities(async (_context, activities, next) => {
      for (const sent of activities) {
        if (sent.type && sent.type !== ActivityTypes.Message) continue;
        const reply = describeActivity(sent);
        if (reply) this.track(this.transcript.record(refKey, 'bot', reply));
      }
      return next();
    });
    const text = activity.text?.trim();
    if (!text || detectInterruption(text)) return;
    try {
      const state = await this.dialogState.get(context);
      if (state?.dialogStack?.length) return;
    } catch (err) {
      this.logger.warn({ err }, 'dialog state unavailable for question statistics');
      return;
    }
    this.track(this.countQuestion(activity.channelId, text));
  }

  /** Resolves when every background write has finished (before the database closes). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async countQuestion(channelId: string, text: string): Promise<void> {
    const recognition = await this.recognizer.recognize(text.slice(0, 500));
    const topic = topicOf(recognition);
    if (topic) await this.stats.record(channelId, topic);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((err) => this.logger.warn({ err }, 'turn recording failed'));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
