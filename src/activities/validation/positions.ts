import type { JobPosition } from '../types';
import { checkText, parseCount } from './text';
import { toHalfWidth } from '../../text/normalize';

export const MAX_POSITIONS = 20;
export const MAX_HEADCOUNT = 999;
const MAX_TITLE = 30;

export type PositionsResult = { ok: true; positions: JobPosition[] } | { ok: false; message: string };

const EXAMPLE = '例如：软件工程师 3；测试工程师 2';

/**
 * 招聘岗位及人数 for a job fair, one "岗位 人数" per item, items separated by ；，、 or new lines:
 * "软件工程师 3人；销售经理2名".
 */
export function validatePositions(raw: string | undefined): PositionsResult {
  const text = toHalfWidth((raw ?? '').normalize('NFC'));
  const whole = checkText(text.replace(/[\r\n]+/g, '；'), { label: '招聘岗位', min: 2, max: 600 });
  if (!whole.ok) return { ok: false, message: `${whole.message}${EXAMPLE}` };

  const items = whole.value.split(/[;；,，、]+/).map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_POSITIONS) return { ok: false, message: `招聘岗位最多填写 ${MAX_POSITIONS} 个，请合并或精简后重新输入。` };

  const positions: JobPosition[] = [];
  for (const item of items) {
    const m = /^(.+?)\s*[:x×*]?\s*(\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(个人|人|名|个|位)?$/.exec(item);
    if (!m) return { ok: false, message: `“${shorten(item)}”缺少招聘人数，请按“岗位 人数”填写，${EXAMPLE}。` };
    const title = m[1].trim().replace(/[:：]$/, '');
    const headcount = parseCount(m[2]);
    if (!title || headcount === undefined) return { ok: false, message: `没能看懂“${shorten(item)}”，请按“岗位 人数”填写，${EXAMPLE}。` };
    if ([...title].length > MAX_TITLE) return { ok: false, message: `岗位名称“${shorten(title)}”过长（最多 ${MAX_TITLE} 个字）。` };
    if (headcount < 1 || headcount > MAX_HEADCOUNT) return { ok: false, message: `“${shorten(title)}”的招聘人数应在 1–${MAX_HEADCOUNT} 之间。` };
    const same = positions.find((p) => p.title === title);
    if (same) same.headcount = Math.min(MAX_HEADCOUNT, same.headcount + headcount);
    else positions.push({ title, headcount });
  }
  if (!positions.length) return { ok: false, message: `请填写招聘岗位及人数，${EXAMPLE}。` };
  return { ok: true, positions };
}

export function formatPositions(positions: JobPosition[]): string {
  return positions.map((p) => `${p.title} ${p.headcount} 人`).join('；');
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}
