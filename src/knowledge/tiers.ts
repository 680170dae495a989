/**
 * 培育对象 tiers from the knowledge base. Shared by the Q&A answers and the tier dialog:
 * the highest honour decides (国家级/省级 → 一类, 市级/区级 → 二类, none → 三类).
 */
import type { HonourLevel, TierFacts } from '../domain/vocabulary';
import { getKnowledge } from './loader';
import type { Tier } from './schema';
import type { KnowledgeBase } from './types';
import { fillTemplate } from './template';

/** The tier of an enterprise holding `levels` (empty → the tier of 入库培育 enterprises). */
export function tierForHonours(levels: readonly HonourLevel[], kb: KnowledgeBase = getKnowledge()): Tier {
  const byId = [...kb.tiers].sort((a, b) => a.id - b.id);
  const match = byId.find((t) => t.honourLevels.some((l) => levels.includes(l)));
  return match ?? byId.find((t) => t.inPool) ?? byId[byId.length - 1];
}

/** True when the entities say enough to decide the tier. */
export function canDecideTier(entities: TierFacts): boolean {
  return (entities.honourLevels?.length ?? 0) > 0 || entities.noHonour === true || entities.inPool === true || entities.notInPool === true;
}

/**
 * The answer to "which tier are we" from the entities, answer first
 * (e.g. "属于二类。二类为获得市级、区级“专精特新”荣誉的企业。"); undefined when undecidable.
 */
export function tierVerdict(entities: TierFacts, kb: KnowledgeBase = getKnowledge()): { tier: Tier; text: string } | undefined {
  if (!canDecideTier(entities)) return undefined;
  const tier = tierForHonours(entities.honourLevels ?? [], kb);
  const values = { tier: tier.name, definition: tier.definition };
  const noHonourOutsidePool = (entities.honourLevels?.length ?? 0) === 0 && !entities.inPool;
  const notInPool = noHonourOutsidePool && entities.notInPool === true;
  const template = notInPool
    ? (kb.messages.tierNotInPool ?? kb.messages.tierNoHonourNotInPool)
    : noHonourOutsidePool
      ? kb.messages.tierNoHonourNotInPool
      : kb.messages.tierVerdict;
  return { tier, text: fillTemplate(template, values) };
}
