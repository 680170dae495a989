import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { TURN_RECOGNITION } from '../nlu/frame';
import type { Recognition } from '../nlu/types';
import { referenceKey } from '../storage/conversationReferences';
import type { IntentTopics, QuestionStats } from './stats';
import { topicOf } from './stats';
import { describeActivity, type TranscriptLog } from '../handoff/transcript';

/**
 * Watches every turn on every channel (Feature.observeTurn): keeps the conversation's short
 * transcript (user messages and the bot's replies) for hand-off tickets, and counts new questions
 * by topic for the dashboard. Writes run in the background and never fail a turn: transcript lines
 * group-committed (TranscriptLog), question counts batched on a timer (QuestionStats).
 */
export class TurnRecorder {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly transcript: TranscriptLog,
    private readonly stats: QuestionStats,
    private readonly logger: Logger,
    /** each intent's statistics label (its `topic` in intents.yaml) */
    private readonly topics: IntentTopics,
  ) {}

  async observe(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message || !activity.conversation?.id) return;
    const refKey = referenceKey(activity.channelId, activity.conversation.id);
    const line = describeActivity(activity);
    if (line) this.track(this.transcript.record(refKey, 'user', line));
    // A new question is counted by the topic MainDialog recognised when it routed the message (it
    // keeps that recognition in turn state); answers to a prompt, 帮助 and 取消 are never routed.
    let counted = false;
    context.onSendActivities(async (_context, activities, next) => {
      const routed = context.turnState.get(TURN_RECOGNITION) as Recognition | undefined;
      if (routed && !counted) {
        counted = true;
        const topic = topicOf(routed, this.topics);
        if (topic) this.track(this.stats.record(activity.channelId, topic));
      }
      for (const sent of activities) {
        if (sent.type && sent.type !== ActivityTypes.Message) continue;
        const reply = describeActivity(sent);
        if (reply) this.track(this.transcript.record(refKey, 'bot', reply));
      }
      return next();
    });
  }

  /** Writes what waits in memory and resolves when every background write has finished (before the database closes). */
  async idle(): Promise<void> {
    while (this.pending.size) {
      // Question counts wait for their timer (QuestionStats): write them now.
      void this.stats.flush();
      await Promise.allSettled([...this.pending]);
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((err) => this.logger.warn({ err }, 'turn recording failed'));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
