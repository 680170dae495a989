/**
 * The domain vocabulary read by the pinyin typo tolerance: every measure, 汇, programme and unit
 * name, keywords, synonyms, facet cues and domain dictionary words of knowledge/. Built once per
 * knowledge base (start-up), never per turn.
 */
import type { KnowledgeBase } from '../knowledge/types';
import { PinyinCorrector } from './pinyinCorrector';
import { RomanizedPinyin } from './romanizedPinyin';
import { TermWeights } from './termWeights';
import { cleanText } from '../text/normalize';
import { cueParts } from '../text/cues';
import { QUESTION_WORD } from './questionWords';

export function domainVocabulary(kb: KnowledgeBase): Set<string> {
  const words = new Set<string>();
  // Two-character words only from the domain dictionary and titles: everyday two-character words
  // (要钱, 联系) have too many homophones (要签) to be read as typos.
  const add = (w: string | undefined, short = false) => {
    const c = cleanText(w).replace(/\s+/g, '');
    // A way of asking (哪一年, 几月几号) is no domain word: "等了一年" must not become "等哪一年".
    if (c && ([...c].length > 2 || short) && !QUESTION_WORD.test(c)) words.add(c);
  };
  kb.dictionary.forEach((w) => add(w, true));
  for (const item of kb.items) {
    add(item.title, true);
    add(item.eligibility?.name);
    item.keywords.forEach((w) => add(w));
    item.responsible?.forEach((w) => add(w));
    for (const f of item.facets) f.cues.flatMap(cueParts).forEach((w) => add(w));
  }
  for (const g of kb.synonyms.synonyms) {
    add(g.canonical);
    g.variants.forEach((w) => add(w));
  }
  Object.values(kb.synonyms.typos).forEach((w) => add(w));
  for (const g of kb.messages.genericFacets) g.cues.forEach((w) => add(w));
  return words;
}

/** The one-character nouns the policy counts its parts by: the last character of the tiers' names (一类) and the 汇's titles. */
function countedNouns(kb: KnowledgeBase): string[] {
  const names = [...kb.tiers.map((t) => t.name), ...kb.items.filter((i) => i.kind === 'hui').map((i) => i.title)];
  return [...new Set(names.map((n) => [...n].pop() ?? '').filter(Boolean))];
}

/** The words that ask an aspect or a detail not given (线上, 哪个部门, 电话): read through a look-alike only. */
function askingWords(kb: KnowledgeBase): string[] {
  return hanCues([...kb.aspects.flatMap((a) => a.cues), ...(kb.messages.unlistedDetails?.details ?? []).flatMap((d) => d.cues)]);
}

/** The cues written in characters alone, two or more, cleaned. */
function hanCues(cues: readonly string[]): string[] {
  return [...new Set(cues.map((c) => cleanText(c)).filter((c) => [...c].length >= 2 && /^\p{Script=Han}+$/u.test(c)))];
}

/** Every ordered pair of characters in a group confused by shape, as "typed|meant". */
function lookAlikePairs(groups: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const g of groups) for (const a of g) for (const b of g) if (a !== b) pairs.add(`${a}|${b}`);
  return pairs;
}

const cache = new WeakMap<KnowledgeBase, PinyinCorrector>();

/** The knowledge base's pinyin corrector, built on first use and shared (recognizer, fact reader). */
export function pinyinCorrectorFor(kb: KnowledgeBase): PinyinCorrector {
  let corrector = cache.get(kb);
  if (!corrector) {
    const weights = new TermWeights();
    corrector = new PinyinCorrector(domainVocabulary(kb), (w) => weights.known(w), countedNouns(kb), (ch, rarity) => weights.known(ch) && weights.weight(ch) < rarity, lookAlikePairs(kb.synonyms.lookAlikes), askingWords(kb));
    cache.set(kb, corrector);
  }
  return corrector;
}

const romanizedCache = new WeakMap<KnowledgeBase, RomanizedPinyin>();

/** The knowledge base's reader of domain words typed in pinyin letters, built on first use and shared. */
export function romanizedPinyinFor(kb: KnowledgeBase): RomanizedPinyin {
  let reader = romanizedCache.get(kb);
  if (!reader) {
    // Letters are typed on purpose: the words that ask an aspect (xianshang, shoufei) are read too, two characters long or not.
    const asking = hanCues(kb.aspects.flatMap((a) => a.cues));
    reader = new RomanizedPinyin(new Set([...domainVocabulary(kb), ...asking]));
    romanizedCache.set(kb, reader);
  }
  return reader;
}
