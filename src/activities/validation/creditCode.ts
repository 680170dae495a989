/** 统一社会信用代码 as the sign-up form checks it: the standard's check (src/domain) and what the user is told. */
import { VALIDATION_TEXT } from '../copy';
import { checkCreditCode, type CreditCodeProblem } from '../../domain/creditCode';

export { CREDIT_CODE_CHARSET, CREDIT_CODE_LENGTH, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode, type CreditCodeProblem } from '../../domain/creditCode';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem; message: string };

/** The standard's check, with what to tell the user about a wrong code. */
export function validateCreditCode(raw: string): CreditCodeResult {
  // Said instead of a code ("没有", "不知道", "稍后再给"): where to find it, and how to leave for now.
  if (saysNotAtHand(raw)) return { ok: false, problem: { kind: 'empty' }, message: TEXT.notAtHand };
  const checked = checkCreditCode(raw);
  return checked.ok ? checked : { ...checked, message: describeProblem(checked.problem) };
}

const TEXT = VALIDATION_TEXT.creditCode;
/** A reply saying the code is not at hand. */
const NOT_AT_HAND = /没有|不知道|不清楚|不记得|忘了|找不到|查不到|没带|手头|稍后|回头|晚点|等会|等下|之后再|后面再|以后再|先空着|暂时|(?:必须|一定要|非要|可以不|能不能不|能不)(?:填|写|提供|给)|不填|不写/u;
/** Longest reply read as only saying so; a longer one must name the code. */
const MAX_NOT_AT_HAND = 12;

/** "没有", "稍后补充可以吗", "必须填吗": the reply is about not having the code at hand, not a code. */
export function saysNotAtHand(raw: string): boolean {
  const text = raw.trim();
  if (/[0-9A-Za-z]{6,}/u.test(text) || !NOT_AT_HAND.test(text)) return false;
  return [...text].length <= MAX_NOT_AT_HAND || /代码|信用|执照/u.test(text);
}
const LOOKALIKE: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

function describeProblem(problem: CreditCodeProblem): string {
  switch (problem.kind) {
    case 'empty':
      return TEXT.empty;
    case 'illegal_char':
      return /\p{Script=Han}/u.test(problem.char) ? TEXT.chinese : TEXT.illegalChar(problem.position, problem.char);
    case 'length':
      return TEXT.length(problem.length);
    case 'excluded_letter':
      return TEXT.excludedLetter(problem.position, problem.char, LOOKALIKE[problem.char]);
    case 'check_char':
      return TEXT.checkChar;
  }
}
