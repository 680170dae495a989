import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { AttemptAware, AttemptVerdict } from './interruptions';
import { TEXT } from './messages';

/**
 * The one rule of every flow's prompts (sign-up, cancel, advisor, hand-off, subscription): a reply
 * that is not a valid answer gets what was wrong and the question again; after STUCK_AFTER failed
 * attempts at one field, also what the field expects, with an example, and the way out of the flow.
 * Each field gives its expectation and example from its feature's copy file (FieldHelp).
 */
export const STUCK_AFTER = 2;

/** What a field says when a reply is refused; each feature fills it from its own copy. */
export interface FieldHelp {
  /** the question again, after what was wrong ("请重新输入手机号：") */
  ask?: string;
  /** after two failed attempts: what is expected, with an example ("手机号为 11 位数字，例如：13912345678。") */
  expected?: string;
  /** after two failed attempts: how to leave; TEXT.offerLeave unless the flow has its own words */
  leave?: string;
  /** buttons shown with every retry ("同意", "不同意") */
  actions?: string[];
  /** after two failed attempts, a button that leaves ("结束报名"); it must be a word that ends any flow */
  leaveButton?: string;
  /** how the retry is shown when not as a text with buttons (a card of choices) */
  render?: (text: string) => Partial<Activity>;
}

export type FieldCheck = { ok: true; value: string } | { ok: false; message: string };

/** Whether the reply being validated is at least the STUCK_AFTER-th failed attempt at this field. */
export function isStuck(pc: Pick<PromptValidatorContext<unknown>, 'attemptCount'>): boolean {
  return pc.attemptCount >= STUCK_AFTER;
}

/** The retry of a refused reply: `message` and the question; once stuck, the expectation, an example and the way out. */
export function retryActivity(message: string, help: FieldHelp, stuck: boolean): Partial<Activity> {
  const lines = [message, help.ask].filter((s): s is string => Boolean(s));
  if (stuck) lines.push(...[help.expected, help.leave ?? TEXT.offerLeave].filter((s): s is string => Boolean(s)));
  const text = lines.join('\n');
  if (help.render) return help.render(text);
  const buttons = [...(help.actions ?? []), ...(stuck && help.leaveButton ? [help.leaveButton] : [])];
  return buttons.length ? MessageFactory.suggestedActions(buttons, text) : MessageFactory.text(text);
}

/** Refuses the reply being validated (see retryActivity); always false, for `return refuse(...)`. */
export function refuse(pc: PromptValidatorContext<unknown>, message: string, help: FieldHelp): false {
  pc.options.retryPrompt = retryActivity(message, help, isStuck(pc));
  return false;
}

/** One field of a flow, for GuidedPrompt. */
export interface FieldSpec {
  /** the reply as the field's value, or what is wrong with it ('' when the question alone says it) */
  /** `memory`: kept while the prompt is active (a reply waiting for the user's confirmation) */
  check(text: string, options: PromptOptions, context: TurnContext, memory: Record<string, unknown>): FieldCheck | Promise<FieldCheck>;
  /** the field's words for a refused reply (see FieldHelp) */
  help(options: PromptOptions): FieldHelp;
  /** whether a reply is meant as the field (see AttemptVerdict); free text when absent */
  judge?(text: string, options: PromptOptions): AttemptVerdict;
  /** longest reply looked at; longer ones are refused before any parsing (default 2000) */
  maxLength?: number;
}

const MAX_REPLY = 2000;

/**
 * The prompt of every flow: a TextPrompt that checks the reply with its field's rules, refuses it
 * with the rule above, and tells the flow which replies are attempts at the field (AttemptAware).
 */
export class GuidedPrompt extends TextPrompt implements AttemptAware {
  constructor(
    id: string,
    private readonly spec: FieldSpec,
  ) {
    super(id, (pc) => this.check(pc));
  }

  judgeAttempt(text: string, options: object): AttemptVerdict {
    return this.spec.judge ? this.spec.judge(text, options as PromptOptions) : 'freeText';
  }

  private async check(pc: PromptValidatorContext<string>): Promise<boolean> {
    const help = this.spec.help(pc.options);
    // TextPrompt does not recognize an empty message; a picture or file has attachments instead of text.
    if (!pc.recognized.succeeded && pc.context.activity.attachments?.length) return refuse(pc, TEXT.notText, help);
    const text = pc.recognized.succeeded ? (pc.recognized.value ?? '') : '';
    const max = this.spec.maxLength ?? MAX_REPLY;
    if (text.length > max) return refuse(pc, TEXT.replyTooLong(text.length), help);
    const checked = await this.spec.check(text, pc.options, pc.context, pc.state as Record<string, unknown>);
    if (!checked.ok) return refuse(pc, checked.message, help);
    pc.recognized.value = checked.value;
    return true;
  }
}
