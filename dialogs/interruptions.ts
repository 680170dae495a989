import type { Activity, TurnContext } from 'botbuilder';
import type { Recognition, Recognizer } from '../src/nlu/types';
import type { Intent } from '../src/domain/vocabulary';
import { withoutEmoji } from '../src/activities/validation/text';

/** Words that interrupt any flow, after trimming punctuation and spaces. */
export type Interruption = 'help' | 'cancel' | 'menu' | 'resume';

const WORDS: Record<string, Interruption> = {
  帮助: 'help',
  help: 'help',
  '?': 'help',
  '？': 'help',
  取消: 'cancel',
  退出: 'cancel',
  算了: 'cancel',
  不办了: 'cancel',
  不填了: 'cancel',
  不报了: 'cancel',
  结束报名: 'cancel',
  退出报名: 'cancel',
  cancel: 'cancel',
  返回主菜单: 'menu',
  主菜单: 'menu',
  返回菜单: 'menu',
  菜单: 'menu',
  menu: 'menu',
};

/** Ways of giving up a form, and the words said around them ("算了 先不报了 取消吧"). */
const GIVING_UP = /取消|退出|算了|不办了|不填了|不报了|不报名了|不想报了|先不报|不要了|不用了|不弄了|不搞了|放弃|结束报名|退出报名/gu;
const AROUND_GIVING_UP = /还是|暂时|那就|我们|好的|这次|这回|麻烦|一下|谢谢|多谢|感谢|老师|帮|给|请|先|吧|啊|呀|啦|了|我|您|你|那|就|好|嗯|哈|哦|额|呃|唉|[,，、]/gu;
/** Going back to the flow after something else ("继续", "好了，接着刚才的"). */
const RESUMING = /^(?:好了|好的|ok|嗯|那)?[,，]?(?:我们)?(?:继续|接着|回到)(?:吧|来|做|刚才的?|之前的?|上面的?)*(?:评估|测评|判断|报名|订阅|填写|填|流程|问题|事情?)?(?:吧|啊)?$/u;
/** How a user names a flow when going back to it ("继续刚才的评估"), by flow. */
export const FLOW_NAMES = {
  assessment: /评估|测评|判断/u,
  signUp: /报名|填写/u,
  subscription: /订阅/u,
} as const;
/** Longer than this, a message says more than that it gives up. */
const MAX_GIVING_UP = 16;

export function detectInterruption(text: string | undefined): Interruption | undefined {
  if (!text) return undefined;
  const key = text.trim().toLowerCase().replace(/[\s。.!！~～]+/g, '');
  const word = WORDS[key];
  if (word) return word;
  // Only giving-up words and the words around them: a cancel, however it is put. ("取消报名" names what to cancel.)
  if (key.length <= MAX_GIVING_UP && key.replace(GIVING_UP, '') !== key && key.replace(GIVING_UP, '').replace(AROUND_GIVING_UP, '') === '') return 'cancel';
  // "好了，继续刚才的评估": back to the step being asked, which is asked again.
  if (key.length <= MAX_GIVING_UP && RESUMING.test(key)) return 'resume';
  return undefined;
}

/**
 * How a prompt judges a reply before validating it:
 * - 'answer': it is an attempt at the field (digits for a head count, an 18-character code...): validate it;
 * - 'notAnswer': it cannot be the field: a recognised command or policy question is served instead;
 * - 'freeText': the field takes free text (a name): only commands and clear questions interrupt;
 * - 'question': the field IS a question (转人工's "what do you want to ask"): only commands interrupt.
 */
export type AttemptVerdict = 'answer' | 'notAnswer' | 'freeText' | 'question';

/** A prompt that can tell whether a reply is meant as its field. */
export interface AttemptAware {
  judgeAttempt(text: string, options: object): AttemptVerdict;
}

export function isAttemptAware(dialog: unknown): dialog is AttemptAware {
  return typeof (dialog as Partial<AttemptAware> | undefined)?.judgeAttempt === 'function';
}

/** Extra prompt options the interruption mechanism reads (persisted with the prompt's state). */
export interface ResumableOptions {
  /** what to send when the flow comes back to this prompt after serving an interruption */
  reask?: Partial<Activity>;
}

/** Requests that may be made at any prompt of any flow. */
export const COMMAND_INTENTS: readonly Intent[] = [
  'handoff',
  'my_signups',
  'cancel_signup',
  'subscribe',
  'unsubscribe',
  'my_profile',
  'delete_profile',
  'list_activities',
  'sign_up',
  'which_tier',
  'what_support',
  'help',
];

/** Requests that are questions: only a message phrased as a question makes them. */
const ASKED_INTENTS: readonly Intent[] = ['which_tier', 'what_support'];

/** What an interrupting message asks for. */
export type Decision = { kind: 'field' } | { kind: 'command'; intent: Intent } | { kind: 'question' };

// (几 before a measure word: "能加几分", "一年办几场"; the formal 何: "何时印发", "有何支持", "为何".)
const QUESTION_CUES =
  /[吗呢么？?]|什么|怎么|怎样|如何|哪些|哪个|哪里|哪(?:一|类|级|家|种|项|天|年|位|边|儿|次|场|条|部)|多少|几[个分场次类年级天月号点位家项条种回]|为何|何时|何种|何处|有何|是否|能否|可否|有没有|是不是|能不能|可不可以|需不需要|要不要|[咋啥]|(?:先|想|请)问|问(?:一?下|个事)|(?:能|可以|可|行|要|用|有|是|会)[^，,。？?！!\s]{0,6}不(?=[\s，,。？?！!]|$)/u;
/** Words of asking about something ("想了解", "咨询一下"): a question, not a command. */
const INQUIRY = /了解|咨询|想问|请问|问一下|问下|想知道|打听/u;
/** Longest command typed where the field is a question ("我的报名", "取消"). */
const MAX_COMMAND_AT_QUESTION = 12;
const ORGANISATION = /(公司|集团|研究院|研究所|事务所|中心|工厂|厂|合作社|商行|门市部)$/u;
/** A reply that ends asking: a question mark, or 吗/呢/嘛 at its end. */
const ENDS_ASKING = /[？?]$|[吗呢嘛](?:[？?。!！~～]*)$/u;

/** A message phrased as a question (吗/呢/？, 什么/怎么/哪些/是否...). */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION_CUES.test(text);
}

/**
 * Decides, for a reply at a prompt, whether to validate it as the field or to serve it as a command
 * or a policy question. Pure: the verdict comes from the prompt, the recognition from the recognizer.
 */
export function decide(text: string, verdict: AttemptVerdict, recognition: Recognition): Decision {
  if (verdict === 'answer') return { kind: 'field' };
  // (Emoji say nothing of what the reply is: "btw 深度诊断要钱嘛😂" ends asking.)
  const trimmed = withoutEmoji(text).trim();
  if (verdict !== 'notAnswer' && ORGANISATION.test(trimmed)) return { kind: 'field' };
  const { intent } = recognition;
  // "我们属于哪一类" is asked; "不对，我们是市级的" answers (a correction is never a new request).
  const asked = !ASKED_INTENTS.includes(intent) || (looksLikeQuestion(trimmed) && !recognition.entities.correction);
  // (Where the field is itself a question — 转人工's "what do you want to ask" — only a short command that asks
  // nothing is one: "想了解专精特新贷和沙龙安排" is the question to pass on.)
  const passedOn = verdict === 'question' && ([...trimmed].length > MAX_COMMAND_AT_QUESTION || INQUIRY.test(trimmed));
  if (COMMAND_INTENTS.includes(intent) && asked && !passedOn && recognition.intentScore >= 0.8 && (verdict === 'notAnswer' || [...trimmed].length <= 40)) {
    return { kind: 'command', intent };
  }
  if (verdict === 'question') return { kind: 'field' };
  // ("先问下哈，深度诊断收费不？" at the company-name prompt: no name ends asking; it is served, never stored.)
  if (verdict === 'freeText' && ENDS_ASKING.test(trimmed)) return { kind: 'question' };
  const clearQuestion = intent === 'policy_question' && recognition.confidence === 'high';
  if (clearQuestion && (verdict === 'notAnswer' || looksLikeQuestion(trimmed))) return { kind: 'question' };
  // Asked where a number or a code is expected: answered (or honestly not), never taken as the field.
  if (verdict === 'notAnswer' && looksLikeQuestion(trimmed)) return { kind: 'question' };
  return { kind: 'field' };
}

/** Where a reply's first part ends: punctuation, a space, or a word that opens another request. */
const FIRST_PART_END = /[\s，,。.!！；;~～、]+|(?=顺便|另外|对了|还有个|还有一个|再问|想问|我想问|请问|问一下|问下)/u;
/** "等下，沙龙是干嘛的": asking to hold on before a question answers nothing (not "the code is not at hand"). */
const HOLDING_ON = /^(?:等下|等一下|等等|稍等|稍等一下|先等等|等会|等会儿|慢着|且慢|哎等下)$/u;
/** Longest first part read as a short answer ("好的", "同意", "2", "确认"). */
const MAX_LEADING_ANSWER = 12;

/**
 * "好的 顺便问下这些通知在哪发布", "同意，另外这个沙龙聊什么": a short first part and what follows it,
 * or undefined when the reply has no such shape. Whether the first part answers the prompt and the
 * rest is a request of its own is for the caller to decide.
 */
export function splitLeadingAnswer(text: string): { head: string; rest: string } | undefined {
  const trimmed = text.trim();
  const m = FIRST_PART_END.exec(trimmed);
  if (!m || m.index === 0) return undefined;
  const head = trimmed.slice(0, m.index).trim();
  const rest = trimmed.slice(m.index + m[0].length).replace(/^[\s，,。.!！；;~～、]+/u, '').trim();
  if (!head || [...head].length > MAX_LEADING_ANSWER || [...rest].length < 2 || HOLDING_ON.test(head)) return undefined;
  return { head, rest };
}

/**
 * What the base dialog of every flow needs to serve interruptions, put in the turn state by the
 * root dialog: the recognizer and where each intent's dialog is. Without it (a flow tested on its
 * own), only 帮助 / 取消 / 返回主菜单 interrupt.
 */
export interface InterruptionServices {
  recognizer: Recognizer;
  /** the dialog id that serves an intent (policy questions: the Q&A dialog) */
  dialogFor(intent: Intent): string | undefined;
  /** tells the features what a message typed at a prompt said (facts about the enterprise are kept) */
  observe(context: TurnContext, recognition: Recognition): Promise<void>;
}

export const INTERRUPTION_SERVICES = Symbol('huibot.interruptionServices');

export function interruptionServices(context: TurnContext): InterruptionServices | undefined {
  return context.turnState.get(INTERRUPTION_SERVICES) as InterruptionServices | undefined;
}

/** A flow ended by a request it does not serve: the root dialog routes `next` after it. */
export interface FlowExit {
  next: { intent: Intent; recognition: Recognition };
}

export function isFlowExit(value: unknown): value is FlowExit {
  return typeof value === 'object' && value !== null && typeof (value as Partial<FlowExit>).next?.intent === 'string';
}
