/**
 * The analyzer the recognizer is built with: while the indexes are built, every text's analysis
 * (typo and pinyin corrections, segmentation, features: most of the build's CPU) is looked up in a
 * map first, and the analyses it has to make are added to it. The map comes from the start-up
 * cache (startupCache.ts) and goes back to it. Once built, messages are analysed as by Analyzer.
 */
import type { KnowledgeBase } from '../knowledge/types';
import { Analyzer, type Analysis } from './analyzer';

/** Analyses by text; a key starting with FIXED is a text already cleaned and fixed. */
export type Analyses = Map<string, Analysis>;

const FIXED = '\u0001';

export class PreparedAnalyzer extends Analyzer {
  private building: Analyses | undefined;
  /** analyses the build had to make (not found in the map) */
  made = 0;

  constructor(kb: KnowledgeBase, analyses: Analyses) {
    super(kb);
    this.building = analyses;
  }

  override analyze(raw: string, fixed = false): Analysis {
    if (!this.building) return super.analyze(raw, fixed);
    const key = fixed ? FIXED + raw : raw;
    let found = this.building.get(key);
    if (!found) {
      found = super.analyze(raw, fixed);
      this.building.set(key, found);
      this.made++;
    }
    return found;
  }

  /** The indexes are built: from now on every text is a message, analysed afresh. */
  finishBuild(): void {
    this.building = undefined;
  }
}
