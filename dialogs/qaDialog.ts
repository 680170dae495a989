/**
 * The Q&A dialog: answers a policy question from knowledge/ (answer first, source, follow-up
 * buttons), asks "您是想问" when two topics are close, or falls back honestly and records the
 * question for officials. It answers in one turn and ends; a clicked button comes back as a
 * new message through MainDialog.
 */
import { MessageFactory, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { RoutedDialogOptions } from './mainDialog';
import type { AnswerBuilder } from '../src/answers/answerBuilder';
import type { QaContext } from '../src/answers/context';
import type { QaReply } from '../src/answers/reply';
import type { UnansweredStore } from '../src/stats/unansweredStore';
import type { Entities, Recognition, Recognizer } from '../src/nlu/types';
import type { StatedFacts } from '../src/domain/enterprise';
import { correctFacts } from '../src/nlu/correction';
import type { SignUpOffers } from './activities/signUpOffers';

/** Turn state: the class judged before this turn's message replaced the Q&A's topic (null: none). */
const CLASS_BEFORE_TURN = Symbol('huibot.qa.classBeforeTurn');

export const QA_DIALOG = 'qaDialog';
/** conversation-state property holding the last topic ("那市级呢") */
export const QA_CONTEXT_PROPERTY = 'qaContext';

export interface QaDialogDeps {
  builder: AnswerBuilder;
  /** used when the dialog is started without a recognition */
  recognizer: Recognizer;
  conversationState: ConversationState;
  unanswered?: UnansweredStore;
  logger?: Logger;
  /** what earlier turns told about the user's enterprise (the advisor's saved profile) */
  knownFacts?: (context: TurnContext) => Promise<StatedFacts | undefined>;
  /** "想报名参加…，怎么报名": after how enterprises sign up, the form offered right here */
  offers?: SignUpOffers;
}

/** The reply as a Bot Framework message: text plus suggested actions (imBack buttons). */
export function toActivity(reply: QaReply): Partial<Activity> {
  return reply.suggestions.length ? MessageFactory.suggestedActions(reply.suggestions, reply.text) : MessageFactory.text(reply.text);
}

/**
 * A plain Dialog, not a flow (InterruptibleDialog): it never waits for the user, so it has no
 * prompt to interrupt, and without a ComponentDialog and a one-step waterfall around the answer
 * a turn builds two dialog contexts fewer.
 */
export class QaDialog extends Dialog {
  private readonly qaContext: StatePropertyAccessor<QaContext>;

  constructor(
    private readonly deps: QaDialogDeps,
    id: string = QA_DIALOG,
  ) {
    super(id);
    this.qaContext = deps.conversationState.createProperty<QaContext>(QA_CONTEXT_PROPERTY);
  }

  override async beginDialog(dc: DialogContext, options?: Partial<RoutedDialogOptions>): Promise<DialogTurnResult> {
    const context = dc.context;
    const recognition = options?.recognition ?? (await this.deps.recognizer.recognize(context.activity.text ?? ''));
    const previous = await this.qaContext.get(context, {});
    const facts = await this.factsFor(context, recognition.frame?.facts);
    const { reply: built, context: qaContext } = this.deps.builder.buildAll(options?.questions ?? [recognition], previous, facts);
    const offer = built.kind === 'answer' ? await this.deps.offers?.offerFor(context, recognition, options?.questions ?? [recognition]) : undefined;
    const offered = offer ? { ...built, text: `${built.text}\n${offer.text}`, suggestions: [offer.button, ...built.suggestions] } : built;
    // Another dialog answers the rest of the message: its buttons come last.
    const reply = options?.more ? { ...offered, suggestions: [] } : offered;
    await this.qaContext.set(context, qaContext);
    await context.sendActivity(toActivity(reply));
    if (reply.unanswered) await this.record(context, recognition, reply.unanswered);
    // Facts stated in any question (answered or not) are kept for the advisor.
    return dc.endDialog({ kind: reply.kind, itemId: reply.itemId });
  }

  /**
   * The message's facts over what earlier turns told ("我们是省级的，2024年认定" then "我们评价能加分吗"):
   * a fact given once is reasoned with, never asked again. A storage problem leaves the message's own.
   */
  private async factsFor(context: TurnContext, stated: StatedFacts | undefined): Promise<StatedFacts | undefined> {
    const known = await this.deps.knownFacts?.(context).catch(() => undefined);
    if (!known) return stated;
    return stated ? (correctFacts(known, stated) ?? stated) : known;
  }

  /**
   * A message another flow answers (the advisor: "专场招聘我们能参加吗") still sets the topic a later
   * follow-up refers to ("那它一年几场"): told every message before its flow runs.
   */
  async observe(context: TurnContext, recognition: Recognition): Promise<void> {
    const questions = recognition.frame?.questions ?? [recognition];
    const elsewhere = [...questions].reverse().find((q) => q.intent === 'what_support');
    const topic = elsewhere && this.deps.builder.topicAnsweredElsewhere(elsewhere);
    if (!topic) return;
    // (The class judged before this message stays what "那它能享受啥" points at, this turn.)
    context.turnState.set(CLASS_BEFORE_TURN, this.deps.builder.classJudgedLast(await this.qaContext.get(context, {})) ?? null);
    await this.qaContext.set(context, topic);
  }

  /** The class of enterprise this conversation's last answer judged, while fresh ("入库培育企业算哪一类" → 三类). */
  async classJudgedLast(context: TurnContext): Promise<Partial<Entities> | undefined> {
    const before = context.turnState.get(CLASS_BEFORE_TURN) as Partial<Entities> | null | undefined;
    if (before !== undefined) return before ?? undefined;
    return this.deps.builder.classJudgedLast(await this.qaContext.get(context, {}));
  }

  /** Stores a fallback for officials; a storage problem never breaks the conversation. */
  private async record(context: TurnContext, recognition: Recognition, reason: NonNullable<QaReply['unanswered']>): Promise<void> {
    if (!this.deps.unanswered) return;
    const activity = context.activity;
    try {
      await this.deps.unanswered.record({
        text: recognition.text,
        normalized: recognition.normalized,
        channel: activity.channelId ?? 'unknown',
        conversationId: activity.conversation?.id,
        userId: activity.from?.id,
        intent: recognition.intent,
        intentScore: recognition.intentScore,
        reason,
        candidates: recognition.candidates,
      });
    } catch (err) {
      this.deps.logger?.warn({ err }, 'could not store unanswered question');
    }
  }
}
