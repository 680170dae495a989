/** Shared checks for text a user types into a sign-up form. Messages are Chinese and say what to do. */

import { toHalfWidth } from '../../text/normalize';

export type TextResult = { ok: true; value: string } | { ok: false; message: string };


const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}]/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

export function hasEmoji(text: string): boolean {
  return EMOJI.test(text);
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
  if (!value) return { ok: false, message: `${rules.label}不能为空，请输入${rules.label}。` };
  if (hasEmoji(value)) return { ok: false, message: `${rules.label}中请不要使用表情符号。` };
  if (CONTROL.test(value)) return { ok: false, message: `${rules.label}中含有无法识别的字符，请重新输入。` };
  const length = charLength(value);
  if (length > rules.max) return { ok: false, message: `${rules.label}过长（最多 ${rules.max} 个字，您输入了 ${length} 个字）。` };
  if (length < rules.min) return { ok: false, message: `${rules.label}过短（至少 ${rules.min} 个字）。` };
  return { ok: true, value };
}

export const ENTERPRISE_NAME_MAX = 100;

/** 企业名称: letters of any script must be present; brackets, digits and punctuation are allowed. */
export function validateEnterpriseName(raw: string | undefined): TextResult {
  const checked = checkText(raw, { label: '企业名称', min: 2, max: ENTERPRISE_NAME_MAX });
  if (!checked.ok) return checked;
  if (!/\p{L}/u.test(checked.value)) return { ok: false, message: '企业名称应包含文字，请输入营业执照上的企业全称。' };
  return checked;
}

/** 联系人姓名: Chinese or Latin letters, with the middle dot of transliterated names. */
export function validateContactName(raw: string | undefined): TextResult {
  const checked = checkText(raw, { label: '联系人姓名', min: 2, max: 30 });
  if (!checked.ok) return checked;
  if (!/^[\p{Script=Han}\p{Script=Latin}·•.\- ]+$/u.test(checked.value)) {
    return { ok: false, message: '联系人姓名只能包含中文或英文字母（可含间隔号“·”），请输入真实姓名。' };
  }
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

export type CountResult = { ok: true; value: number } | { ok: false; message: string };

/** 参会人数: a whole number between 1 and `max`; "2人", "两位", "三个人" are understood. */
export function validateAttendees(raw: string | undefined, max: number): CountResult {
  const checked = checkText(raw, { label: '参会人数', min: 1, max: 20 });
  if (!checked.ok) return { ok: false, message: `${checked.message}请输入 1–${max} 之间的数字。` };
  const count = parseCount(checked.value.replace(/\s*(个人|人|位|名)$/, ''));
  if (count === undefined) return { ok: false, message: `请用数字填写参会人数（1–${max}），例如“2”。` };
  if (count < 1) return { ok: false, message: `参会人数至少为 1 人，请输入 1–${max} 之间的数字。` };
  if (count > max) return { ok: false, message: `本活动每家企业最多 ${max} 人参加，请输入 1–${max} 之间的数字。` };
  return { ok: true, value: count };
}
