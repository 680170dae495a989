/**
 * 统一社会信用代码 (GB 32100-2015) checked as the standard defines it; what a user is told about a
 * wrong code is the activities catalogue's (src/activities/validation/creditCode.ts).
 */
import { toHalfWidth } from '../text/normalize';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capital
 * letters without I, O, Z, S, V). Character i (1-based, i ≤ 17) has weight 3^(i-1) mod 31; the
 * 18th is the check character: (31 - weighted sum mod 31) mod 31, written with the same set.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const EXCLUDED_LETTERS = new Set(['I', 'O', 'Z', 'S', 'V']);
const WEIGHTS = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type CreditCodeProblem =
  | { kind: 'empty' }
  | { kind: 'illegal_char'; position: number; char: string }
  | { kind: 'length'; length: number }
  | { kind: 'excluded_letter'; position: number; char: string }
  | { kind: 'check_char' };

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem };

/** Full-width to half-width, upper case, without spaces and dashes people type for readability. */
export function normalizeCreditCode(raw: string): string {
  return toHalfWidth(raw).replace(/[\s\-－—_]+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must come from the charset). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) throw new RangeError('need the first 17 characters');
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character "${first17[i]}" is not in the code charset`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw ?? '');
  const fail = (problem: CreditCodeProblem): CreditCodeCheck => ({ ok: false, problem });
  if (!code) return fail({ kind: 'empty' });

  const chars = [...code];
  const illegal = chars.findIndex((c) => !/^[0-9A-Z]$/.test(c));
  if (illegal >= 0) return fail({ kind: 'illegal_char', position: illegal + 1, char: chars[illegal] });
  if (chars.length !== CREDIT_CODE_LENGTH) return fail({ kind: 'length', length: chars.length });
  const excluded = chars.findIndex((c) => EXCLUDED_LETTERS.has(c));
  if (excluded >= 0) return fail({ kind: 'excluded_letter', position: excluded + 1, char: chars[excluded] });
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return fail({ kind: 'check_char' });
  return { ok: true, code };
}

export function isValidCreditCode(raw: string): boolean {
  return checkCreditCode(raw).ok;
}

const CREDIT_CODE_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;

/** The first valid 统一社会信用代码 in a text (check character verified). */
export function findCreditCode(raw: string): string | undefined {
  for (const match of toHalfWidth(raw).matchAll(CREDIT_CODE_TOKEN)) {
    const code = checkCreditCode(match[0]);
    if (code.ok) return code.code;
  }
  return undefined;
}

