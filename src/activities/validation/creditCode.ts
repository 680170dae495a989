/** 统一社会信用代码 as the sign-up form checks it: the standard's check (src/domain) and what the user is told. */
import { VALIDATION_TEXT } from '../copy';
import { checkCreditCode, type CreditCodeProblem } from '../../domain/creditCode';

export { CREDIT_CODE_CHARSET, CREDIT_CODE_LENGTH, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode, type CreditCodeProblem } from '../../domain/creditCode';

export type CreditCodeResult = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem; message: string };

/** The standard's check, with what to tell the user about a wrong code. */
export function validateCreditCode(raw: string): CreditCodeResult {
  const checked = checkCreditCode(raw);
  return checked.ok ? checked : { ...checked, message: describeProblem(checked.problem) };
}

const TEXT = VALIDATION_TEXT.creditCode;
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
