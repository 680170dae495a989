/** What the Q&A remembers between turns of a conversation (stored in conversation state). */
export interface QaContext {
  /** the knowledge item answered last */
  lastItemId?: string;
  lastFacetIds?: string[];
  /** the item answered before the last one: "前面那个", "这两个" point at it too */
  earlierItemId?: string;
  /** the aspect asked last (cost, responsible, frequency…): "那标杆学习呢" keeps it */
  lastAspect?: string;
  /** the items the last question named by their own words ("经济大脑" names two): "其他部分还提到它吗" asks of the rest */
  lastNamed?: string[];
  /** the text of the last answer: "再说一遍", "你确定吗" are answered with it */
  lastText?: string;
  /** the bot asked for the honour level to decide the tier */
  awaitingTier?: boolean;
  /** epoch ms of the last answer */
  at?: number;
}

/** A topic older than this is forgotten. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

export function isFresh(context: QaContext, now: number): boolean {
  return context.at !== undefined && now - context.at <= CONTEXT_TTL_MS;
}
