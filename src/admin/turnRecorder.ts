import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { TURN_RECOGNITION } from '../nlu/frame';
import type { Recognition, Recognizer } from '../nlu/types';
import { referenceKey } from '../storage/conversationReferences';
import { detectInterruption } from '../../dialogs/interruptions';
import type { QuestionStats } from './stats';
import { topicOf } from './stats';
import { describeActivity, type TranscriptLog } from '../handoff/transcript';

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
    // A new question is counted by the topic the router recognised (read when the first reply goes out).
    let countOnReply = false;
    context.onSendActivities(async (_context, activities, next) => {
      if (countOnReply) {
        countOnReply = false;
        this.track(this.countQuestion(activity.channelId, context));
      }
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
    countOnReply = true;
  }

  /** Resolves when every background write has finished (before the database closes). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async countQuestion(channelId: string, context: TurnContext): Promise<void> {
    // MainDialog keeps the turn's recognition; only a turn it did not route is recognised here.
    const routed = context.turnState.get(TURN_RECOGNITION) as Recognition | undefined;
    const recognition = routed ?? (await this.recognizer.recognize((context.activity.text ?? '').trim().slice(0, 500)));
    const topic = topicOf(recognition);
    if (topic) await this.stats.record(channelId, topic);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((err) => this.logger.warn({ err }, 'turn recording failed'));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
