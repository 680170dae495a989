import { MessageFactory, type Activity } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { InterruptibleDialog } from '../interruptibleDialog';
import { withMenu } from '../messages';
import { referenceKey } from '../../src/storage/conversationReferences';
import { validateMobile } from '../../src/activities/validation/mobile';
import type { Clock } from '../../src/activities/clock';
import type { TicketService } from '../../src/admin/tickets';
import type { UnansweredReview } from '../../src/admin/unanswered';
import { HANDOFF_TEXT, contactText } from './copy';
import { MAX_QUESTION_CHARS, checkName, checkQuestion, parseContact, type ContactAnswer } from './contact';

export const HANDOFF_DIALOG = 'handoff';
const STEPS = `${HANDOFF_DIALOG}.steps`;
const QUESTION_PROMPT = `${HANDOFF_DIALOG}.question`;
const CONTACT_PROMPT = `${HANDOFF_DIALOG}.contact`;
const NAME_PROMPT = `${HANDOFF_DIALOG}.name`;
const MOBILE_PROMPT = `${HANDOFF_DIALOG}.mobile`;
/** A fallback this recent in the conversation is offered as the question. */
const RECENT_FALLBACK_MS = 30 * 60_000;

export interface HandoffDialogDeps {
  tickets: TicketService;
  unanswered: UnansweredReview;
  logger: Logger;
  clock: Clock;
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
  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
    this.addDialog(new TextPrompt(QUESTION_PROMPT, validateQuestion));
    this.addDialog(new TextPrompt(CONTACT_PROMPT, validateContact));
    this.addDialog(new TextPrompt(NAME_PROMPT, validateName));
    this.addDialog(new TextPrompt(MOBILE_PROMPT, validateMobileAnswer));
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

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    const { channelId, conversation } = step.context.activity;
    try {
      const active = await this.deps.tickets.activeFor(this.refKey(step));
      if (active) {
        values.addTo = active.id;
        return step.prompt(QUESTION_PROMPT, { prompt: HANDOFF_TEXT.activeTicket(active.id, active.question) });
      }
      const since = new Date(this.deps.clock().getTime() - RECENT_FALLBACK_MS).toISOString();
      values.recent = await this.deps.unanswered.latestInConversation(channelId, conversation.id, since);
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
        await step.context.sendActivity(withMenu(HANDOFF_TEXT.added(values.addTo)));
      } catch (err) {
        this.deps.logger.error({ err, ticketId: values.addTo }, 'could not add to ticket');
        await step.context.sendActivity(withMenu(HANDOFF_TEXT.failed));
      }
      return step.endDialog();
    }
    if (values.recent && answer === HANDOFF_TEXT.useRecent) {
      values.question = values.recent.text;
      values.unansweredId = values.recent.id;
    } else {
      values.question = answer;
    }
    return step.prompt(CONTACT_PROMPT, {
      prompt: MessageFactory.suggestedActions([HANDOFF_TEXT.replyInChat, HANDOFF_TEXT.leavePhone], HANDOFF_TEXT.askContact),
      retryPrompt: MessageFactory.suggestedActions([HANDOFF_TEXT.replyInChat, HANDOFF_TEXT.leavePhone], HANDOFF_TEXT.contactRetry),
    });
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
      return step.prompt(NAME_PROMPT, { prompt: HANDOFF_TEXT.askName });
    }
    return step.next();
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as HandoffValues;
    if (values.awaiting === 'name') values.name = String(step.result);
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
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.opened(ticket.id, ticket.question, contact)));
    } catch (err) {
      this.deps.logger.error({ err }, 'could not open hand-off ticket');
      await step.context.sendActivity(withMenu(HANDOFF_TEXT.failed));
    }
    return step.endDialog();
  }
}

async function validateQuestion(pc: PromptValidatorContext<string>): Promise<boolean> {
  const checked = checkQuestion(pc.recognized.value);
  if (checked.ok) {
    (pc.recognized as { value: string }).value = checked.value;
    return true;
  }
  pc.options.retryPrompt = MessageFactory.text(
    checked.reason === 'too_long' ? HANDOFF_TEXT.questionTooLong(checked.length ?? 0, MAX_QUESTION_CHARS) : HANDOFF_TEXT.questionEmpty,
  );
  return false;
}

async function validateContact(pc: PromptValidatorContext<string>): Promise<boolean> {
  const answer = parseContact(pc.recognized.value);
  if (answer.kind === 'chat' || answer.kind === 'phone') {
    (pc.recognized as { value: string }).value = JSON.stringify(answer);
    return true;
  }
  const actions = [HANDOFF_TEXT.replyInChat, HANDOFF_TEXT.leavePhone];
  pc.options.retryPrompt = MessageFactory.suggestedActions(actions, answer.kind === 'invalid' ? `${answer.message}\n${HANDOFF_TEXT.contactRetry}` : HANDOFF_TEXT.contactRetry);
  return false;
}

async function validateName(pc: PromptValidatorContext<string>): Promise<boolean> {
  const checked = checkName(pc.recognized.value);
  if (checked.ok) {
    (pc.recognized as { value: string }).value = checked.value;
    return true;
  }
  pc.options.retryPrompt = MessageFactory.text(`${checked.message}\n${HANDOFF_TEXT.askName}`);
  return false;
}

async function validateMobileAnswer(pc: PromptValidatorContext<string>): Promise<boolean> {
  const checked = validateMobile(pc.recognized.value);
  if (checked.ok) {
    (pc.recognized as { value: string }).value = checked.mobile;
    return true;
  }
  pc.options.retryPrompt = MessageFactory.text(`${checked.message}\n${HANDOFF_TEXT.askMobile}`);
  return false;
}
