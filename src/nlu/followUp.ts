/**
 * Elliptical follow-ups that only make sense with the previous topic:
 * "那市级呢", "国家级呢", "省级的话", "区级的", "如果是区级呢".
 */
import type { Analysis } from './analyzer';
import type { Entities } from './types';

const ELLIPTICAL = /^(那|那么|那如果|如果是|要是|假如|换成|若是)?(.{0,10}?)(的话)?(呢|的呢|的|的话)?[?？。!！~～]*$/u;
const LEADING = /^(那|那么|那如果|如果是|要是|假如|换成|若是)/u;
const TRAILING = /(呢|的话)[?？。!！~～]*$/u;
/** honour words that may be the whole message */
const HONOUR_ONLY = /^(那|那么|如果是|要是)?(国家级|国家|省级|省|市级|市|区级|园区级|区)(的|的话|专精特新|企业|专精特新企业)?(呢|的呢)?[?？。!！]*$/u;

export function isFollowUp(a: Analysis, entities: Entities, informativeWords: number): boolean {
  const text = a.clean;
  if (!text || text.length > 14) return false;
  if (HONOUR_ONLY.test(text)) return true;
  const marked = LEADING.test(text) || TRAILING.test(text);
  return marked && ELLIPTICAL.test(text) && (informativeWords <= 1 || (entities.honourLevels?.length ?? 0) > 0) && informativeWords <= 2;
}
