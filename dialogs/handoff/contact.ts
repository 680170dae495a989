import { validateMobile } from '../../src/activities/validation/mobile';
import { toHalfWidth, validateContactName } from '../../src/activities/validation/text';

export const MAX_QUESTION_CHARS = 2000;

/** How the user wants to be answered, as far as one message tells. */
export type ContactAnswer =
  | { kind: 'chat' }
  | { kind: 'phone'; name?: string; mobile?: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unclear' };

const CHAT_WORDS = /本会话|这里回复|在这回复|在线回复|直接回复|不用留|不留|不用了|不需要/;
const PHONE_WORDS = /留下|电话|手机|联系方式|姓名/;
/** A run of five or more digits (with the separators people type) is meant as a phone number. */
const MOBILE_LIKE = /(?:\+?86[\s-]?)?\d[\d\s-]{3,}\d/;

/**
 * Reads the answer to "服务专员如何回复您": reply in the conversation, or a name and a mobile
 * ("王先生 13912345678", "13912345678 王先生"), or just the wish to leave a phone number.
 */
export function parseContact(raw: string | undefined): ContactAnswer {
  const text = toHalfWidth(raw ?? '').trim();
  if (!text || text.length > 200) return { kind: 'unclear' };
  const mobileMatch = MOBILE_LIKE.exec(text);
  if (mobileMatch) {
    const mobile = validateMobile(mobileMatch[0]);
    if (!mobile.ok) return { kind: 'invalid', message: mobile.message };
    const rest = (text.slice(0, mobileMatch.index) + ' ' + text.slice(mobileMatch.index + mobileMatch[0].length))
      .replace(/[,，;；:：。、/|]+/g, ' ')
      .replace(/(姓名|名字|手机号?码?|电话|联系人|联系方式|我是|我叫)/g, ' ')
      .trim();
    const name = rest ? validateContactName(rest) : undefined;
    return { kind: 'phone', mobile: mobile.mobile, name: name?.ok ? name.value : undefined };
  }
  if (CHAT_WORDS.test(text)) return { kind: 'chat' };
  if (PHONE_WORDS.test(text)) return { kind: 'phone' };
  return { kind: 'unclear' };
}

export type QuestionCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'too_long'; length?: number };

/** A question in the user's words: any text with at least one letter or digit, up to MAX_QUESTION_CHARS. */
export function checkQuestion(raw: string | undefined): QuestionCheck {
  const value = (raw ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (!/[\p{L}\p{N}]/u.test(value)) return { ok: false, reason: 'empty' };
  const length = [...value].length;
  if (length > MAX_QUESTION_CHARS) return { ok: false, reason: 'too_long', length };
  return { ok: true, value };
}

/** A name or form of address ("王先生", "Li Lei"). */
export function checkName(raw: string | undefined): { ok: true; value: string } | { ok: false; message: string } {
  const name = validateContactName(raw);
  return name.ok ? name : { ok: false, message: name.message.replace(/联系人姓名/g, '姓名') };
}
