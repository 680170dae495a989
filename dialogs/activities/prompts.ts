import { MessageFactory, type Activity as BotActivity } from 'botbuilder';
import type { PromptOptions } from 'botbuilder-dialogs';
import { normalizeCreditCode, saysNotAtHand, validateCreditCode } from '../../src/activities/validation/creditCode';
import { validateMobile } from '../../src/activities/validation/mobile';
import { looksLikeName, validateAttendees, validateContactName, validateEnterpriseName } from '../../src/activities/validation/text';
import { validatePositions } from '../../src/activities/validation/positions';
import { choiceCard } from '../messages';
import type { AttemptVerdict, ResumableOptions } from '../interruptions';
import { GuidedPrompt, type FieldCheck, type FieldHelp } from '../guidedPrompt';
import { CANCEL_TEXT, CONSENT_TEXT, FIELD_TEXT, SIGNUP_TEXT, type FormField } from '../../src/activities/copy';
import { CHOICE_SYNONYMS } from './vocabulary';
import { parseTier } from '../../src/activities/validation/tier';
import { matchChoice } from './buttons';
import { extractSignUpSlots } from './slots';
import type { SignUpForm } from './cards';
import { toHalfWidth } from '../../src/text/normalize';

/** The one prompt of the activity dialogs: a TextPrompt whose validator depends on the field asked. */
export const FIELD_PROMPT = 'activities.fieldPrompt';

export type FieldKind = FormField;

/** The tier question's choices (a button each). */
const TIER_CHOICES = SIGNUP_TEXT.tierChoices;

export type FieldValidation =
  | { field: FieldKind; max?: number; /** a code typed earlier whose check character is its only fault: "确认" takes it */ unconfirmed?: string }
  | { field: 'choice'; choices: string[]; retry: string; body?: string; /** the choices are TIER_CHOICES: "我们是省级专精特新" picks one */ tier?: boolean; /** the summary: "手机号填错了" re-asks that field */ edit?: boolean }
  | { field: 'consent' };


/** Longest reply a prompt looks at; longer ones are refused before any parsing. */
const MAX_REPLY = 2000;

/** "我们公司叫…", "联系人：王明", "我的手机是…": the value without the words around it. */
const NAME_LEAD = /^(我们|我司|本公司|我方)?(的)?(公司|企业|单位)?(的)?(名称|全称|名字)?(是|叫|为)[:：\s]*/u;
const CONTACT_LEAD = /^(联系人|姓名|名字|我叫|我是)(是|为|叫)?[:：\s]*/u;
const ORGANISATION_END = /(公司|集团|厂|中心|所|院|社|店|行|部|馆|站|局|会)$/u;
const CODE_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;
const MOBILE_TOKEN = /(?:\+?86[\s-]?)?1\d(?:[\s-]?\d){9}/;

function checkField(kind: FieldKind, text: string, max = 1): FieldCheck {
  switch (kind) {
    case 'enterpriseName': {
      const named = extractSignUpSlots(text).enterpriseName;
      const checked = validateEnterpriseName(named ?? text.trim().replace(NAME_LEAD, ''));
      // "王明": a person's name typed a step early, not an enterprise.
      if (checked.ok && /^\p{Script=Han}{2,4}$/u.test(checked.value) && !ORGANISATION_END.test(checked.value)) {
        return { ok: false, message: FIELD_TEXT.shortEnterpriseName };
      }
      return checked;
    }
    case 'creditCode': {
      const r = validateCreditCode(text);
      if (r.ok) return { ok: true, value: r.code };
      // One code inside a sentence ("代码是9132…"): that code, with its own verdict.
      const tokens = [...toHalfWidth(text).matchAll(CODE_TOKEN)];
      if (tokens.length !== 1) return r;
      const inner = validateCreditCode(tokens[0][0]);
      return inner.ok ? { ok: true, value: inner.code } : inner;
    }
    case 'contactName': {
      // "联系人王明，13912345678": the name (the mobile is kept by the sign-up for its own step).
      const name = toHalfWidth(text).replace(MOBILE_TOKEN, ' ').replace(/(手机号?码?|电话)[:：是]?/gu, ' ').trim().replace(CONTACT_LEAD, '');
      return validateContactName(name.replace(/^[\s,，;；。、:：]+|[\s,，;；。、:：]+$/gu, ''));
    }
    case 'mobile': {
      const r = validateMobile(text);
      if (r.ok) return { ok: true, value: r.mobile };
      const token = MOBILE_TOKEN.exec(toHalfWidth(text));
      const inner = token ? validateMobile(token[0]) : r;
      return inner.ok ? { ok: true, value: inner.mobile } : r;
    }
    case 'attendees': {
      const plain = toHalfWidth(text).trim().replace(/^(我们|我方|共|一共|总共)/u, '').replace(/(参加|参会|出席|到场)$/u, '');
      const r = validateAttendees(plain, max);
      return r.ok ? { ok: true, value: String(r.value) } : r;
    }
    case 'positions': {
      const r = validatePositions(text);
      return r.ok ? { ok: true, value: text } : r;
    }
  }
}

/** 同意 / 不同意, leniently: "同意并继续", "好的同意", "不同意", "拒绝". */
export function parseConsent(text: string): 'accept' | 'refuse' | undefined {
  const t = text.replace(/[\s\p{P}]+/gu, '');
  if (!t) return undefined;
  if (/^(不同意|不接受|拒绝|不要|不愿意|否|no)/i.test(t) || /不同意|拒绝/.test(t)) return 'refuse';
  if (/^(好的?|可以|行|是的?|对|嗯)?(同意|接受|我同意|已阅读并同意|确认|yes|ok)/i.test(t)) return 'accept';
  // A plain yes, the whole reply, answers the notice's "是否同意…？" (consent is asked as that question).
  if (/^(是|是的|对|好|好的|可以|行|没问题|嗯|嗯嗯|继续|ok|okay|yes)(的|吧|啊|呀)?$/i.test(t)) return 'accept';
  return undefined;
}

/**
 * An enterprise's name typed at the notice, where users often give the first detail right away
 * ("苏州某某精密机械有限公司"): the name, to be kept for the form; undefined for anything else.
 */
export function enterpriseNameTyped(text: string): string | undefined {
  const plain = toHalfWidth(text).trim();
  if (!/(公司|集团|研究院|研究所|事务所|工厂|厂|合作社)$/u.test(plain) || parseConsent(plain)) return undefined;
  const checked = checkField('enterpriseName', plain);
  return checked.ok ? checked.value : undefined;
}

/**
 * The sign-up details in a message that is not a consent answer (the details the notice lists, typed
 * before 同意): what the first-message extraction finds, and a name given alone.
 */
export function detailsTyped(text: string): SignUpForm & { uncheckedCode?: string } {
  const typed = extractSignUpSlots(text);
  const name = typed.enterpriseName ? undefined : enterpriseNameTyped(text);
  // A code whose check character is its only fault is kept too: its own step asks to check it.
  const unchecked = typed.creditCode ? undefined : codeFailingCheckCharOnly(text);
  return { ...typed, ...(name ? { enterpriseName: name } : {}), ...(unchecked ? { uncheckedCode: unchecked } : {}) };
}

/** A cancellation asked for again at its confirmation; and a wish to keep the sign-up after all. */
const CANCEL_AGAIN = /取消|撤销|撤回|退掉|去不了|不去了|参加不了/u;
const KEEP_IT = /不(要|用)?取消|别取消|保留|先不|算了/u;

/** Options for the credit code when one typed earlier failed only its check character: that code, to check. */
export function askTypedCode(code: string): AskOptions {
  const options = askField(FIELD_TEXT.checkTypedCode(code), 'creditCode');
  return { ...options, validations: { field: 'creditCode', unconfirmed: code } satisfies FieldValidation };
}

/** Checks a reply against the field asked (the prompt's options say which). */
function checkReply(text: string, options: PromptOptions, memory: Record<string, unknown> = {}): FieldCheck {
  const rules = (options.validations ?? {}) as FieldValidation;
  if (rules.field === 'creditCode') return checkCreditCodeReply(text, memory, 'unconfirmed' in rules ? rules.unconfirmed : undefined);
  if (rules.field === 'choice') {
    // (Asked to confirm a cancellation, the request said again — "我要取消刚才的报名" — confirms it.)
    const cancelAgain = rules.choices[0] === CANCEL_TEXT.yes && CANCEL_AGAIN.test(text) && !KEEP_IT.test(text) ? 0 : undefined;
    const index = matchChoice(text, rules.choices, CHOICE_SYNONYMS) ?? cancelAgain ?? (rules.tier ? tierChoice(text) : undefined);
    const field = index === undefined && rules.edit ? fieldToEdit(text) : undefined;
    if (field) return { ok: true, value: `${EDIT_RESULT_PREFIX}${field}` };
    // The details are just above: the retry only says what to choose.
    return index === undefined ? { ok: false, message: '' } : { ok: true, value: rules.choices[index] };
  }
  if (rules.field === 'consent') {
    const answer = parseConsent(text);
    return answer ? { ok: true, value: answer } : { ok: false, message: '' };
  }
  if (rules.field === 'attendees') return checkAttendeesReply(text, memory, rules.max);
  return checkField(rules.field, text);
}

/**
 * The head count, with one allowance: after a count above the limit ("5个人" where 3 may come), the limit is offered
 * and a yes takes it.
 */
function checkAttendeesReply(text: string, memory: Record<string, unknown>, max = 1): FieldCheck {
  const offered = memory[LIMIT_OFFERED] === true;
  delete memory[LIMIT_OFFERED];
  if (offered && TAKES_LIMIT.test(toHalfWidth(text).trim())) return { ok: true, value: String(max) };
  const checked = checkField('attendees', text, max);
  if (checked.ok || !('over' in checked)) return checked;
  memory[LIMIT_OFFERED] = true;
  return { ok: false, message: FIELD_TEXT.attendeesOverMax(max) };
}

const LIMIT_OFFERED = 'limitOffered';
/** Taking the limit offered: "是", "好的", "可以", "那就按最多的报吧". */
const TAKES_LIMIT = /^(?:是|是的|对|好|好的|可以|行|嗯|ok|okay|yes|那就这样|就这样)?(?:的|吧|啊|呀)?[，,]?(?:那就|就)?(?:按|报)?(?:最多|上限)?(?:的)?(?:人数)?(?:报名?|填)?(?:吧|呗)?[。!！~～]*$/iu;

/**
 * The credit code, with one allowance: a code whose only fault is its check character is asked to be
 * checked against the licence, and taken when the user confirms it (a code the standard's check rejects
 * may still be the one printed; staff verify it at the activity).
 */
function checkCreditCodeReply(text: string, memory: Record<string, unknown>, typedBefore?: string): FieldCheck {
  // (The code typed before the prompt waits for the first reply only.)
  const waiting = typeof memory[UNCONFIRMED_CODE] === 'string' ? (memory[UNCONFIRMED_CODE] as string) : memory[REPLIED] ? undefined : typedBefore;
  memory[REPLIED] = true;
  if (waiting && CONFIRMS.test(toHalfWidth(text).trim())) return { ok: true, value: waiting };
  const checked = checkField('creditCode', text);
  delete memory[UNCONFIRMED_CODE];
  if (checked.ok) return checked;
  const code = codeFailingCheckCharOnly(text);
  if (!code) return checked;
  memory[UNCONFIRMED_CODE] = code;
  return { ok: false, message: FIELD_TEXT.confirmCheckChar };
}

/** The code typed (alone or the one code in a sentence), normalised, when its check character is its only fault. */
function codeFailingCheckCharOnly(text: string): string | undefined {
  const tokens = [...toHalfWidth(text).matchAll(CODE_TOKEN)];
  const candidate = tokens.length === 1 ? tokens[0][0] : text;
  const r = validateCreditCode(candidate);
  return !r.ok && r.problem.kind === 'check_char' ? normalizeCreditCode(candidate) : undefined;
}

const UNCONFIRMED_CODE = 'unconfirmedCreditCode';
const REPLIED = 'replied';
const CONFIRMS = /^(?:是的?|对|对的|没错|确认|确定|无误|核对过了?|核对无误|没问题)[，,。!！]?(?:确认|无误|没错|就是这个)?[。!！]?$/u;

/** What each field says when a reply is refused (and, after two failed attempts, its example and the way out). */
function fieldHelp(options: PromptOptions): FieldHelp {
  const rules = (options.validations ?? {}) as FieldValidation;
  switch (rules.field) {
    case 'choice':
      return { ask: rules.retry, expected: FIELD_TEXT.choiceExample(rules.choices), leave: FIELD_TEXT.offerLeaveChoice, render: (text) => choiceCard(text, rules.choices) };
    case 'consent':
      return { ask: CONSENT_TEXT.retry, expected: CONSENT_TEXT.stuck, leave: '', actions: [CONSENT_TEXT.accept, CONSENT_TEXT.refuse], leaveButton: FIELD_TEXT.leave };
    default:
      return { ask: FIELD_TEXT.reask[rules.field], expected: FIELD_TEXT.example[rules.field], leave: FIELD_TEXT.offerLeave, leaveButton: FIELD_TEXT.leave };
  }
}

const COUNT_LIKE = /^(?:共|一共|我们|我方)?\s*(?:\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:个人|人|位|名|个)?\s*(?:参加|参会|出席|到场)?$/u;

/**
 * Whether a reply is meant as the field being asked: digits for a head count, an 18-character code,
 * a phone number, one of the choices. Names and job lists are free text.
 */
export function judgeFieldAttempt(text: string, rules: FieldValidation): AttemptVerdict {
  const plain = toHalfWidth(text).trim();
  switch (rules.field) {
    case 'choice':
      if (rules.tier && tierChoice(plain) !== undefined) return 'answer';
      if (rules.edit && fieldToEdit(plain)) return 'answer';
      return matchChoice(plain, rules.choices, CHOICE_SYNONYMS) === undefined ? 'notAnswer' : 'answer';
    case 'consent':
      return parseConsent(plain) ? 'answer' : 'notAnswer';
    case 'creditCode':
      // ("稍后补充可以吗": about the code not being at hand — the field's own help answers it.)
      return /^[0-9A-Za-z]{6,}$/.test(plain.replace(/[\s-]+/g, '')) || saysNotAtHand(plain) ? 'answer' : 'notAnswer';
    case 'mobile':
      return /\d{5,}/.test(plain.replace(/[\s-]+/g, '')) ? 'answer' : 'notAnswer';
    case 'attendees':
      return COUNT_LIKE.test(plain) ? 'answer' : 'notAnswer';
    case 'contactName':
      // (A sentence at the name prompt — "线上能报名不 还是只能线下跑一趟" — is no attempt at a name.)
      return looksLikeName(plain) ? 'freeText' : 'notAnswer';
    default:
      return 'freeText';
  }
}

/** The prompt of the activity dialogs; it tells the flow which replies are attempts at its field. */
export function createFieldPrompt(): GuidedPrompt {
  return new GuidedPrompt(FIELD_PROMPT, {
    check: (text, options, _context, memory) => checkReply(text, options, memory),
    help: fieldHelp,
    judge: (text, options) => {
      const rules = options.validations as FieldValidation | undefined;
      return rules ? judgeFieldAttempt(text, rules) : 'freeText';
    },
    maxLength: MAX_REPLY,
  });
}

type AskOptions = PromptOptions & ResumableOptions;

/** Options for asking a field. */
export function askField(prompt: string | Partial<BotActivity>, field: FieldKind, extra: { max?: number; actions?: string[] } = {}): AskOptions {
  const text = (t: string) => (extra.actions ? MessageFactory.suggestedActions(extra.actions, t) : MessageFactory.text(t));
  const message = typeof prompt === 'string' ? text(prompt) : prompt;
  return { prompt: message, reask: text(FIELD_TEXT.resume[field]), validations: { field, max: extra.max } satisfies FieldValidation };
}

/**
 * Options for a choice shown as a card of buttons (a short question as the title, details as the
 * body, shown again on a retry); the result is the chosen text.
 */
export function askChoice(title: string, choices: string[], retry: string, body?: string): AskOptions {
  return { prompt: choiceCard(title, choices, body), validations: { field: 'choice', choices, retry, body } satisfies FieldValidation };
}

/** The summary prompt's result when the user names one field to change ("手机号填错了"); never shown. */
export const EDIT_RESULT_PREFIX = 'edit:';

const EDIT_WORDS = /改|更正|换|填错|写错|输错|不对|错了/u;
const FIELD_WORDS: Array<[RegExp, FieldKind]> = [
  [/手机|电话/u, 'mobile'],
  [/联系人|姓名/u, 'contactName'],
  [/信用代码|代码/u, 'creditCode'],
  [/企业名称|公司名|企业全称|企业名|名称/u, 'enterpriseName'],
  [/人数|几个人|几人/u, 'attendees'],
  [/岗位/u, 'positions'],
];

/** A field said to stay as it is ("手机号不变", "电话没错"): not the one to change. */
const KEPT_FIELD = /(?:手机号?码?|电话(?:号码?)?|联系人|姓名|信用代码|代码|企业名称|公司名称?|企业全称|企业名|名称|人数|岗位)(?:就|也|都)?(?:不变|不用改|不用动|不改|不动|没错|没问题|是对的|正确|保持不变|保持|照旧|还是原来的)/gu;

/** "手机号填错了", "改一下联系人": the field of the summary to fill in again (of those named, the first not kept). */
export function fieldToEdit(text: string): FieldKind | undefined {
  if (text.length > 60 || !EDIT_WORDS.test(text)) return undefined;
  const changed = text.replace(KEPT_FIELD, ' ');
  const named = FIELD_WORDS.map(([re, field]) => ({ field, at: changed.search(re) })).filter((f) => f.at >= 0);
  // ("不对，是3个人", "错了，是13962150000": no field named — the new value says which it is.)
  return named.sort((a, b) => a.at - b.at)[0]?.field ?? VALUE_SHAPES.find(([re]) => re.test(changed))?.[1];
}

/** A new value that says its field by its shape: a head count, a mobile number, a credit code. */
const VALUE_SHAPES: Array<[RegExp, FieldKind]> = [
  [/(?:是|改成|改为|应该是|应为)\s*(?:\d{1,2}|[一两二三四五六七八九十])\s*(?:个人|个|位|名|人)/u, 'attendees'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/u, 'mobile'],
  [/(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/iu, 'creditCode'],
];

/** Where a correction says its new value: "改成", "应该是", "是"… */
const NEW_VALUE_MARKS = /(?:改成|改为|换成|更正为|更改为|修改为|应该是|应为|应是|正确的是|是|为|[:：])/gu;
const CHINESE_COUNT: Record<string, string> = { 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/**
 * The new value a correction at the summary gives for its field ("人数改成2个", "联系人改成王敏",
 * "手机号打错了，是139…"), checked as the field's own step would; undefined when it gives none.
 */
/** A negation just before a mark ("不是", "并非"): the value after it is the one being replaced. */
const DENIED_BEFORE = /(?:不|并非|而非|并不)$/u;

export function newValueSaid(field: FieldKind, text: string, maxAttendees = 1): string | undefined {
  // (Each mark in turn, the first whose rest is a valid value: a name may hold 是 or 为 itself — "苏州为民科技有限公司" —
  // and a mark may come before the correction says what it corrects: "另外更正一下：刚才的手机号填错了，正确号码是139…".)
  for (const mark of text.matchAll(NEW_VALUE_MARKS)) {
    // ("不是周磊，应该是周蕾": what follows a denied 是 is the old value.)
    if (DENIED_BEFORE.test(text.slice(0, mark.index ?? 0))) continue;
    // ("改成李静，手机号不变": the value ends where its clause does.)
    const after = text.slice((mark.index ?? 0) + mark[0].length).replace(/^[\s,，]+/u, '').split(/[，,；;。!！]/u)[0].replace(/[\s.~～]+$/u, '');
    if (!after) continue;
    const said = field === 'attendees' ? after.replace(/^([一两二三四五六七八九十])(?=[个位名人]|$)/u, (d) => CHINESE_COUNT[d]).replace(/[个位名人]$/u, '') : after;
    const checked = checkField(field, said, maxAttendees);
    if (checked.ok) return checked.value;
  }
  return undefined;
}

/** The summary before submitting; the result is a choice, or EDIT_RESULT_PREFIX + the field to fill in again. */
export function askSummary(title: string, choices: string[], retry: string, body: string): AskOptions {
  const options = askChoice(title, choices, retry, body);
  return { ...options, validations: { ...(options.validations as FieldValidation), edit: true } as FieldValidation };
}

/** The tier question of a sign-up; the result is one of TIER_CHOICES. */
export function askTier(title: string, retry: string): AskOptions {
  const options = askChoice(title, TIER_CHOICES, retry);
  return { ...options, validations: { ...(options.validations as FieldValidation), tier: true } as FieldValidation };
}

/** The index in TIER_CHOICES a statement of honour or tier means ("我们是省级专精特新" → 一类). */
function tierChoice(text: string): number | undefined {
  if (text.length > 100) return undefined;
  const tier = parseTier(text);
  return tier === undefined ? undefined : tier === 'unknown' ? 3 : tier - 1;
}

/** Options for the consent question; the result is 'accept' or 'refuse'. */
export function askConsent(notice: string): AskOptions {
  return {
    prompt: MessageFactory.suggestedActions([CONSENT_TEXT.accept, CONSENT_TEXT.refuse], notice),
    reask: MessageFactory.suggestedActions([CONSENT_TEXT.accept, CONSENT_TEXT.refuse], CONSENT_TEXT.resume),
    validations: { field: 'consent' } satisfies FieldValidation,
  };
}
