import { MAX_ANALYSED_CHARS } from '../../src/text/normalize';
import { MessageFactory, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { InterruptibleDialog } from '../interruptibleDialog';
import { COMMAND_INTENTS, detectInterruption, interruptionServices } from '../interruptions';
import { GuidedPrompt, type FieldCheck } from '../guidedPrompt';
import type { RoutedDialogOptions } from '../mainDialog';
import { withMenu } from '../messages';
import { referenceKey } from '../../src/storage/conversationReferences';
import { validateMobile } from '../../src/activities/validation/mobile';
import type { Clock } from '../../src/clock';
import type { TicketService } from '../../src/handoff/tickets';
import type { UnansweredReview } from '../../src/stats/unanswered';
import { HANDOFF_TEXT } from '../../src/handoff/copy';
import { hasQuestionForm } from '../../src/nlu/clauses';
import { MAX_QUESTION_CHARS, checkName, checkQuestion, contactText, looksLikeContactAnswer, parseContact, type ContactAnswer } from './contact';

export const HANDOFF_DIALOG = 'handoff';
const STEPS = `${HANDOFF_DIALOG}.steps`;
const QUESTION_PROMPT = `${HANDOFF_DIALOG}.question`;
const CONTACT_PROMPT = `${HANDOFF_DIALOG}.contact`;
const NAME_PROMPT = `${HANDOFF_DIALOG}.name`;
const MOBILE_PROMPT = `${HANDOFF_DIALOG}.mobile`;
/** A fallback (or any question) this recent in the conversation is offered as the question. */
const RECENT_FALLBACK_MS = 30 * 60_000;
/** Conversation-state property: the ticket this conversation talks to. */
export const HANDOFF_SESSION_PROPERTY = 'handoffSession';
/** Typed to leave the conversation with the 服务专员 and talk to the bot again. */
const RETURN_WORDS = /^(返回助手|回到助手|返回机器人|回到机器人|结束人工|退出人工|结束对话|返回智能助手)$/u;
/** "就是刚才的问题", "上面那个问题": the question asked before 转人工. */
const REFERS_BACK = /^(就是)?(刚才|刚刚|上面|之前|前面|上一个)(的|那个)?(问题|那个)?$/u;

export interface HandoffDialogDeps {
  tickets: TicketService;
  unanswered: UnansweredReview;
  logger: Logger;
  clock: Clock;
  /** keeps which ticket this conversation talks to, so replies after an official's answer reach it */
  conversationState?: ConversationState;
  /** the conversation's last messages, to find the question asked before 转人工 */
  transcript?: { recent(refKey: string): Promise<Array<{ role: 'user' | 'bot'; text: string; at: string }>> };
}

interface HandoffSession {
  ticketId: number;
  /** when the user typed 返回助手 (ISO) */
  returnedAt?: string;
}

interface HandoffValues {
  /** an open ticket of this conversation the user is adding to */
  addTo?: number;
  recent?: { id: number; text: string };
  question?: string;
  unansweredId?: number;
  inChat?: boolean;
  name?: string;
  mobile?: string;
  awaiting?: 'name' | 'mobile';
}

/**
 * 转人工 / 联系服务专员: collects the question and how to answer (this conversation, or a name and
 * mobile), then opens a ticket carrying the conversation's recent transcript. Officials answer
 * from the console; the reply comes back to this conversation.
 */
export class HandoffDialog extends InterruptibleDialog {
  protected override resumePrefix = HANDOFF_TEXT.resume;
  protected override leaveText = HANDOFF_TEXT.left;
  private readonly session?: StatePropertyAccessor<HandoffSession | undefined>;

  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
    this.session = deps.conversationState?.createProperty<HandoffSession | undefined>(HANDOFF_SESSION_PROPERTY);
    const leave = HANDOFF_TEXT.leave;
    this.addDialog(
      new GuidedPrompt(QUESTION_PROMPT, { check: checkQuestionAnswer, help: () => ({ expected: HANDOFF_TEXT.expectQuestion, leave }), judge: () => 'question', maxLength: 4 * MAX_QUESTION_CHARS }),
    );
    this.addDialog(
      new GuidedPrompt(CONTACT_PROMPT, {
        check: checkContact,
        help: () => ({ ask: HANDOFF_TEXT.contactRetry, actions: CONTACT_ACTIONS, expected: HANDOFF_TEXT.expectContact, leave }),
        judge: (t) => (looksLikeContactAnswer(t) ? 'answer' : 'freeText'),
      }),
    );
    this.addDialog(
      new GuidedPrompt(NAME_PROMPT, {
        check: checkNameAnswer,
        help: () => ({ ask: HANDOFF_TEXT.askNameOrBoth, expected: HANDOFF_TEXT.expectName, leave }),
        judge: (t) => (/\d{5,}/.test(t) ? 'answer' : 'freeText'),
      }),
    );
    this.addDialog(
      new GuidedPrompt(MOBILE_PROMPT, {
        check: (t) => {
          const checked = validateMobile(t);
          return checked.ok ? { ok: true, value: checked.mobile } : checked;
        },
        help: () => ({ ask: HANDOFF_TEXT.askMobile, expected: HANDOFF_TEXT.expectMobile, leave }),
        judge: (t) => (/\d{5,}/.test(t.replace(/[\s-]+/g, '')) ? 'answer' : 'notAnswer'),
      }),
    );
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.startStep.bind(this),
        this.questionStep.bind(this),
        this.contactStep.bind(this),
        this.nameStep.bind(this),
        this.openStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private refKey(step: WaterfallStepContext): string {
    const { channelId, conversation } = step.context.activity;
    return referenceKey(channelId, conversation.id);
  }

  /**
   * True while this conversation talks to a 服务专员: a ticket not closed, answered by an official
   * since the user last typed 返回助手. Global commands (我的报名, 退订…) still go to the bot.
   */
  async claims(context: TurnContext): Promise<boolean> {
    const session = await this.session?.get(context);
    if (!session?.ticketId) return false;
    const ticket = await this.deps.tickets.get(session.ticketId);
    if (!ticket || ticket.status === 'closed') {
      await this.session!.delete(context);
      return false;
    }
    const answeredAt = await this.deps.tickets.lastOfficialReplyAt(ticket.id);
    if (!answeredAt || (session.returnedAt && session.returnedAt >= answeredAt)) return false;
    const text = (context.activity.text ?? '').trim();
    if (!text || RETURN_WORDS.test(text) || interruptsRelay(text)) return true;
    const recognizer = interruptionServices(context)?.recognizer;
    if (!recognizer) return true;
    // (The router reads the same text: the turn's recognizer recognises it once.)
    const recognition = await recognizer.recognize(text.slice(0, MAX_ANALYSED_CHARS));
    return !(recognition.intent !== 'handoff' && COMMAND_INTENTS.includes(recognition.intent) && recognition.intentScore >= 0.8);
  }

  /** A message of a conversation handed over: to the ticket, or back to the bot. */
  private async relay(step: WaterfallStepContext, options: Partial<RoutedDialogOptions>): Promise<DialogTurnResult> {
    const session = (await this.session?.get(step.context))!;
    const text = (step.context.activity.text ?? '').trim();
    if (RETURN_WORDS.test(text) || interruptsRelay(text)) {
      await this.session!.set(step.context, { ...session, returnedAt: this.deps.clock().toISOString() });
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.returned));
      return step.endDialog();
    }
    const actions = [HANDOFF_TEXT.returnButton];
    if (!text || options.recognition?.intent === 'handoff') {
      await step.context.sendActivity(MessageFactory.suggestedActions(actions, HANDOFF_TEXT.inSession(session.ticketId)));
      return step.endDialog();
    }
    try {
      await this.deps.tickets.addUserMessage(session.ticketId, text);
      await step.context.sendActivity(MessageFactory.suggestedActions(actions, HANDOFF_TEXT.relayed(session.ticketId)));
    } catch (err) {
      this.deps.logger.error({ err, ticketId: session.ticketId }, 'could not add to ticket');
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.failed));
    }
    return step.endDialog();
  }

  private async remember(context: TurnContext, ticketId: number): Promise<void> {
    await this.session?.set(context, { ticketId });
  }

  /** The user's last question before this 转人工 (the transcript's latest user line that is not a command). */
  private async lastQuestion(step: WaterfallStepContext): Promise<string | undefined> {
    if (!this.deps.transcript) return undefined;
    const since = new Date(this.deps.clock().getTime() - RECENT_FALLBACK_MS).toISOString();
    const current = (step.context.activity.text ?? '').trim();
    const lines = (await this.deps.transcript.recent(this.refKey(step))).filter((l) => l.role === 'user' && l.at >= since);
    const recognizer = interruptionServices(step.context)?.recognizer;
    for (const line of lines.reverse()) {
      const text = line.text.trim();
      if (!text || text === current || interruptsRelay(text) || [...text].length < 4 || REFERS_BACK.test(text)) continue;
      const intent = recognizer ? (await recognizer.recognize(text.slice(0, 500))).intent : 'none';
      // (What was typed into a form — a credit code, a company name — is none, but no question.)
      if (intent === 'policy_question' || (intent === 'none' && hasQuestionForm(text))) return text;
    }
    return undefined;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    const options = (step.options ?? {}) as Partial<RoutedDialogOptions> & { askAgain?: boolean };
    if (options.claimed && this.session) return this.relay(step, options);
    if (options.askAgain) return step.prompt(QUESTION_PROMPT, { prompt: HANDOFF_TEXT.noRecent });
    const { channelId, conversation } = step.context.activity;
    try {
      const active = await this.deps.tickets.activeFor(this.refKey(step));
      if (active) {
        values.addTo = active.id;
        const answered = active.status === 'answered' || Boolean(await this.deps.tickets.lastOfficialReplyAt(active.id));
        const text = answered ? HANDOFF_TEXT.answeredTicket(active.id, active.question) : HANDOFF_TEXT.activeTicket(active.id, active.question);
        return step.prompt(QUESTION_PROMPT, { prompt: text });
      }
      // ("先转人工吧，我想找服务专员问下首次认定奖补的事": the matter told with the request is the question.)
      const current = (step.context.activity.text ?? '').trim();
      if (matterTold(current) && checkQuestion(current).ok) {
        await step.context.sendActivity(HANDOFF_TEXT.questionTaken(current.length > 60 ? `${current.slice(0, 60)}…` : current));
        return step.next(current);
      }
      const since = new Date(this.deps.clock().getTime() - RECENT_FALLBACK_MS).toISOString();
      values.recent = await this.deps.unanswered.latestInConversation(channelId, conversation.id, since);
      if (!values.recent) {
        const text = await this.lastQuestion(step);
        if (text) values.recent = { id: 0, text };
      }
    } catch (err) {
      this.deps.logger.warn({ err }, 'hand-off lookup failed; asking for the question anyway');
    }
    if (values.recent) {
      const shown = values.recent.text.length > 60 ? `${values.recent.text.slice(0, 60)}…` : values.recent.text;
      return step.prompt(QUESTION_PROMPT, {
        prompt: MessageFactory.suggestedActions([HANDOFF_TEXT.useRecent], HANDOFF_TEXT.askQuestionWithRecent(shown)),
      });
    }
    return step.prompt(QUESTION_PROMPT, { prompt: HANDOFF_TEXT.askQuestion });
  }

  private async questionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    const answer = String(step.result);
    if (values.addTo) {
      try {
        await this.deps.tickets.addUserMessage(values.addTo, answer);
        await this.remember(step.context, values.addTo);
        await step.context.sendActivity(withMenu(HANDOFF_TEXT.added(values.addTo)));
      } catch (err) {
        this.deps.logger.error({ err, ticketId: values.addTo }, 'could not add to ticket');
        await step.context.sendActivity(withMenu(HANDOFF_TEXT.failed));
      }
      return step.endDialog();
    }
    const refersBack = answer === HANDOFF_TEXT.useRecent || REFERS_BACK.test(answer.replace(/[\s\p{P}]+/gu, ''));
    if (refersBack && !values.recent) {
      // Nothing asked before that we could find: the question itself is needed.
      return step.replaceDialog(STEPS, { askAgain: true });
    }
    if (values.recent && refersBack) {
      values.question = values.recent.text;
      values.unansweredId = values.recent.id || undefined;
    } else {
      values.question = answer;
    }
    return step.prompt(CONTACT_PROMPT, contactPromptOptions());
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    const answer = JSON.parse(String(step.result)) as ContactAnswer;
    if (answer.kind === 'chat') {
      values.inChat = true;
      return step.next();
    }
    if (answer.kind === 'phone') {
      values.name = answer.name;
      values.mobile = answer.mobile;
    }
    if (!values.name) {
      values.awaiting = 'name';
      return step.prompt(NAME_PROMPT, { prompt: values.mobile ? HANDOFF_TEXT.askName : HANDOFF_TEXT.askNameOrBoth });
    }
    return step.next();
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    if (values.awaiting === 'name') {
      // The name, or the name and the mobile in one message ("王先生 13912345678").
      const given = JSON.parse(String(step.result)) as { name: string; mobile?: string };
      values.name = given.name;
      values.mobile ??= given.mobile;
    }
    if (!values.inChat && !values.mobile) {
      values.awaiting = 'mobile';
      return step.prompt(MOBILE_PROMPT, { prompt: HANDOFF_TEXT.askMobile });
    }
    values.awaiting = undefined;
    return step.next();
  }

  private async openStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    if (values.awaiting === 'mobile') values.mobile = String(step.result);
    const activity = step.context.activity as Activity;
    try {
      const ticket = await this.deps.tickets.open({
        origin: {
          channelId: activity.channelId,
          conversationId: activity.conversation.id,
          userId: activity.from.id,
          userName: activity.from.name,
          refKey: this.refKey(step),
        },
        question: values.question!,
        contactName: values.inChat ? undefined : values.name,
        mobile: values.inChat ? undefined : values.mobile,
        unansweredId: values.unansweredId,
      });
      const contact = values.inChat ? undefined : contactText(values.name, values.mobile);
      await this.remember(step.context, ticket.id);
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.opened(ticket.id, ticket.question, contact)));
    } catch (err) {
      this.deps.logger.error({ err }, 'could not open hand-off ticket');
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.failed));
    }
    return step.endDialog();
  }
}

const CONTACT_ACTIONS = [HANDOFF_TEXT.replyInChat, HANDOFF_TEXT.leavePhone];

function contactPromptOptions() {
  return { prompt: MessageFactory.suggestedActions(CONTACT_ACTIONS, HANDOFF_TEXT.askContact) };
}

/** The words of asking for a person, and the courtesies around them: what is left is the matter told. */
const ASKING_FOR_PERSON = /转接?人工(?:客服|服务)?|人工客服|人工服务|找人工|找真人|真人|(?:找|联系|请|转给|转接)?(?:一下)?(?:企服中心的?)?(?:服务)?专员|客服|工作人员|先|吧|好的?|麻烦|请|帮我|帮忙|我想|我要|想|要|找|一下|[\s\p{P}\p{S}]/gu;
/** Words that only hint at a matter ("还有个事想找人问问"): no matter told. */
const HINTED_MATTER = /还有|有个|有件|有点|一个|一件|个|件|事情?|问题|问问|问一下|问下|咨询(?:一下|下)?|找人|人|聊聊|说说|谈谈/gu;
/** Shortest matter, in characters, that is told rather than only hinted at. */
const MIN_MATTER = 4;

/** The request comes with what it is about ("转人工，我想问下首次认定奖补的事"). */
function matterTold(text: string): boolean {
  return [...text.replace(ASKING_FOR_PERSON, '').replace(HINTED_MATTER, '')].length >= MIN_MATTER;
}

/** "转人工" again is not a question. */
const HANDOFF_WORDS = /^(转人工|人工|人工客服|人工服务|找人工|转接人工|找真人|真人|我要找真人|联系服务专员)$/u;

function checkQuestionAnswer(text: string): FieldCheck {
  const checked = checkQuestion(text);
  if (checked.ok && HANDOFF_WORDS.test(checked.value.replace(/[\s\p{P}]+/gu, ''))) return { ok: false, message: HANDOFF_TEXT.questionNeeded };
  if (checked.ok) return checked;
  return { ok: false, message: checked.reason === 'too_long' ? HANDOFF_TEXT.questionTooLong(checked.length ?? 0, MAX_QUESTION_CHARS) : HANDOFF_TEXT.questionEmpty };
}

/** Reply here, or a name and a mobile; the result is the ContactAnswer as JSON. */
function checkContact(text: string): FieldCheck {
  const answer = parseContact(text);
  if (answer.kind === 'chat' || answer.kind === 'phone') return { ok: true, value: JSON.stringify(answer) };
  return { ok: false, message: answer.kind === 'invalid' ? answer.message : '' };
}

/** A name, or a name with a mobile; the result is JSON {name, mobile?}. */
function checkNameAnswer(text: string): FieldCheck {
  const both = parseContact(text);
  if (both.kind === 'phone' && both.name && both.mobile) return { ok: true, value: JSON.stringify({ name: both.name, mobile: both.mobile }) };
  if (both.kind === 'invalid') return { ok: false, message: both.message };
  const checked = checkName(text);
  return checked.ok ? { ok: true, value: JSON.stringify({ name: checked.value }) } : checked;
}

/** A command word that leaves the relay (帮助, 取消, 菜单); "继续" is a message for the official. */
function interruptsRelay(text: string): boolean {
  const word = detectInterruption(text);
  return word !== undefined && word !== 'resume';
}
