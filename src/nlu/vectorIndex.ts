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

/** A feature seen in the documents; common features have no postings. */
interface KnownFeature {
  idf: number;
  family: number;
  postings?: Postings;
}

export class VectorIndex<L> {
  private readonly bags: FeatureBag[] = [];
  private readonly labels: L[] = [];
  private idf = new Map<string, number>();
  /** every known feature's idf, family weight and postings: one lookup per query feature */
  private known = new Map<string, KnownFeature>();
  /** per-query scratch (scores by document), cleared after each search */
  private scores = new Float64Array(0);
  /** per-query scratch: the documents scored, and their scores for the k-th best */
  private touched = new Int32Array(0);
  private values = new Float64Array(0);
  /** per-query scratch: the query features' postings and weights */
  private readonly queryLists: Postings[] = [];
  private queryWeights = new Float64Array(64);
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
    this.known = new Map();
    for (const [f, idf] of this.idf) {
      const list = lists.get(f);
      const postings = list ? { docs: Int32Array.from(list, ([doc]) => doc), weights: Float64Array.from(list, ([, w]) => w) } : undefined;
      this.known.set(f, { idf, family: familyWeight(f), postings });
    }
    this.scores = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.values = new Float64Array(n);
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
    const touched = this.touched;
    let count = 0;
    let norm = 0;
    const maxIdf = Math.log(this.bags.length + 1) + 1;
    // The query's weights first (its length needs them all), then one pass over the postings.
    const lists = this.queryLists;
    const weights = this.queryWeights.length >= bag.size ? this.queryWeights : (this.queryWeights = new Float64Array(bag.size * 2));
    let n = 0;
    for (const [f, tf] of bag) {
      const known = this.known.get(f);
      const w = known ? (1 + Math.log(tf)) * known.idf * known.family : (1 + Math.log(tf)) * maxIdf * familyWeight(f);
      norm += w * w;
      if (known?.postings) {
        lists[n] = known.postings;
        weights[n++] = w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) {
      const q = weights[i] / norm;
      const docs = lists[i].docs;
      const docWeights = lists[i].weights;
      for (let j = 0; j < docs.length; j++) {
        const doc = docs[j];
        const before = scores[doc];
        if (before === 0) touched[count++] = doc;
        scores[doc] = before + q * docWeights[j];
      }
    }
    lists.length = 0;
    // Partial selection: only documents near the best can be in the top `limit`.
    let best = 0;
    for (let i = 0; i < count; i++) if (scores[touched[i]] > best) best = scores[touched[i]];
    const floor = best * MIN_SHARE_OF_BEST;
    let kept = 0;
    for (let i = 0; i < count; i++) if (scores[touched[i]] >= floor) touched[kept++] = touched[i];
    // Only scores up to the limit-th best can be returned: the others are not sorted at all.
    // (Ties at that score are all kept, and the sort is stable: the same hits as sorting them all.)
    let cut = 0;
    if (kept > limit) {
      const values = this.values;
      for (let i = 0; i < kept; i++) values[i] = scores[touched[i]];
      cut = kthSmallest(values, kept, kept - limit);
    }
    const hits: Hit<L>[] = [];
    for (let i = 0; i < kept; i++) {
      const doc = touched[i];
      if (scores[doc] >= cut) hits.push({ label: this.labels[doc], doc, score: scores[doc] });
    }
    scores.fill(0);
    sortByScore(hits);
    if (hits.length > limit) hits.length = limit;
    return hits;
  }
}

/**
 * Best score first, in place; equal scores keep their order (as a stable sort does). An insertion
 * sort: the lists are short (the hits kept, the knowledge items), and it calls no comparator and
 * allocates nothing.
 */
export function sortByScore<T extends { score: number }>(list: T[]): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].score < x.score) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
}

/**
 * The k-th smallest (from 0) of the first `n` values, which it reorders (quickselect: the value
 * a full sort would put at k, without sorting).
 */
function kthSmallest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}
