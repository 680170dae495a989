import { toSimplified } from '../../text/simplified';
import type { JobPosition } from '../types';
import { checkText, parseCount } from './text';
import { toHalfWidth } from '../../text/normalize';
import { FIELD_LABELS, FORM_TEXT, VALIDATION_TEXT } from '../copy';

export const MAX_POSITIONS = 20;
export const MAX_HEADCOUNT = 999;
const MAX_TITLE = 30;

export type PositionsResult = { ok: true; positions: JobPosition[] } | { ok: false; message: string };

const TEXT = VALIDATION_TEXT.positions;

/**
 * 招聘岗位及人数 for a job fair, one "岗位 人数" per item, items separated by ；，、 or new lines:
 * "软件工程师 3人；销售经理2名".
 */
export function validatePositions(raw: string | undefined): PositionsResult {
  // ("機械工程師3個": typed in Traditional characters, read as Simplified.)
  const text = toSimplified(toHalfWidth((raw ?? '').normalize('NFC')));
  // A headcount alone ("2", "3人", "两个"): what the user gave is kept, the position left to be told.
  const bare = /^(\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(个人|人|名|个|位)?$/.exec(text.trim());
  const count = bare ? parseCount(bare[1]) : undefined;
  if (count !== undefined) {
    if (count < 1 || count > MAX_HEADCOUNT) return { ok: false, message: TEXT.headcountRange(FORM_TEXT.positionUnspecified, MAX_HEADCOUNT) };
    return { ok: true, positions: [{ title: FORM_TEXT.positionUnspecified, headcount: count }] };
  }
  const whole = checkText(text.replace(/[\r\n]+/g, FORM_TEXT.positionSeparator), { label: FIELD_LABELS.positions, min: 2, max: 600 });
  if (!whole.ok) return { ok: false, message: TEXT.whole(whole.message) };

  // ("电工、钳工各一名": one headcount for each position of the group.)
  const items = whole.value
    .split(/[;；,，]+/)
    .flatMap((group) => {
      const each = EACH.exec(group.trim());
      return each ? each[1].split(/[、和与及/]+/).map((title) => `${title}${each[2]}`) : group.split(/、+/);
    })
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length > MAX_POSITIONS) return { ok: false, message: TEXT.tooMany(MAX_POSITIONS) };

  const positions: JobPosition[] = [];
  for (const item of items) {
    // ("招2名电工": the headcount may come first.)
    const m = TITLE_THEN_COUNT.exec(item) ?? swapped(COUNT_THEN_TITLE.exec(item));
    if (!m) return { ok: false, message: TEXT.noHeadcount(shorten(item)) };
    const title = m[1].trim().replace(/[:：]$/, '');
    const headcount = parseCount(m[2]);
    if (!title || headcount === undefined) return { ok: false, message: TEXT.unreadable(shorten(item)) };
    if ([...title].length > MAX_TITLE) return { ok: false, message: TEXT.titleTooLong(shorten(title), MAX_TITLE) };
    if (headcount < 1 || headcount > MAX_HEADCOUNT) return { ok: false, message: TEXT.headcountRange(shorten(title), MAX_HEADCOUNT) };
    const same = positions.find((p) => p.title === title);
    if (same) same.headcount = Math.min(MAX_HEADCOUNT, same.headcount + headcount);
    else positions.push({ title, headcount });
  }
  if (!positions.length) return { ok: false, message: TEXT.missing };
  return { ok: true, positions };
}

export function formatPositions(positions: JobPosition[]): string {
  return positions.map((p) => FORM_TEXT.position(p.title, p.headcount)).join(FORM_TEXT.positionSeparator);
}

const TITLE_THEN_COUNT = /^(.+?)\s*[:x×*]?\s*(\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(?:个人|人|名|个|位)?$/;
const COUNT_THEN_TITLE = /^(?:招聘?|需要|要)?\s*(\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(?:个人|人|名|个|位)\s*(.+)$/;
const EACH = /^(.+?)各(?:招聘?|需要|要)?\s*((?:\d{1,6}|[一二两三四五六七八九十]{1,3})\s*(?:个人|人|名|个|位)?)$/;

/** A count-first match ("2名电工") in title-then-count order. */
function swapped(m: RegExpExecArray | null): [string, string, string] | null {
  return m ? [m[0], m[2], m[1]] : null;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}
