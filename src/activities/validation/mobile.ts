import { toHalfWidth } from '../../text/normalize';

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
  if (!mobile) return { ok: false, message: '请输入联系人的手机号（11 位）。' };
  if (!/^\+?\d+$/.test(mobile)) return { ok: false, message: '手机号只能包含数字，请输入 11 位中国大陆手机号，例如 13812345678。' };
  if (mobile.startsWith('+')) return { ok: false, message: '目前仅支持中国大陆手机号（+86），请输入 11 位手机号。' };
  if (mobile.length !== 11) return { ok: false, message: `手机号应为 11 位，您输入的是 ${mobile.length} 位，请核对后重新输入。` };
  if (!/^1[3-9]/.test(mobile)) return { ok: false, message: '这不是有效的中国大陆手机号：手机号以 13–19 开头，请核对后重新输入。' };
  return { ok: true, mobile };
}

/** 138****8000: how a stored number is shown back to people. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}
