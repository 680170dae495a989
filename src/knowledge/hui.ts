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

/**
 * An item the text names only by its context words (knowledge `contextWords`: "主要内容" of the programme) —
 * after another topic, that topic is what they ask of.
 */
export function namedOnlyByContextWords(item: KnowledgeItem | undefined, normalized: string, programmeWords: readonly string[] = []): boolean {
  const context = (item?.contextWords ?? []).map(cleanText);
  if (!item || context.length === 0) return false;
  // ("汇计划的主要内容是什么": the programme named is the programme asked of.)
  if (programmeWords.some((w) => normalized.includes(cleanText(w)))) return false;
  if (!context.some((w) => normalized.includes(w))) return false;
  const rest = context.reduce((t, w) => t.split(w).join(' '), normalized);
  // (A longer name holding a context word names the item itself: "服务汇" beside 服务.)
  return ![item.title, ...item.keywords].map(cleanText).some((k) => [...k].length >= 2 && !context.includes(k) && (rest.includes(k) || (normalized.includes(k) && context.some((w) => k.includes(w)))));
}
