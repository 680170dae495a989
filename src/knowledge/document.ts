/**
 * The programme's document is known as several items, one per attribute (文号, 印发日期, 发文单位,
 * 全称, 依据). After one of them, a question about another attribute ("哪个单位发的" after the 文号) or
 * about the programme itself asks about that, not about an aspect of the one just answered.
 */
import type { KnowledgeBase } from './types';

const SIBLING_KINDS = new Set(['document', 'overview']);

/** How well a short question must match the sibling on its own words. */
const SIBLING_SCORE = 0.3;

/** The other document or programme item a question's own best candidate is, after `lastId`; undefined otherwise. */
export function documentSibling(kb: KnowledgeBase, lastId: string | undefined, own: { id: string; score: number } | undefined): string | undefined {
  const last = lastId ? kb.itemById.get(lastId) : undefined;
  const item = own ? kb.itemById.get(own.id) : undefined;
  // The programme itself (its overview, its purpose) is asked about beside its document too ("啥时候发的？一共分几个汇").
  if (!last || !item || !own || last.kind !== 'document' || !SIBLING_KINDS.has(item.kind) || item.id === last.id) return undefined;
  return own.score >= SIBLING_SCORE ? item.id : undefined;
}
