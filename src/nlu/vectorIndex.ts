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

/** A feature's documents and their weights, side by side (typed arrays: no object per posting). */
interface Postings {
  docs: Int32Array;
  weights: Float64Array;
}

export class VectorIndex<L> {
  private readonly bags: FeatureBag[] = [];
  private readonly labels: L[] = [];
  private idf = new Map<string, number>();
  /** the family weight of every known feature, so a query does not work it out again */
  private families = new Map<string, number>();
  private postings = new Map<string, Postings>();
  /** per-query scratch (scores by document), cleared after each search */
  private scores = new Float64Array(0);
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
    this.families = new Map([...df.keys()].map((f) => [f, familyWeight(f)]));
    const lists = new Map<string, Array<[number, number]>>();
    const common = new Set([...df].filter(([, d]) => n > 20 && d / n > COMMON_FEATURE_SHARE).map(([f]) => f));
    this.bags.forEach((bag, doc) => {
      for (const [f, w] of this.vectorize(bag)) {
        if (common.has(f)) continue;
        let list = lists.get(f);
        if (!list) lists.set(f, (list = []));
        list.push([doc, w]);
      }
    });
    this.postings = new Map(
      [...lists].map(([f, list]) => [f, { docs: Int32Array.from(list, ([doc]) => doc), weights: Float64Array.from(list, ([, w]) => w) }]),
    );
    this.scores = new Float64Array(n);
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
    const scores = this.scores;
    const touched: number[] = [];
    let norm = 0;
    const features: string[] = [];
    const weights: number[] = [];
    const maxIdf = Math.log(this.bags.length + 1) + 1;
    for (const [f, tf] of bag) {
      const w = (1 + Math.log(tf)) * (this.idf.get(f) ?? maxIdf) * (this.families.get(f) ?? familyWeight(f));
      norm += w * w;
      features.push(f);
      weights.push(w);
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < features.length; i++) {
      const list = this.postings.get(features[i]);
      if (!list) continue;
      const w = weights[i];
      const { docs, weights: docWeights } = list;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j];
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (w / norm) * docWeights[j];
      }
    }
    // Partial selection: only documents near the best can be in the top `limit`.
    let best = 0;
    for (const doc of touched) if (scores[doc] > best) best = scores[doc];
    const floor = best * MIN_SHARE_OF_BEST;
    let kept = 0;
    for (const doc of touched) if (scores[doc] >= floor) touched[kept++] = doc;
    touched.length = kept;
    // Only scores up to the limit-th best can be returned: the others are not sorted at all.
    // (Ties at that score are all kept, and the sort is stable: the same hits as sorting them all.)
    const cut = kept > limit ? kthBest(touched, scores, limit) : 0;
    const hits: Hit<L>[] = [];
    for (const doc of touched) if (scores[doc] >= cut) hits.push({ label: this.labels[doc], doc, score: scores[doc] });
    scores.fill(0);
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

/** The k-th highest of the documents' scores (k ≤ docs.length). */
function kthBest(docs: number[], scores: Float64Array, k: number): number {
  const values = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) values[i] = scores[docs[i]];
  values.sort();
  return values[values.length - k];
}
