/**
 * Whether what the policy says of an item changes with the enterprise's own facts (its honours, their
 * years, the pool): the tier, the bonus points per level, the talent measures per level. (Who may take
 * part, the advisor's eligibility, is asked as a question of its own.) Facts given after such a
 * question ("我们是市级的，2025年认定") answer it again.
 */
import type { KnowledgeItem } from './schema';

export function dependsOnFacts(item: KnowledgeItem): boolean {
  return item.resolver === 'tier' || item.resolver === 'aim' || item.facets.some((f) => f.when !== undefined);
}
