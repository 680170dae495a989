/** TF-IDF vectors with an inverted index: cosine similarity of a query to every document. */
import { FEATURE_WEIGHTS, type FeatureBag } from './features';

export interface Hit<L> {
  label: L;
  /** index of the matching document */
  doc: number;
  score: number;
}

type Vector = Map<string, number>;

function familyWeight(feature: string): number {
  return FEATURE_WEIGHTS[feature.slice(0, feature.indexOf(':'))] ?? 1;
}

/**
 * Features in more than this share of the documents (专, 企业…) get no posting list: they
 * still count in every vector's length, but scoring skips them (speed; they carry little).
 */
const COMMON_FEATURE_SHARE = 0.25;
/** hits below this share of the best score are not returned */
const MIN_SHARE_OF_BEST = 0.1;

export class VectorIndex<L> {
  private readonly bags: FeatureBag[] = [];
  private readonly labels: L[] = [];
  private idf = new Map<string, number>();
  private postings = new Map<string, Array<[number, number]>>();
  private built = false;

  add(label: L, bag: FeatureBag): void {
    this.bags.push(bag);
    this.labels.push(label);
    this.built = false;
  }

  get size(): number {
    return this.bags.length;
  }

  labelOf(doc: number): L {
    return this.labels[doc];
  }

  build(): void {
    const df = new Map<string, number>();
    for (const bag of this.bags) for (const f of bag.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const n = this.bags.length;
    this.idf = new Map([...df].map(([f, d]) => [f, Math.log((n + 1) / (d + 1)) + 1]));
    this.postings = new Map();
    const common = new Set([...df].filter(([, d]) => n > 20 && d / n > COMMON_FEATURE_SHARE).map(([f]) => f));
    this.bags.forEach((bag, doc) => {
      for (const [f, w] of this.vectorize(bag)) {
        if (common.has(f)) continue;
        let list = this.postings.get(f);
        if (!list) this.postings.set(f, (list = []));
        list.push([doc, w]);
      }
    });
    this.built = true;
  }

  /** Unit-length TF-IDF vector; features unseen in training are dropped. */
  vectorize(bag: FeatureBag): Vector {
    const v: Vector = new Map();
    let norm = 0;
    for (const [f, tf] of bag) {
      const idf = this.idf.get(f);
      if (idf === undefined) continue;
      const w = (1 + Math.log(tf)) * idf * familyWeight(f);
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [f, w] of v) v.set(f, w / norm);
    return v;
  }

  /**
   * Cosine similarity of the query to every document with a shared feature, best first.
   * Unseen query features still count in the query's length, so odd words lower the score.
   */
  search(bag: FeatureBag, limit = 20): Hit<L>[] {
    if (!this.built) this.build();
    const scores = new Float64Array(this.bags.length);
    const touched: number[] = [];
    let norm = 0;
    const q: Array<[string, number]> = [];
    const maxIdf = Math.log(this.bags.length + 1) + 1;
    for (const [f, tf] of bag) {
      const w = (1 + Math.log(tf)) * (this.idf.get(f) ?? maxIdf) * familyWeight(f);
      norm += w * w;
      q.push([f, w]);
    }
    norm = Math.sqrt(norm) || 1;
    for (const [f, w] of q) {
      const list = this.postings.get(f);
      if (!list) continue;
      for (const [doc, dw] of list) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (w / norm) * dw;
      }
    }
    // Partial selection: only documents near the best can be in the top `limit`.
    let best = 0;
    for (const doc of touched) if (scores[doc] > best) best = scores[doc];
    const floor = best * MIN_SHARE_OF_BEST;
    return touched
      .filter((doc) => scores[doc] >= floor)
      .map((doc) => ({ label: this.labels[doc], doc, score: scores[doc] }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
