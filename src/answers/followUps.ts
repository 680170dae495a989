/** 2–3 related questions offered as buttons after an answer. */
import type { KnowledgeItem } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import { cleanText } from '../text/normalize';

const MAX_FOLLOW_UPS = 3;

export function followUps(kb: KnowledgeBase, item: KnowledgeItem, usedFacetIds: string[], asked: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([cleanText(asked)]);
  const push = (q: string | undefined) => {
    if (!q || out.length >= MAX_FOLLOW_UPS) return;
    const key = cleanText(q);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(q);
  };
  // A sibling sub-question of the same item (after a specific answer), the next step in another
  // feature (e.g. 最近有什么活动), then the related items.
  const sibling = item.facets.find((f) => f.ask && !usedFacetIds.includes(f.id));
  if (usedFacetIds.length > 0) push(sibling?.ask);
  push(item.suggest[0]);
  for (const id of item.related) push(kb.itemById.get(id)?.ask);
  for (const s of item.suggest.slice(1)) push(s);
  return out;
}
