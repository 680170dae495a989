/**
 * Intent classification by nearest examples: TF-IDF cosine (words + character n-grams) to the
 * training phrases of every intent; an intent scores by its best and its next-best examples.
 */
import type { Analysis, Analyzer } from './analyzer';
import type { Intent } from '../domain/vocabulary';
import { VectorIndex } from './vectorIndex';

export interface TrainingExample {
  text: string;
  intent: Intent;
}

export interface IntentScore {
  intent: Intent;
  score: number;
}

/** Share of the best example in an intent's score (the rest: its second best). */
const BEST_SHARE = 0.8;

export class IntentClassifier {
  private readonly index = new VectorIndex<Intent>();

  constructor(examples: TrainingExample[], analyzer: Analyzer) {
    for (const ex of examples) this.index.add(ex.intent, analyzer.analyze(ex.text).features);
    this.index.build();
  }

  /** Intents best first (only intents with a similar example appear). */
  classify(a: Analysis): IntentScore[] {
    const perIntent = new Map<Intent, number[]>();
    for (const hit of this.index.search(a.features, 40)) {
      const list = perIntent.get(hit.label) ?? [];
      if (list.length < 2) list.push(hit.score);
      perIntent.set(hit.label, list);
    }
    return [...perIntent]
      .map(([intent, [best, second = 0]]) => ({ intent, score: BEST_SHARE * best + (1 - BEST_SHARE) * second }))
      .sort((x, y) => (y.score > x.score ? 1 : y.score < x.score ? -1 : 0));
  }
}
