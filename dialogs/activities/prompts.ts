import { MessageFactory, type Activity as BotActivity } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidatorContext } from 'botbuilder-dialogs';
import { validateCreditCode } from '../../src/activities/validation/creditCode';
import { validateMobile } from '../../src/activities/validation/mobile';
import { validateAttendees, validateContactName, validateEnterpriseName } from '../../src/activities/validation/text';
import { validatePositions } from '../../src/activities/validation/positions';
import { CONSENT_ACCEPT, CONSENT_REFUSE } from '../../src/activities/notice';
import { choiceCard } from '../messages';
import { ACT_TEXT, CHOICE_SYNONYMS } from './copy';
import { matchChoice } from './buttons';

/** The one prompt of the activity dialogs: a TextPrompt whose validator depends on the field asked. */
export const FIELD_PROMPT = 'activities.fieldPrompt';

export type FieldKind = 'enterpriseName' | 'creditCode' | 'contactName' | 'mobile' | 'attendees' | 'positions';

export type FieldValidation =
  | { field: FieldKind; max?: number }
  | { field: 'choice'; choices: string[]; retry: string; body?: string }
  | { field: 'consent' };

type Checked = { ok: true; value: string } | { ok: false; message: string };

/** Longest reply a prompt looks at; longer ones are refused before any parsing. */
const MAX_REPLY = 2000;

function checkField(kind: FieldKind, text: string, max = 1): Checked {
  switch (kind) {
    case 'enterpriseName':
      return validateEnterpriseName(text);
    case 'creditCode': {
      const r = validateCreditCode(text);
      return r.ok ? { ok: true, value: r.code } : r;
    }
    case 'contactName':
      return validateContactName(text);
    case 'mobile': {
      const r = validateMobile(text);
      return r.ok ? { ok: true, value: r.mobile } : r;
    }
    case 'attendees': {
      const r = validateAttendees(text, max);
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
  if (/^(好的?|可以|行)?(同意|接受|我同意|已阅读并同意|确认|yes|ok)/i.test(t)) return 'accept';
  return undefined;
}

async function validate(pc: PromptValidatorContext<string>): Promise<boolean> {
  const rules = (pc.options.validations ?? {}) as FieldValidation;
  const retry = (message: string, actions?: string[]) => {
    pc.options.retryPrompt = actions ? MessageFactory.suggestedActions(actions, message) : MessageFactory.text(message);
    return false;
  };
  const text = pc.recognized.succeeded ? (pc.recognized.value ?? '') : '';
  if (rules.field === 'choice') {
    const index = text.length > MAX_REPLY ? undefined : matchChoice(text, rules.choices, CHOICE_SYNONYMS);
    if (index === undefined) {
      pc.options.retryPrompt = choiceCard(rules.retry, rules.choices, rules.body);
      return false;
    }
    pc.recognized.value = rules.choices[index];
    return true;
  }
  if (rules.field === 'consent') {
    const answer = text.length > MAX_REPLY ? undefined : parseConsent(text);
    if (!answer) return retry(ACT_TEXT.consentRetry, [CONSENT_ACCEPT, CONSENT_REFUSE]);
    pc.recognized.value = answer;
    return true;
  }
  const reask = ACT_TEXT.reask[rules.field];
  // TextPrompt does not recognize an empty message; a picture or file has attachments instead of text.
  if (!pc.recognized.succeeded && pc.context.activity.attachments?.length) return retry(`${ACT_TEXT.notText}${reask}`);
  if (text.length > MAX_REPLY) return retry(`您输入的内容过长（${text.length} 个字符），请只填写所需信息。${reask}`);
  const checked = checkField(rules.field, text, rules.field === 'attendees' ? rules.max : undefined);
  if (!checked.ok) return retry(`${checked.message}\n${reask}`);
  pc.recognized.value = checked.value;
  return true;
}

export function createFieldPrompt(): TextPrompt {
  return new TextPrompt(FIELD_PROMPT, validate);
}

/** Options for asking a field. */
export function askField(prompt: string | Partial<BotActivity>, field: FieldKind, extra: { max?: number; actions?: string[] } = {}): PromptOptions {
  const message = typeof prompt === 'string' ? (extra.actions ? MessageFactory.suggestedActions(extra.actions, prompt) : MessageFactory.text(prompt)) : prompt;
  return { prompt: message, validations: { field, max: extra.max } satisfies FieldValidation };
}

/**
 * Options for a choice shown as a card of buttons (a short question as the title, details as the
 * body, shown again on a retry); the result is the chosen text.
 */
export function askChoice(title: string, choices: string[], retry: string, body?: string): PromptOptions {
  return { prompt: choiceCard(title, choices, body), validations: { field: 'choice', choices, retry, body } satisfies FieldValidation };
}

/** Options for the consent question; the result is 'accept' or 'refuse'. */
export function askConsent(notice: string): PromptOptions {
  return {
    prompt: MessageFactory.suggestedActions([CONSENT_ACCEPT, CONSENT_REFUSE], notice),
    validations: { field: 'consent' } satisfies FieldValidation,
  };
}
