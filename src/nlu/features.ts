/** Sparse features of a text: words (and synonym canonicals) plus character n-grams. */

export type FeatureBag = Map<string, number>;

/** Relative weight of each feature family (prefix). */
export const FEATURE_WEIGHTS: Record<string, number> = { w: 1, b: 0.8, u: 0.25 };

function add(bag: FeatureBag, key: string, n = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + n);
}

/** Runs of letters/digits/ideographs; n-grams do not cross punctuation or spaces. */
function runs(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function buildFeatures(text: string, words: string[], canonicals: string[]): FeatureBag {
  const bag: FeatureBag = new Map();
  for (const w of words) add(bag, `w:${w}`);
  for (const c of canonicals) add(bag, `w:${c}`);
  for (const run of runs(text)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      add(bag, `u:${chars[i]}`);
      if (i + 1 < chars.length) add(bag, `b:${chars[i]}${chars[i + 1]}`);
    }
  }
  return bag;
}
