/**
 * Language understanding of huibot. `createRecognizer()` loads knowledge/ (validated), the
 * segmenter and the matchers once; `recognize(text)` then takes well under 2 ms.
 */
import path from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, getKnowledge, loadKnowledge } from '../knowledge/loader';
import type { KnowledgeBase } from '../knowledge/types';
import { HuiRecognizer, type RecognizerOptions } from './recognizer';
import { cacheKey, RecognizerCache } from './startupCache';
import type { Recognizer } from './types';

export interface CreateRecognizerOptions extends RecognizerOptions {
  /** knowledge base to use (default: knowledge/ at the project root) */
  knowledge?: KnowledgeBase;
  /** knowledge directory, when `knowledge` is not given */
  knowledgeDir?: string;
  /**
   * Where the analyses of the knowledge's texts are kept between starts (startupCache.ts). By
   * default .cache/ for knowledge/ itself and none for any other knowledge; false: none.
   */
  startupCache?: RecognizerCache | false;
}

/** One start-up cache per process for knowledge/ (tests build many recognizers). */
let defaultCache: RecognizerCache | undefined;

export async function createRecognizer(opts: CreateRecognizerOptions = {}): Promise<HuiRecognizer & Recognizer> {
  const kb = opts.knowledge ?? (await loadKnowledge(opts.knowledgeDir));
  const ownKnowledge = !opts.knowledge && path.resolve(opts.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR) === DEFAULT_KNOWLEDGE_DIR;
  const cache = opts.startupCache ?? (ownKnowledge ? (defaultCache ??= new RecognizerCache()) : undefined);
  if (!cache) return new HuiRecognizer(kb, opts);
  const key = cacheKey(kb);
  const { analyses, hit } = cache.read(key);
  const stored = analyses.size;
  const recognizer = new HuiRecognizer(kb, { ...opts, analyses });
  if (!hit || analyses.size > stored) cache.write(key, analyses);
  return recognizer;
}

export { HuiRecognizer, loadKnowledge, getKnowledge };
export { tierForHonours, tierVerdict, canDecideTier } from '../knowledge/tiers';
export type { Recognition, Recognizer, Entities } from './types';
export type { Intent, HonourLevel } from '../domain/vocabulary';
export { RecognizerCache } from './startupCache';
