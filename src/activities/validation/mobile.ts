import { toHalfWidth } from '../../text/normalize';
import { VALIDATION_TEXT } from '../copy';

const TEXT = VALIDATION_TEXT.mobile;

/** Mainland China mobile numbers: 1[3-9] followed by 9 digits. */
export type MobileResult = { ok: true; mobile: string } | { ok: false; message: string };

/** Drops the separators and country prefix people type: "+86 138-0013-8000", "0086 13800138000". */
export function normalizeMobile(raw: string): string {
  let text = toHalfWidth(raw ?? '').replace(/[\s\-－—–.·()（）]+/g, '');
  const prefixed = /^(?:\+86|0086|86)(\d{11})$/.exec(text);
  if (prefixed) text = prefixed[1];
  return text;
}

export function validateMobile(raw: string | undefined): MobileResult {
  const mobile = normalizeMobile(raw ?? '');
  if (!mobile) return { ok: false, message: TEXT.empty };
  if (!/^\+?\d+$/.test(mobile)) return { ok: false, message: TEXT.notDigits };
  if (mobile.startsWith('+')) return { ok: false, message: TEXT.foreign };
  if (mobile.length !== 11) return { ok: false, message: TEXT.length(mobile.length) };
  if (!/^1[3-9]/.test(mobile)) return { ok: false, message: TEXT.prefix };
  return { ok: true, mobile };
}

/** 138****8000: how a stored number is shown back to people. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}
