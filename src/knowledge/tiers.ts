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

/** Two things asked to be compared ("跟市级一样吗", "有啥区别"). */
export const COMPARES = /一样|相同|区别|不同|差别|差异|一回事|同一类|一个类|差在|差距|相比|比起/u;
/** Each of several asked for ("分别属于哪一类", "各属于几类"). */
export const ASKS_EACH_TIER = /分别|各自|各属|各算|各是|两者|两家|二者/u;
/** A question that asks which tier ("属于哪一类", "算几类", "是不是二类"). */
export const ASKS_TIER = /哪一?类|几类|(?:啥|什么)类|类别|分类|属于|培育对象|[一二三]类|第几/u;

/**
 * Two or more honour levels (and, with `inPool`, the enterprises in the pool) compared ("区级跟市级一样吗",
 * "国家级和市级有啥区别", "区级和入库培育企业是不是同一类"): they share a tier, or each has its own;
 * undefined with fewer than two.
 */
export function tierComparison(levels: readonly HonourLevel[], kb: KnowledgeBase = getKnowledge(), inPool = false): string | undefined {
  const m = kb.messages;
  if (!m.tierCompared || !m.tierComparedApart || !m.honourLevelNames) return undefined;
  const names = m.honourLevelNames;
  const compared = [...new Set(levels)].map((l) => ({ name: names[l], tier: tierForHonours([l], kb) }));
  if (inPool && m.inPoolName) compared.push({ name: m.inPoolName, tier: tierForHonours([], kb) });
  if (compared.length < 2) return undefined;
  const [first] = compared;
  if (compared.every((c) => c.tier.id === first.tier.id)) {
    return fillTemplate(m.tierCompared, { levels: compared.map((c) => c.name).join('和'), tier: first.tier.name, definition: first.tier.definition });
  }
  return fillTemplate(m.tierComparedApart, { each: compared.map((c) => `${c.name}属于${c.tier.name}`).join('，') });
}

/**
 * The tier a pattern's numeral named, when the pattern captures 一, 二, 三 in its first three groups in that order
 * ("(?:(一)|(二)|(三))类"): the group that matched is the tier's number.
 */
export function tierNamedIn(match: RegExpExecArray, kb: KnowledgeBase): Tier | undefined {
  const id = match.slice(1, 4).findIndex((g) => g !== undefined) + 1;
  return kb.tiers.find((t) => t.id === id);
}

/**
 * A tier named by its numeral ("二类企业", "三类有啥"): not which one is asked ("哪一类", "第几类"), nor a count
 * ("分为三类"), nor a kind of something else ("类别" is not a tier); written with a numeral too ("2类企业").
 */
const TIER_NAMED = /(?<![哪第几\d.])(?<!分为|分成|划为|划成|归为)(?:(一|1)|(二|2)|(三|3))类(?![别型])/gu;

/** The tiers a text names, each once, in the order named. */
export function tiersNamedIn(text: string, kb: KnowledgeBase): Tier[] {
  const named: Tier[] = [];
  for (const m of text.matchAll(TIER_NAMED)) {
    const tier = tierNamedIn(m as RegExpExecArray, kb);
    if (tier && !named.includes(tier)) named.push(tier);
  }
  return named;
}
