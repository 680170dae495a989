/**
 * Language understanding of huibot. `createRecognizer()` loads knowledge/ (validated), the
 * segmenter and the matchers once; `recognize(text)` then takes well under 2 ms.
 */
import { getKnowledge, loadKnowledge } from '../knowledge/loader';
import type { KnowledgeBase } from '../knowledge/types';
import { HuiRecognizer, type RecognizerOptions } from './recognizer';
import type { Recognizer } from './types';

export interface CreateRecognizerOptions extends RecognizerOptions {
  /** knowledge base to use (default: knowledge/ at the project root) */
  knowledge?: KnowledgeBase;
  /** knowledge directory, when `knowledge` is not given */
  knowledgeDir?: string;
}

export async function createRecognizer(opts: CreateRecognizerOptions = {}): Promise<HuiRecognizer & Recognizer> {
  const kb = opts.knowledge ?? (await loadKnowledge(opts.knowledgeDir));
  return new HuiRecognizer(kb, opts);
}

export { HuiRecognizer, loadKnowledge, getKnowledge };
export { tierForHonours, tierVerdict, canDecideTier } from '../knowledge/tiers';
export type { Recognition, Recognizer, Entities } from './types';
export type { Intent, HonourLevel } from '../domain/vocabulary';
