/** Okapi BM25 over small documents (one per knowledge item). */

export class Bm25<L> {
  private readonly docs: Array<{ label: L; tf: Map<string, number>; length: number }> = [];
  private idf = new Map<string, number>();
  private avgLength = 1;

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
    const unique = [...new Set(terms)];
    const ceiling = unique.reduce((s, t) => s + (this.idf.get(t) ?? 0) * (this.k1 + 1), 0);
    return this.docs.map((d) => {
      let s = 0;
      for (const t of unique) {
        const f = d.tf.get(t);
        if (!f) continue;
        const idf = this.idf.get(t) ?? 0;
        s += (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * d.length) / this.avgLength));
      }
      return { label: d.label, score: ceiling > 0 ? s / ceiling : 0 };
    });
  }
}
