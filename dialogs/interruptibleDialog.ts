import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogReason,
  type DialogInstance,
  type DialogTurnResult,
  type PromptOptions,
} from 'botbuilder-dialogs';
import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Recognition } from '../src/nlu/types';
import { planFrame, type RouteGroup } from '../src/nlu/frame';
import type { Intent } from '../src/domain/vocabulary';
import {
  decide,
  detectInterruption,
  interruptionServices,
  isAttemptAware,
  isFlowExit,
  splitLeadingAnswer,
  type AttemptVerdict,
  type FlowExit,
  type InterruptionServices,
  type ResumableOptions,
} from './interruptions';
import { TEXT, withMenu } from './messages';
import { MAX_ANALYSED_CHARS } from '../src/text/normalize';
import { readableWithin } from '../src/nlu/longMessage';


interface PromptInstanceOptions extends PromptOptions, ResumableOptions {
  /** the prompt as first asked, kept when the re-ask text replaces it */
  firstPrompt?: string | Partial<Activity>;
}

/**
 * Base of every multi-turn flow. At every prompt the message is looked at first:
 * 帮助 / 取消 / 返回主菜单 always work; a global command (转人工, 我的报名, 取消报名, 订阅, 退订…) or a
 * clear policy question is served — the command's dialog runs on top of the prompt, the question is
 * answered by the Q&A dialog — and the same step is asked again. Only a reply that looks like an
 * attempt at the field (the prompt decides, see AttemptAware) is validated as the field.
 * Commands listed in `endsOn` end the flow instead (the user is told nothing was kept).
 */
export class InterruptibleDialog extends ComponentDialog {
  /** Said before a step is asked again after an interruption ("我们继续报名。"). */
  protected resumePrefix: string = TEXT.resume;
  /** Said when the user leaves the flow (取消, or a command that ends it). */
  protected leaveText: string = TEXT.cancelled;
  /** Commands that end this flow rather than interrupt it (sign-up: 取消报名). */
  protected endsOn: readonly Intent[] = [];
  /** Said when the flow starts over for a new request of its own kind. */
  protected restartText: string = TEXT.restart;
  /** How a user names this flow when going back to it ("继续刚才的评估"); unnamed flows are only resumed as "刚才的事项". */
  protected namedBy?: RegExp;

  /** Runs the requests served on top of this flow's prompts (see ServedRequest). */
  private readonly servedId: string;

  constructor(dialogId: string) {
    super(dialogId);
    this.servedId = `${dialogId}.served`;
    this.addDialog(new ServedRequest(this.servedId, this));
    // The flow's own first dialog (added by the subclass) starts it.
    this.initialDialogId = undefined as unknown as string;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    let result = interrupted ?? (await super.onContinueDialog(innerDc));
    result = (await this.serveTrailing(innerDc, result)) ?? result;
    return (await this.leaveForServed(innerDc)) ?? result;
  }

  /**
   * "好的 顺便问下…": the short answer before a request was taken as the field (see answerThenRequest);
   * the request is served now — on top of the flow's next prompt, which is asked again after it, or,
   * when that answer ended the flow, right after it.
   */
  private async serveTrailing(innerDc: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult | undefined> {
    const trailing = innerDc.context.turnState.get(TRAILING_REQUEST) as TrailingRequest | undefined;
    if (trailing?.owner !== this.id) return undefined;
    innerDc.context.turnState.delete(TRAILING_REQUEST);
    innerDc.context.activity.text = trailing.text;
    const { next } = trailing;
    if (result.status === DialogTurnStatus.waiting) {
      const leaf = leafContext(innerDc);
      if (!leaf?.activeDialog) return undefined;
      this.prepareReask(leaf);
      await leaf.beginDialog(this.servedId, trailing.served);
      return Dialog.EndOfTurn;
    }
    if (result.status === DialogTurnStatus.complete && result.result === undefined) {
      return { status: DialogTurnStatus.complete, result: { next } satisfies FlowExit };
    }
    return undefined;
  }

  /**
   * A reply that starts with a short answer to the prompt and goes on with a request of its own
   * ("好的 顺便问下这些通知在哪发布", "同意，另外这个沙龙聊什么"): the answer is taken as the field
   * (the turn's text becomes it until the flow has moved on) and the request is kept for serveTrailing.
   * Only a command or a clear policy question counts as a request: the rest of "2 这样对吗" is not one.
   */
  private async answerThenRequest(innerDc: DialogContext, prompt: unknown, options: object, text: string, services: InterruptionServices): Promise<boolean> {
    const parts = splitLeadingAnswer(text);
    if (!parts || !isAttemptAware(prompt) || prompt.judgeAttempt(parts.head, options) !== 'answer') return false;
    const recognition = await services.recognizer.recognize(readableWithin(parts.rest, MAX_ANALYSED_CHARS));
    const decision = decide(parts.rest, 'notAnswer', recognition);
    if (decision.kind === 'field') return false;
    if (decision.kind === 'question' && !(recognition.intent === 'policy_question' && recognition.confidence === 'high')) return false;
    const intent: Intent = decision.kind === 'question' ? 'policy_question' : decision.intent;
    const target = services.dialogFor(intent);
    if (!target || target === this.id || intent === 'help' || this.endsOn.includes(intent)) return false;
    await services.observe(innerDc.context, recognition);
    const served = this.servedOptions(decision.kind === 'question', target, recognition, services);
    innerDc.context.turnState.set(TRAILING_REQUEST, { owner: this.id, text, target, next: { intent, recognition }, served } satisfies TrailingRequest);
    innerDc.context.activity.text = parts.head;
    return true;
  }

  /**
   * A flow served on top of one of this flow's prompts ended with a request of its own (FlowExit:
   * 退订 typed in a 订阅 started inside a sign-up). The request is served now; when it is one that
   * ends this flow too, this flow says so and passes the request on (see leaveForServed).
   */
  async serveExit(dc: DialogContext, exit: FlowExit): Promise<DialogTurnResult> {
    const { intent, recognition } = exit.next;
    const target = interruptionServices(dc.context)?.dialogFor(intent);
    if (this.endsOn.includes(intent)) {
      dc.context.turnState.set(PENDING_EXIT, { owner: this.id, exit, text: this.leaveText } satisfies PendingExit);
      return Dialog.EndOfTurn;
    }
    if (target === this.id) {
      if (!this.restartsWith(recognition)) return dc.endDialog();
      dc.context.turnState.set(PENDING_EXIT, { owner: this.id, exit, text: this.restartText } satisfies PendingExit);
      return Dialog.EndOfTurn;
    }
    // Served on top of the same prompt, which is asked again when it ends.
    if (target) return dc.beginDialog(target, { recognition });
    return dc.endDialog();
  }

  /** Ends this flow when a request served on top of it asked to (serveExit), passing the request on. */
  private async leaveForServed(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const pending = innerDc.context.turnState.get(PENDING_EXIT) as PendingExit | undefined;
    if (pending?.owner !== this.id) return undefined;
    innerDc.context.turnState.delete(PENDING_EXIT);
    await innerDc.context.sendActivity(pending.text);
    await innerDc.cancelAllDialogs(false);
    return { status: DialogTurnStatus.complete, result: pending.exit };
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = innerDc.context.activity;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const leaf = leafContext(innerDc);
    // A flow started on top of one of this flow's prompts handles its own interruptions.
    if (!leaf) return undefined;
    const text = (activity.text ?? '').trim();

    switch (detectInterruption(text)) {
      case 'help':
        await innerDc.context.sendActivity(TEXT.help);
        await this.reask(leaf, TEXT.helpInFlow);
        return Dialog.EndOfTurn;
      case 'cancel':
        await innerDc.context.sendActivity(withMenu(this.leaveText));
        return innerDc.cancelAllDialogs(false);
      case 'menu':
        await innerDc.context.sendActivity(withMenu(`${this.leaveText}${TEXT.menu}`));
        return cancelEverything(innerDc);
      case 'resume':
        // "继续刚才的评估" typed in a sign-up begun at one of the assessment's prompts: back to the assessment.
        if (this.outerFlowNamedBy(innerDc, text)) {
          await innerDc.context.sendActivity(this.leaveText);
          return innerDc.cancelAllDialogs(false);
        }
        await this.reask(leaf);
        return Dialog.EndOfTurn;
    }

    if (text && (await this.answerInFlow(innerDc, text))) {
      await this.reask(leaf);
      return Dialog.EndOfTurn;
    }

    const services = interruptionServices(innerDc.context);
    if (!services || !text) return undefined;
    const prompt = leaf.activeDialog ? leaf.findDialog(leaf.activeDialog.id) : undefined;
    const options = (leaf.activeDialog?.state as { options?: object } | undefined)?.options ?? {};
    const verdict: AttemptVerdict = isAttemptAware(prompt) ? prompt.judgeAttempt(text, options) : 'freeText';
    // (Checked first: "同意，另外…" reads as consent whole, and the question would be lost.)
    if (await this.answerThenRequest(innerDc, prompt, options, text, services)) return undefined;
    if (verdict === 'answer') return undefined;

    const recognition = await services.recognizer.recognize(readableWithin(text, MAX_ANALYSED_CHARS));
    await services.observe(innerDc.context, recognition);
    const decision = decide(text, verdict, recognition);
    if (decision.kind === 'field') return undefined;

    const intent = decision.kind === 'question' ? 'policy_question' : decision.intent;
    if (intent === 'help') {
      await innerDc.context.sendActivity(TEXT.help);
      await this.reask(leaf, TEXT.helpInFlow);
      return Dialog.EndOfTurn;
    }
    const target = services.dialogFor(intent);
    if (!target) return undefined;
    if (target === this.id) {
      // The same request anew, about something else (another activity's 报名 button): start over with it.
      if (this.restartsWith(recognition)) {
        await innerDc.context.sendActivity(this.restartText);
        await innerDc.cancelAllDialogs(false);
        return { status: DialogTurnStatus.complete, result: { next: { intent, recognition } } satisfies FlowExit };
      }
      // Asking for what is being done already ("确认删除" in 删除我的信息): it is an answer.
      return undefined;
    }
    if (this.endsOn.includes(intent)) {
      await innerDc.context.sendActivity(this.leaveText);
      await innerDc.cancelAllDialogs(false);
      return { status: DialogTurnStatus.complete, result: { next: { intent, recognition } } satisfies FlowExit };
    }
    // The prompt asks again when the served dialog ends (Prompt.resumeDialog re-prompts).
    this.prepareReask(leaf);
    await leaf.beginDialog(this.servedId, this.servedOptions(decision.kind === 'question', target, recognition, services));
    return Dialog.EndOfTurn;
  }

  /** What serves a request typed at a prompt: every question of its message, in order, when it asks several. */
  private servedOptions(asQuestion: boolean, target: string, recognition: Recognition, services: InterruptionServices): ServedOptions {
    // Several questions in the message (none of them a request of this flow or one that ends it): all of them, in order.
    const groups = planFrame(recognition, (i) => services.dialogFor(i));
    const questions =
      groups && groups[0].dialogId === target && groups.every((g) => g.dialogId !== this.id && g.questions.every((q) => QUESTION_INTENTS.includes(q.intent) && !this.endsOn.includes(q.intent))) ? groups : undefined;
    // (Read as a question to the Q&A, which answers the tier too: every question of the frame, there.)
    const asked = recognition.frame?.questions ?? [];
    const allToQa = asQuestion && asked.length > 1 && asked.every((q) => QA_ANSWERED.includes(q.intent));
    return allToQa
      ? { target, recognition, questions: asked }
      : questions
        ? { target, recognition: questions[0].recognition, questions: questions[0].questions, rest: questions.slice(1) }
        : { target, recognition };
  }

  /** The text names a flow this one was started on top of, and not this one. */
  private outerFlowNamedBy(innerDc: DialogContext, text: string): boolean {
    if (this.namedBy?.test(text)) return false;
    for (let dc = innerDc.parent; dc; dc = dc.parent) {
      const dialog = dc.activeDialog ? dc.findDialog(dc.activeDialog.id) : undefined;
      if (dialog instanceof InterruptibleDialog && dialog !== this && dialog.namedBy?.test(text)) return true;
    }
    return false;
  }

  /** Whether a request of this flow's own intent, typed at one of its prompts, starts it over. */
  protected restartsWith(_recognition: Recognition): boolean {
    return false;
  }

  /**
   * A flow may answer questions about what it is doing (sign-up: "这个活动在哪里举办") before the
   * message is recognised; true when it did (the step is then asked again).
   */
  protected async answerInFlow(_innerDc: DialogContext, _text: string): Promise<boolean> {
    return false;
  }

  /** Asks the step of the leaf context again, with the re-ask text (after `prefix`, this time only). */
  private async reask(leaf: DialogContext, prefix?: string): Promise<void> {
    this.prepareReask(leaf, prefix);
    await leaf.repromptDialog();
    if (prefix) this.prepareReask(leaf);
  }

  /** From now on the prompt's re-ask text (after the flow's resume prefix) is what it sends. */
  private prepareReask(leaf: DialogContext, prefix = this.resumePrefix): void {
    const state = leaf.activeDialog?.state as { options?: PromptInstanceOptions } | undefined;
    const options = state?.options;
    if (!options) return;
    options.firstPrompt ??= options.prompt;
    const base = options.reask ?? options.firstPrompt;
    if (base) options.prompt = withPrefix(base, prefix);
  }
}

/**
 * The context of the prompt this flow waits on, through nested components that are not flows
 * themselves; undefined when another flow (an InterruptibleDialog) is active below this one.
 */
function leafContext(innerDc: DialogContext): DialogContext | undefined {
  let dc = innerDc;
  for (;;) {
    const instance: DialogInstance | undefined = dc.activeDialog;
    if (!instance) return dc;
    const dialog = dc.findDialog(instance.id);
    if (dialog instanceof InterruptibleDialog) return undefined;
    const child = dc.child;
    if (!child) return dc;
    dc = child;
  }
}

/** Ends every dialog of the conversation (返回主菜单), not only this flow. */
async function cancelEverything(innerDc: DialogContext): Promise<DialogTurnResult> {
  let root = innerDc;
  while (root.parent) root = root.parent;
  await root.cancelAllDialogs(false);
  return { status: DialogTurnStatus.cancelled };
}

function withPrefix(prompt: string | Partial<Activity>, prefix: string): Partial<Activity> {
  const activity: Partial<Activity> = typeof prompt === 'string' ? MessageFactory.text(prompt) : { ...prompt };
  if (!prefix || activity.text?.startsWith(prefix)) return activity;
  return { ...activity, text: activity.text ? `${prefix}${activity.text}` : prefix };
}

/** Turn-state key: a request typed after a short answer, served once the answer is taken (see serveTrailing). */
const TRAILING_REQUEST = Symbol('huibot.trailingRequest');

interface TrailingRequest {
  /** the flow whose prompt took the answer */
  owner: string;
  /** the message as typed, given back to the turn once the answer is taken */
  text: string;
  target: string;
  next: FlowExit['next'];
  /** how the request is served on top of the prompt (all of its questions) */
  served: ServedOptions;
}

/** Turn-state key: a flow asked, from a request served on top of it, to end (see serveExit). */
const PENDING_EXIT = Symbol('huibot.pendingFlowExit');

interface PendingExit {
  /** the flow that ends */
  owner: string;
  exit: FlowExit;
  /** what it says as it ends */
  text: string;
}

/** What a message asking several questions at a prompt may ask, each answered in turn. */
const QUESTION_INTENTS: readonly Intent[] = ['policy_question', 'none', 'which_tier', 'what_support'];

/** What the Q&A answers itself, the tier included, when a message at a prompt is read as a question. */
const QA_ANSWERED: readonly Intent[] = ['policy_question', 'none', 'which_tier'];

interface ServedOptions {
  target: string;
  recognition: Recognition;
  /** the questions of the message the target answers, when the message asks several */
  questions?: Recognition[];
  /** the message's other questions, answered one group after another once the target ends */
  rest?: RouteGroup[];
}

/**
 * Sits between a flow's prompt and the request served on top of it: begins the request's dialog
 * and, when that dialog ends with a request of its own (FlowExit), has the flow serve it instead of
 * dropping it; otherwise ends, and the prompt asks its step again.
 */
class ServedRequest extends Dialog {
  constructor(
    id: string,
    private readonly owner: InterruptibleDialog,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: ServedOptions): Promise<DialogTurnResult> {
    if (!options?.target) return dc.endDialog();
    const rest = options.rest ?? [];
    (dc.activeDialog!.state as { rest?: RouteGroup[] }).rest = rest;
    return dc.beginDialog(options.target, { recognition: options.recognition, ...(options.questions ? { questions: options.questions, more: rest.length > 0 } : {}) });
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if (isFlowExit(result)) return this.owner.serveExit(dc, result);
    // "那现在属于哪一类？评价能加几分？" typed at a prompt: every question of it, then the prompt again.
    const state = dc.activeDialog!.state as { rest?: RouteGroup[] };
    const [next, ...more] = state.rest ?? [];
    if (next) {
      state.rest = more;
      return dc.beginDialog(next.dialogId, { recognition: next.recognition, questions: next.questions, more: more.length > 0, after: true });
    }
    return dc.endDialog();
  }
}
