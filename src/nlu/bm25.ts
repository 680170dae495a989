/** Okapi BM25 over small documents (one per knowledge item). */

export class Bm25<L> {
  private readonly docs: Array<{ label: L; tf: Map<string, number>; length: number }> = [];
  private idf = new Map<string, number>();
  private avgLength = 1;
  /** per term: the documents holding it and the term's part of each one's score */
  private postings = new Map<string, { docs: Int32Array; parts: Float64Array }>();

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.5,
  ) {}

  add(label: L, terms: string[]): void {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    this.docs.push({ label, tf, length: terms.length });
  }

  build(): void {
    const df = new Map<string, number>();
    for (const d of this.docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.docs.length;
    this.idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + (n - d + 0.5) / (d + 0.5))]));
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
    const lists = new Map<string, Array<[number, number]>>();
    this.docs.forEach((d, doc) => {
      for (const [t, f] of d.tf) {
        const idf = this.idf.get(t) ?? 0;
        const part = (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * d.length) / this.avgLength));
        let list = lists.get(t);
        if (!list) lists.set(t, (list = []));
        list.push([doc, part]);
      }
    });
    this.postings = new Map([...lists].map(([t, list]) => [t, { docs: Int32Array.from(list, ([doc]) => doc), parts: Float64Array.from(list, ([, part]) => part) }]));
  }

  /** Inverse document frequency of a term (0 when unseen). */
  termIdf(term: string): number {
    return this.idf.get(term) ?? 0;
  }

  /**
   * Scores of every document, normalised to [0, 1] by the best score a document
   * containing every query term (with high frequency) could reach.
   */
  score(terms: string[]): Array<{ label: L; score: number }> {
    const scores = this.scoreByDoc(terms);
    return this.docs.map((d, i) => ({ label: d.label, score: scores[i] }));
  }

  /** The same scores, by document in the order they were added (no object per document). */
  scoreByDoc(terms: string[]): Float64Array {
    const unique = [...new Set(terms)];
    const ceiling = unique.reduce((s, t) => s + (this.idf.get(t) ?? 0) * (this.k1 + 1), 0);
    const scores = new Float64Array(this.docs.length);
    if (!(ceiling > 0)) return scores;
    // Each document's sum in the order of the terms, as in a loop over the terms per document.
    for (const t of unique) {
      const postings = this.postings.get(t);
      if (!postings) continue;
      for (let j = 0; j < postings.docs.length; j++) scores[postings.docs[j]] += postings.parts[j];
    }
    for (let i = 0; i < scores.length; i++) scores[i] = scores[i] / ceiling;
    return scores;
  }
}
