/**
 * The analyzer the recognizer is built with: while the indexes are built, every text's analysis
 * (typo and pinyin corrections, segmentation, features: most of the build's CPU) is looked up in a
 * map first, and the analyses it has to make are added to it. The map comes from the start-up
 * cache (startupCache.ts) and goes back to it. Once built, messages are analysed as by Analyzer,
 * and the last few analyses are kept: recognising one message asks for the same text more than once
 * (a clause, the rest of a clause without its aspect words). An analysis depends on its text alone
 * and nobody changes one, so sharing it gives the same result.
 */
import type { KnowledgeBase } from '../knowledge/types';
import { Analyzer, type Analysis } from './analyzer';

/** Analyses by text; a key starting with FIXED is a text already cleaned and fixed. */
export type Analyses = Map<string, Analysis>;

const FIXED = '\u0001';
/** Analyses kept once built: about what one message asks for. */
const RECENT = 8;

export class PreparedAnalyzer extends Analyzer {
  private building: Analyses | undefined;
  /** analyses the build had to make (not found in the map) */
  made = 0;
  /** the last analyses made after the build, oldest first */
  private readonly recent: Analyses = new Map();

  constructor(kb: KnowledgeBase, analyses: Analyses) {
    super(kb);
    this.building = analyses;
  }

  override analyze(raw: string, fixed = false): Analysis {
    const key = fixed ? FIXED + raw : raw;
    if (!this.building) {
      let recent = this.recent.get(key);
      if (!recent) {
        recent = super.analyze(raw, fixed);
        if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value as string);
        this.recent.set(key, recent);
      }
      return recent;
    }
    let found = this.building.get(key);
    if (!found) {
      found = super.analyze(raw, fixed);
      this.building.set(key, found);
      this.made++;
    }
    return found;
  }

  /** How often each word occurs in the texts analysed for the build (the knowledge's own texts). */
  wordUses(): Map<string, number> {
    const uses = new Map<string, number>();
    for (const analysis of this.building?.values() ?? []) for (const w of analysis.words) uses.set(w, (uses.get(w) ?? 0) + 1);
    return uses;
  }

  /** The indexes are built: from now on every text is a message (only the last few are kept). */
  finishBuild(): void {
    this.building = undefined;
  }
}
