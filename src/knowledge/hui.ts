/**
 * The five 汇 as the recognizer and the Q&A see them: the 汇 item a measure belongs to, and a 汇
 * named only by a word of its field ("服务" of 服务汇), which is no topic of its own.
 */
import { cleanText } from '../text/normalize';
import type { KnowledgeItem } from './schema';
import type { KnowledgeBase } from './types';

/** The 汇 item a measure belongs to, or undefined for anything else. */
export function huiItemOf(kb: KnowledgeBase, item: KnowledgeItem): KnowledgeItem | undefined {
  return item.kind === 'measure' ? kb.items.find((i) => i.kind === 'hui' && i.hui === item.hui) : undefined;
}

/** A 汇 item that a (normalised) text names only by its field's word, not by its title. */
export function namedOnlyByField(item: KnowledgeItem | undefined, normalized: string): boolean {
  return item?.kind === 'hui' && !normalized.includes(cleanText(item.title));
}
