/** Shared checks for text a user types into a sign-up form. Messages are Chinese and say what to do. */

import { toHalfWidth } from '../../text/normalize';
import { FIELD_LABELS, VALIDATION_TEXT as TEXT } from '../copy';

export type TextResult = { ok: true; value: string } | { ok: false; message: string };


const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}]/u;
const EMOJI_ALL = new RegExp(EMOJI.source, 'gu');
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

export function hasEmoji(text: string): boolean {
  return EMOJI.test(text);
}

/** The text with its emoji taken out (they say nothing of what a reply is). */
export function withoutEmoji(text: string): string {
  return text.replace(EMOJI_ALL, '');
}

/** Length in characters as people count them (an astral character is one). */
export function charLength(text: string): number {
  return [...text].length;
}

export interface TextRules {
  /** what the field is called in messages, e.g. "企业名称" */
  label: string;
  min: number;
  max: number;
}

/** Trims, collapses inner whitespace, and rejects empty, too short/long, emoji and control characters. */
export function checkText(raw: string | undefined, rules: TextRules): TextResult {
  const value = (raw ?? '').normalize('NFC').replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  if (!value) return { ok: false, message: TEXT.empty(rules.label) };
  if (hasEmoji(value)) return { ok: false, message: TEXT.emoji(rules.label) };
  if (CONTROL.test(value)) return { ok: false, message: TEXT.control(rules.label) };
  const length = charLength(value);
  if (length > rules.max) return { ok: false, message: TEXT.tooLong(rules.label, rules.max, length) };
  if (length < rules.min) return { ok: false, message: TEXT.tooShort(rules.label, rules.min) };
  return { ok: true, value };
}

export const ENTERPRISE_NAME_MAX = 100;

/** 企业名称: letters of any script must be present; brackets, digits and punctuation are allowed. */
export function validateEnterpriseName(raw: string | undefined): TextResult {
  const checked = checkText((raw ?? '').replace(CLOSING_MARKS, ''), { label: FIELD_LABELS.enterpriseName, min: 2, max: ENTERPRISE_NAME_MAX });
  if (!checked.ok) return checked;
  if (!/\p{L}/u.test(checked.value)) return { ok: false, message: TEXT.enterpriseNameNoLetters };
  // ("2个人，不好意思刚才我差点说成3个": a sentence, not a name — names hold no Chinese sentence marks.)
  if (SENTENCE_MARK.test(checked.value)) return { ok: false, message: TEXT.enterpriseNameShape };
  return checked;
}

/** Marks that end a sentence typed after a name ("…有限公司。"). */
const CLOSING_MARKS = /[。！!~～\s]+$/u;
/** Chinese sentence marks inside a reply: no registered name has them. */
const SENTENCE_MARK = /[，。？?！!；、]/u;

/** Most Chinese characters a name has without the middle dot of a transliterated one (复姓 and two given: 4). */
const HAN_NAME_MAX = 6;

/** Whether a reply has the shape of a person's name (not a sentence typed at the name prompt). */
export function looksLikeName(value: string): boolean {
  if (!/^[\p{Script=Han}\p{Script=Latin}·•.\- ]+$/u.test(value)) return false;
  const han = [...value].filter((c) => /\p{Script=Han}/u.test(c)).length;
  return /[·•.]/u.test(value) || han <= HAN_NAME_MAX;
}

/** 联系人姓名: Chinese or Latin letters, with the middle dot of transliterated names. */
export function validateContactName(raw: string | undefined): TextResult {
  const checked = checkText(raw, { label: FIELD_LABELS.contactName, min: 2, max: 30 });
  if (!checked.ok) return checked;
  if (!/^[\p{Script=Han}\p{Script=Latin}·•.\- ]+$/u.test(checked.value)) {
    return { ok: false, message: TEXT.contactNameLetters };
  }
  // ("线上能报名不 还是只能线下跑一趟": a sentence, not a name.)
  if (!looksLikeName(checked.value)) return { ok: false, message: TEXT.contactNameShape };
  return checked;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "3", "３", "三", "十二", "二十" → number; undefined when it is not a small count. */
export function parseCount(raw: string): number | undefined {
  const text = toHalfWidth(raw).trim();
  if (/^\d{1,6}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return undefined;
  const [, head, ten, tail] = m;
  if (!ten) return head && !tail ? CHINESE_DIGITS[head] : undefined;
  return (head ? CHINESE_DIGITS[head] : 1) * 10 + (tail ? CHINESE_DIGITS[tail] : 0);
}

/** `over`: a count above the limit (the prompt then offers the limit itself). */
export type CountResult = { ok: true; value: number } | { ok: false; message: string; over?: true };

/** A head count as people answer it: "2", "2个", "两位", "就三个人吧", "我们去2个". */
const COUNT_SAID = /^(?:就|我们|我们去|去|共|一共|总共|大概|大约|估计|应该|暂定)?\s*(\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(?:个人|个|人|位|名)?\s*(?:吧|哈|啊|呀|哦|左右)?[。.!！~～]*$/u;

/** A count with its unit inside a longer answer ("确认过了是2个"). */
const COUNT_IN_CLAUSE = /(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个人|个|人|位|名)/gu;
/** A clause that tells a count it is not ("差点说成3个", "不是3个", "刚才写错成3个"). */
const NOT_THE_COUNT = /不是|差点|说成|写成|说错|写错|搞错|打错|记错|别/u;
/** How long an answer explaining its count may be ("2个人，不好意思刚才我差点说成3个，确认过了是2个"). */
const EXPLAINED_COUNT_MAX = 60;

/**
 * The count a longer answer settles on: the last clause stating one, past the counts it says it is not;
 * undefined when no clause states one.
 */
function countExplained(text: string): number | undefined {
  let count: number | undefined;
  for (const clause of text.split(/[，,。；;！!？?\s]+/u)) {
    if (NOT_THE_COUNT.test(clause)) continue;
    const stated = [...clause.matchAll(COUNT_IN_CLAUSE)].map((m) => parseCount(m[1]));
    if (stated.length === 1 && stated[0] !== undefined) count = stated[0];
  }
  return count;
}

/** 参会人数: a whole number between 1 and `max`; "2人", "两位", "三个人", "2个吧" are understood. */
export function validateAttendees(raw: string | undefined, max: number): CountResult {
  const checked = checkText(raw, { label: FIELD_LABELS.attendees, min: 1, max: EXPLAINED_COUNT_MAX });
  if (!checked.ok) return { ok: false, message: TEXT.attendeesRange(checked.message, max) };
  const text = toHalfWidth(checked.value).trim();
  const said = COUNT_SAID.exec(text);
  const count = said ? parseCount(said[1]) : countExplained(text);
  if (count === undefined) return { ok: false, message: TEXT.attendeesNotNumber(max) };
  if (count < 1) return { ok: false, message: TEXT.attendeesTooFew(max) };
  if (count > max) return { ok: false, message: TEXT.attendeesTooMany(max), over: true };
  return { ok: true, value: count };
}
