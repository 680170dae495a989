/**
 * The recognizer: normalise → entities → rules → intent classifier → knowledge retrieval,
 * combined into one Recognition. Loading is done once in the constructor; recognize() is
 * synchronous work of well under 2 ms.
 */
import { canDecideTier } from '../knowledge/tiers';
import type { KnowledgeBase } from '../knowledge/types';
import { Analyzer, type Analysis } from './analyzer';
import { assess, type Assessment } from './confidence';
import { asksOwnEligibility, statesOwnFacts } from './eligibility';
import { EntityExtractor } from './entities';
import { isFollowUp } from './followUp';
import { IntentClassifier, type IntentScore, type TrainingExample } from './intentClassifier';
import { IntentRules } from './intentRules';
import { Retriever } from './retriever';
import type { Entities, Intent, KnowledgeCandidate, Recognition, Recognizer } from './types';

export interface RecognizerOptions {
  /** clock for relative dates (tests) */
  now?: () => Date;
  /** phrasings to leave out of training (cross-validation) */
  exclude?: ReadonlySet<string>;
  /** use the high-precision patterns of intents.yaml (default true; off to measure the classifier alone) */
  rules?: boolean;
}

/** Conversational intents below this score yield to a confident knowledge match. */
const WEAK_INTENT = 0.7;
/** Below this the nearest conversational example is not similar enough to count. */
const MIN_INTENT = 0.45;
/** A what_support question that names a measure this clearly is a policy question. */
const SPECIFIC_TOPIC = 0.6;
/** Longest message (characters) read as an aspect-only follow-up ("谁负责", "那收费吗"). */
const MAX_ASPECT_ONLY = 8;
/** How many candidates a Recognition carries. */
const CANDIDATES = 3;
/** Intents that carry no question of their own: a message with other content is not one of them. */
const SOCIAL_INTENTS: ReadonlySet<Intent> = new Set(['greeting', 'help', 'thanks_bye']);

/** Training examples: intents.yaml plus every knowledge question as policy_question. */
export function trainingExamples(kb: KnowledgeBase): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const [intent, def] of Object.entries(kb.intents) as Array<[Intent, { examples: string[] } | undefined]>) {
    for (const text of def?.examples ?? []) examples.push({ text, intent });
  }
  for (const item of kb.items) for (const text of item.questions) examples.push({ text, intent: 'policy_question' });
  return examples;
}

/** The word is a sequence of known pieces (jieba joins 能干 of 你都能干些什么, 谢谢您). */
function splitsInto(word: string, known: (piece: string) => boolean): boolean {
  const chars = [...word];
  const reachable = [true, ...chars.map(() => false)];
  for (let end = 1; end <= chars.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      if (reachable[start] && known(chars.slice(start, end).join(''))) reachable[end] = true;
    }
  }
  return reachable[chars.length];
}

export class HuiRecognizer implements Recognizer {
  readonly analyzer: Analyzer;
  private readonly entities: EntityExtractor;
  private readonly rules: IntentRules;
  private readonly classifier: IntentClassifier;
  private readonly retriever: Retriever;
  private readonly tierItemId: string;
  private readonly now: () => Date;
  private readonly outOfScope: string[];
  /** words that select a specific answer of an item (收费, 谁负责, 面向谁) */
  private readonly facetCues: string[];
  /** words of the examples of each social intent (你好, 功能, 谢谢): what such a message may contain */
  private readonly socialVocab = new Map<Intent, Set<string>>();

  constructor(
    readonly kb: KnowledgeBase,
    options: RecognizerOptions = {},
  ) {
    const exclude = options.exclude ?? new Set<string>();
    this.now = options.now ?? (() => new Date());
    this.analyzer = new Analyzer(kb);
    this.entities = new EntityExtractor(kb.entities);
    this.rules = new IntentRules(options.rules === false ? {} : kb.intents);
    this.classifier = new IntentClassifier(
      trainingExamples(kb).filter((e) => !exclude.has(e.text)),
      this.analyzer,
    );
    this.retriever = new Retriever(kb, this.analyzer, exclude);
    this.tierItemId = kb.items.find((i) => i.resolver === 'tier')?.id ?? '';
    this.outOfScope = kb.outOfScope.map((t) => this.analyzer.normalizer.fixTypos(t));
    const cues = [...kb.messages.genericFacets.flatMap((g) => g.cues), ...kb.items.flatMap((i) => i.facets.flatMap((f) => f.cues))];
    this.facetCues = [...new Set(cues.map((c) => this.analyzer.normalizer.fixTypos(c)))].filter((c) => [...c].length >= 2);
    for (const intent of SOCIAL_INTENTS) {
      const vocab = new Set<string>();
      for (const example of kb.intents[intent]?.examples ?? []) for (const w of this.analyzer.analyze(example).words) vocab.add(w);
      this.socialVocab.set(intent, vocab);
    }
  }

  async recognize(text: string): Promise<Recognition> {
    return this.recognizeSync(text);
  }

  recognizeSync(input: string): Recognition {
    const text = typeof input === 'string' ? input : '';
    const a = this.analyzer.analyze(text);
    const entities = this.entities.extract(a.clean, this.now());
    const base = { text, normalized: a.normalized, entities };
    if (!a.clean) return { ...base, intent: 'none', intentScore: 0, candidates: [], confidence: 'low', inputProblem: 'empty' };
    if (a.meaningless) return { ...base, intent: 'none', intentScore: 0, candidates: [], confidence: 'low', inputProblem: 'unreadable' };

    const assessment = assess(withoutUnaskedTier(this.retriever.retrieve(a), a.clean));
    const followUp = isFollowUp(a, entities, this.informativeWordCount(a)) || this.asksAspectOnly(a, assessment);
    const decided = this.decideIntent(a, entities, assessment, followUp);
    const candidates = this.candidates(assessment, decided.tierQuestion === true);
    return {
      ...base,
      intent: decided.intent,
      intentScore: Number(decided.score.toFixed(3)),
      candidates,
      confidence: decided.tierQuestion ? 'high' : assessment.level,
      ...(followUp ? { followUp } : {}),
      ...(decided.request ? { offTopicRequest: true } : {}),
    };
  }

  /**
   * A greeting, help or thanks message holds nothing but words of that intent's examples and
   * function words: "hello能帮我查下快递吗" and "你们能提供哪些金融支持" ask about something else.
   */
  private carriesOtherContent(a: Analysis, intent: Intent): boolean {
    const vocab = this.socialVocab.get(intent);
    if (!vocab) return false;
    const known = (w: string) => vocab.has(w) || this.analyzer.isStopword(w);
    return a.words.some((w) => /[\p{L}\p{N}]/u.test(w) && !known(w) && !splitsInto(w, known));
  }

  /** "我们想上市，有什么支持" names a measure: answer it rather than run the advisor. */
  private namesMeasure(assessment: Assessment): boolean {
    const top = assessment.ranked[0];
    return assessment.level === 'high' && !!top && (top.item.kind === 'measure' || top.item.kind === 'hui') && top.keywords >= SPECIFIC_TOPIC;
  }

  /** The question names one measure the advisor can judge (it has eligibility rules). */
  private namesJudgedMeasure(assessment: Assessment): boolean {
    const top = assessment.ranked[0];
    return assessment.level !== 'low' && !!top && !!top.item.eligibility && top.item.kind !== 'tier' && top.keywords >= SPECIFIC_TOPIC;
  }

  /** "不对，是省级的", "我们其实是市级的": the tier facts are being corrected. */
  private correctsTierFacts(entities: Entities, assessment: Assessment): boolean {
    const facts = (entities.honourLevels?.length ?? 0) > 0 || entities.noHonour === true || entities.inPool === true || entities.notInPool === true;
    return entities.correction === true && facts && !this.namesMeasure(assessment);
  }

  /**
   * "谁负责", "面向谁", "收费吗": a short question about an aspect without naming any topic refers
   * to the previous one (the Q&A answers it from context, or asks for the whole question).
   */
  private asksAspectOnly(a: Analysis, assessment: Assessment): boolean {
    if ([...a.normalized].length > MAX_ASPECT_ONLY) return false;
    const top = assessment.ranked[0];
    if (assessment.level === 'high' && top && top.keywords > 0) return false;
    const found = this.facetCues.filter((c) => a.normalized.includes(c));
    if (found.length === 0) return false;
    // Nothing but the aspect may remain: "物业电话是多少" names a topic of its own.
    let rest = a.normalized;
    for (const c of found.sort((x, y) => y.length - x.length)) rest = rest.split(c).join(' ');
    return this.informativeWordCount(this.analyzer.analyze(rest)) === 0;
  }

  private informativeWordCount(a: Analysis): number {
    return a.words.filter((w) => !this.analyzer.isStopword(w) && !/^(那|那么|呢|的话|如果|要是)$/.test(w)).length;
  }

  /** Top candidates; a tier question that names the honour gets the tier item first. */
  private candidates(assessment: Assessment, tierQuestion: boolean): KnowledgeCandidate[] {
    const all = assessment.ranked.map((s) => ({ id: s.item.id, title: s.item.title, score: Number(s.confidence.toFixed(3)) }));
    if (tierQuestion) {
      const tier = all.find((c) => c.id === this.tierItemId) ?? { id: this.tierItemId, title: this.kb.itemById.get(this.tierItemId)?.title ?? '', score: 0 };
      const rest = all.filter((c) => c.id !== this.tierItemId);
      return [{ ...tier, score: Math.max(tier.score, rest[0]?.score ?? 0) }, ...rest].slice(0, CANDIDATES);
    }
    return all.slice(0, CANDIDATES);
  }

  private decideIntent(
    a: Analysis,
    entities: Entities,
    assessment: Assessment,
    followUp: boolean,
  ): IntentScore & { tierQuestion?: boolean; request?: boolean } {
    // A button the dialogs rendered says exactly where it goes, whatever its title contains.
    const button = this.rules.button(a.clean);
    if (button) return { intent: button, score: 1 };
    if (this.correctsTierFacts(entities, assessment)) return { intent: 'which_tier', score: 1 };
    // "我们是市级专精特新": the user tells their honour; the tier it gives is the useful answer.
    if (statesOwnFacts(a.clean) && canDecideTier(entities)) return { intent: 'policy_question', score: 1, tierQuestion: true };
    const ruled = this.rules.match(a.clean, (intent) => !this.carriesOtherContent(a, intent));
    // Chit-chat, questions about the assistant itself, tasks (翻译, 写一份) and other regions' policies.
    if (ruled === 'none') return { intent: 'none', score: 1, request: true };
    if (!ruled && asksOwnEligibility(a.clean) && this.namesJudgedMeasure(assessment)) {
      return { intent: 'what_support', score: Math.max(0.7, assessment.ranked[0].confidence) };
    }
    if (ruled === 'which_tier' && canDecideTier(entities)) return { intent: 'policy_question', score: 1, tierQuestion: true };
    if (ruled === 'what_support' && this.namesMeasure(assessment)) return { intent: 'policy_question', score: assessment.ranked[0].confidence };
    if (ruled) return { intent: ruled, score: 1 };
    if (this.outOfScope.some((t) => a.clean.includes(t))) return { intent: 'none', score: 1 };
    const top = assessment.ranked[0];
    const knowledge = assessment.level === 'low' ? 0 : (top?.confidence ?? 0);
    if (followUp) return { intent: 'policy_question', score: Math.max(knowledge, 0.5) };

    const [classified] = this.classifier.classify(a);
    // A social intent whose message asks about something else is no evidence either way.
    const best = classified && SOCIAL_INTENTS.has(classified.intent) && this.carriesOtherContent(a, classified.intent) ? undefined : classified;
    if (!best) return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 0 };
    if (best.intent !== 'policy_question' && best.intent !== 'none' && best.score < MIN_INTENT) {
      return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 1 - best.score };
    }
    switch (best.intent) {
      case 'which_tier':
        // The honour is in the text: the answer comes from knowledge at once.
        return canDecideTier(entities) ? { intent: 'policy_question', score: best.score, tierQuestion: true } : best;
      case 'policy_question':
        return knowledge > 0 ? { intent: 'policy_question', score: Math.max(best.score, knowledge) } : { intent: 'none', score: 1 - best.score };
      case 'none':
        return assessment.level === 'high' && knowledge > best.score ? { intent: 'policy_question', score: knowledge } : best;
      default: {
        if (best.intent === 'what_support' && this.namesMeasure(assessment)) return { intent: 'policy_question', score: knowledge };
        return best.score < WEAK_INTENT && assessment.level === 'high' && knowledge > best.score ? { intent: 'policy_question', score: knowledge } : best;
      }
    }
  }
}

/** Words that ask about the tiers themselves ("属于哪类", "三类是什么"). */
const ASKS_TIER = /哪一?类|几类|类别|分类|属于|培育对象|[一二三]类|第几/u;

/**
 * "入库培育企业能参加沙龙吗" names a tier but asks about a measure: the tier item would win on the
 * tier words and hide the measure. When the text does not ask about tiers and a measure is among
 * the candidates by name, the tier item steps aside.
 */
function withoutUnaskedTier<R extends { ranked: Array<{ item: { kind: string }; keywords: number }> }>(result: R, text: string): R {
  if (ASKS_TIER.test(text)) return result;
  const top = result.ranked.slice(0, 3);
  const namedMeasure = top.some((s) => s.item.kind === 'measure' && s.keywords >= SPECIFIC_TOPIC);
  if (!namedMeasure || !top.some((s) => s.item.kind === 'tier')) return result;
  return { ...result, ranked: result.ranked.filter((s) => s.item.kind !== 'tier') };
}
