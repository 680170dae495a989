/**
 * The recognizer: normalise → entities → rules → intent classifier → knowledge retrieval,
 * combined into one Recognition. Loading is done once in the constructor; recognize() is
 * synchronous work of well under 2 ms.
 */
import { ASKS_TIER, COMPARES, canDecideTier as canDecideTierOf, tierForHonours, tiersNamedIn } from '../knowledge/tiers';
import { namedOnlyByContextWords, namedOnlyByField } from '../knowledge/hui';
import { documentSibling } from '../knowledge/document';
import { dependsOnFacts } from '../knowledge/factDependence';
import type { KnowledgeBase } from '../knowledge/types';
import { TRAIT_FIELD, type KnowledgeItem } from '../knowledge/schema';
import { Analyzer, type Analysis } from './analyzer';
import { assess, type Assessment } from './confidence';
import { ASKS_EACH as EACH, asksToBeTold, hasQuestionForm, saysLater, splitClauses, tellsOfAnotherEnterprise, tellsOfOthers, type Clause } from './clauses';
import { asksOwnEligibility, asksWhetherMay, asksWhetherWeMay, statesOwnFacts } from './eligibility';
import { EntityExtractor } from './entities';
import { OTHER_LEVELS, SUPPORT_IN_GENERAL, asksAlsoForDescribed, asksAlsoOfLastTopic, opensFromLastAnswer, asksSameHui, beforeStillHolds, asksSupportForAnotherHonour, isFollowUp, ordinalOf, saysOnlyFacts } from './followUp';
import { IntentClassifier, type IntentScore, type TrainingExample } from './intentClassifier';
import { IntentRules } from './intentRules';
import { PreparedAnalyzer, type Analyses } from './preparedAnalyzer';
import { romanizedPinyinFor } from './vocabulary';
import { Retriever } from './retriever';
import { FactReader } from './statedFacts';
import { asOfTodayAsNow } from './dates';
import { getAdvisorKnowledge } from '../knowledge/advisorFile';
import { cleanText, MAX_ANALYSED_CHARS, withoutClosingMarks } from '../text/normalize';
import { findCue } from '../text/cues';
import type { Entities, Frame, KnowledgeCandidate, ListedEnterprise, Recognition, Recognizer } from './types';
import { listedParts, statesFacts } from './enterprisesListed';
import type { Intent } from '../domain/vocabulary';
import { TRAIT_FACTS, type ProfileUpdate } from '../domain/enterprise';
import { systemClock } from '../clock';
import { againAsked } from './againAsked';
import { readableWithin } from './longMessage';
import { CLASS_OR_IT_OPENING, DELIVERED_BY, QUESTION_WORD, THIS_CLASS_OPENING, TIER_CHANGE_ASKED } from './questionWords';

export interface RecognizerOptions {
  /** clock for relative dates (tests) */
  now?: () => Date;
  /** phrasings to leave out of training (cross-validation) */
  exclude?: ReadonlySet<string>;
  /** use the high-precision patterns of intents.yaml (default true; off to measure the classifier alone) */
  rules?: boolean;
  /** analyses of the knowledge's texts already made (the start-up cache); the build adds those it makes */
  analyses?: Analyses;
}

/** Conversational intents below this score yield to a confident knowledge match. */
const WEAK_INTENT = 0.7;
/** A "none" decided this weakly (1 − the policy-question score) yields to a topic the question names clearly. */
const WEAK_NONE = 0.5;
/** The same, for a measure or 汇 named by its full title: only a firm none (a rule, out of scope) stands. */
const TITLED_WEAK_NONE = 0.9;
/** …when the knowledge knows most of the question's informative words. */
const TITLED_COVERAGE = 0.45;
/** …or named by keywords this specific ("按汇计划有没有奖补"). */
const STRONG_KEYWORDS = 0.85;
/** A clause matching an item this well on its own is no elliptical follow-up. */
const OWN_QUESTION_SCORE = 0.4;
/** A background clause that named its measure this well named it by name. */
const NAMED_LENDER_SCORE = 0.6;
/** A need described between 、 is at least this long (shorter parts are a list of names). */
const LISTED_NEED_LENGTH = 4;
/** A question asking an aspect the topic before lacks keeps its own item when matched this well. */
const OWN_ASPECT_SCORE = 0.4;
/** A clause that only names a topic, well matched: short, and its item found with this score. */
const BARE_TOPIC_LENGTH = 12;
const BARE_TOPIC_SCORE = 0.8;
/** the least a topic pointed at by "X这块" must score on the question's own words to be the one meant */
const POINTED_PART_SCORE = 0.2;
/** Below this the nearest conversational example is not similar enough to count. */
const MIN_INTENT = 0.45;
/** A what_support question that names a measure this clearly is a policy question. */
const SPECIFIC_TOPIC = 0.6;
/** Most characters a clause naming an item bare may hold besides the name and its frame (a 的 left over). */
const BARE_NAME_EXTRA = 1;
/** Share of a question's words its item must know when one of the item's parts is asked for by its asking cue. */
const PART_ASKED_COVERAGE = 0.7;
/** Longest message (characters) read as an aspect-only follow-up ("谁负责", "那收费吗"). */
const MAX_ASPECT_ONLY = 8;
/** "这个名单", "该措施": a thing of the last answer pointed at from inside a question. */
const POINTED_THING = /(?:这个|那个|这些|那些|该|这项|那项|这一|这几[个项场])(?:名单|清单|计划|措施|服务|活动|平台|项目|专区|专窗|机制|东西|事情?)/u;
/** "这项工作", "这块" after a topic at the end of a follow-up ("那人才对接这项工作呢"): the topic said again. */
const POINTED_WORK = /(?:这项|这一项|这个|这块|这一块|这方面|方面|这部分)(?:的)?(?:工作|事项|事情|措施|政策|内容|业务)?(?=(?:呢|的话)[?？。!！~～]*$)/u;
/** The thing just talked about, pointed at as a whole subject ("它跟高新技术企业认定是一回事吗"). */
const POINTED_SUBJECT = /^(?:那么?)?(?:它|它们|这|那|这个|那个|该|本)(?:计划|政策|方案|文件|措施|活动|项目)?$/u;
/** A tier named as what an enterprise is ("三类企业", "一类的"). */
const TIER_NAMED = /[一二三]类(?:企业|的|培育对象|客户|会员|公司)/u;
/** "有什么渠道", "有没有门路", "什么途径": a way to do something, asked of what was described before. */
// ("有没有什么对接渠道": 对接 before the way word is part of the way asked for.)
// ("有渠道吗": 有…吗 asks as 有没有 does.)
const WAY_TO = /(?:什么|啥|哪些|有没有|有无|哪个|哪条|^(?:那|那么)?有)(?:对接)?(?:渠道|途径|门路|路子|办法|路径|抓手)/u;
const WAY_WORDS = /(?:对接)?(?:渠道|途径|门路|路子|办法|路径|抓手)/gu;
/** "X的Y" at the end of a clause: Y, a short noun that may name an attribute of X. */
const ATTRIBUTE_NAMED = /\p{Script=Han}{2,}的(\p{Script=Han}{2,4})$/u;
/** Longest question that names nothing and so asks of what the message said before it ("汇计划里有吗"). */
const MAX_BARE_ASK = 10;
/** Longest aspect-only question opened by 那 (see opensFromLastAnswer). */
const MAX_LED_ASPECT_ONLY = 16;
/** A word used by this few items (BM25 idf) says what a question is about (印发 yes, 提供 no). */
const TOPIC_WORD_SPECIFICITY = 2.2;
/** Characters that make a word part of the question itself (谁, 哪, 什么, 几, 多少, 怎么). */
const INTERROGATIVE = new RegExp(`${QUESTION_WORD.source}|[吗呢么]`, 'u');
/** A count or a period ("一次", "每年", "两场"): how often or how many, never what it is about. */
const QUANTITY = /^[一二两三四五六七八九十百千半几每多\d]+[次场个年月天周期批届回家名位]?$/u;
/** Longest question read as "may we (take part in what we just talked about)". */
const MAX_MAY_WE = 12;
/** …with our tier stated in it ("我们只是培育库企业能参加吗"), which takes words of its own. */
const MAX_MAY_WE_OWN_TIER = 16;
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
  /** reads what a message says about the enterprise (Frame.facts) */
  private readonly statedFacts: FactReader;
  private readonly tierItemId: string;
  private readonly aimItemId?: string;
  /** the programme's overview (knowledge marks it `resolver: overview`) */
  private readonly overviewItemId?: string;
  private readonly now: () => Date;
  private readonly outOfScope: string[];
  /** words that select a specific answer of an item (收费, 谁负责, 面向谁) */
  private readonly facetCues: string[];
  /** words of the examples of each social intent (你好, 功能, 谢谢): what such a message may contain */
  private readonly socialVocab = new Map<Intent, Set<string>>();
  /** items on a term of the policy (专精特新), with the words that name it */
  private readonly termItems: Array<{ id: string; words: string[] }>;
  /** the programme and its document as the user names them (汇计划, 方案, 文件) */
  private readonly documentWords: ReadonlySet<string>;
  /** the programme's own names (汇计划): a question naming only them asks what it is */
  private readonly programmeNames: Set<string>;
  /** aspect cues, longest first, with their aspect id */
  private readonly aspectCues: Array<{ cue: string; aspect: string }>;
  /** words that ask for an aspect: they name no topic */
  private readonly aspectWords: Set<string>;
  /** words that ask for a detail the policy never gives (电话, 多少家, 什么时候发放…; knowledge/qa/messages.yaml) */
  private readonly unlistedCues: Array<{ cues: string[]; patterns?: RegExp[]; with?: string[] }>;

  constructor(
    readonly kb: KnowledgeBase,
    options: RecognizerOptions = {},
  ) {
    const exclude = options.exclude ?? new Set<string>();
    this.now = options.now ?? systemClock;
    const analyzer = new PreparedAnalyzer(kb, options.analyses ?? new Map());
    this.analyzer = analyzer;
    this.entities = new EntityExtractor(kb.entities);
    this.rules = new IntentRules(options.rules === false ? {} : kb.intents);
    this.classifier = new IntentClassifier(
      trainingExamples(kb).filter((e) => !exclude.has(e.text)),
      this.analyzer,
    );
    this.retriever = new Retriever(kb, this.analyzer, exclude);
    this.statedFacts = new FactReader(kb, getAdvisorKnowledge(kb.dir));
    this.tierItemId = kb.items.find((i) => i.resolver === 'tier')?.id ?? '';
    this.aimItemId = kb.items.find((i) => i.resolver === 'aim')?.id;
    this.overviewItemId = kb.items.find((i) => i.resolver === 'overview')?.id;
    this.termItems = kb.items.filter((i) => i.termWords?.length).map((i) => ({ id: i.id, words: i.termWords!.map(cleanText).sort((x, y) => y.length - x.length) }));
    this.documentWords = new Set(kb.programmeWords.map(cleanText));
    this.programmeNames = new Set([kb.document?.shortName, kb.document?.shortName ? `专精特新${kb.document.shortName}` : undefined].filter((n): n is string => !!n).map(cleanText));
    this.outOfScope = kb.outOfScope.map((t) => this.analyzer.normalizer.fixTypos(t));
    const cues = [...kb.messages.genericFacets.flatMap((g) => g.cues), ...kb.items.flatMap((i) => i.facets.flatMap((f) => f.cues))];
    this.facetCues = [...new Set(cues.map((c) => this.analyzer.normalizer.fixTypos(c)))].filter((c) => [...c].length >= 2);
    this.aspectCues = kb.aspects
      .flatMap((a) => a.cues.map((c) => ({ cue: this.analyzer.normalizer.fixTypos(c), aspect: a.id })))
      .sort((x, y) => y.cue.length - x.cue.length);
    const fix = (words: string[]) => words.map((w) => this.analyzer.normalizer.fixTypos(w));
    this.unlistedCues = (kb.messages.unlistedDetails?.details ?? []).map((d) => ({
      cues: fix(d.cues),
      ...(d.patterns ? { patterns: d.patterns.map((p) => new RegExp(p, 'u')) } : {}),
      ...(d.with ? { with: fix(d.with) } : {}),
    }));
    this.aspectWords = new Set([...this.aspectCues.map((c) => c.cue), ...kb.messages.genericFacets.flatMap((g) => g.cues.map(cleanText))]);
    for (const intent of SOCIAL_INTENTS) {
      const vocab = new Set<string>();
      for (const example of kb.intents[intent]?.examples ?? []) for (const w of this.analyzer.analyze(example).words) vocab.add(w);
      this.socialVocab.set(intent, vocab);
    }
    // Everyday words typed in letters ("zhichi") are read by the words the knowledge's texts use, as segmented for the build.
    romanizedPinyinFor(kb).addEverydayWords(analyzer.wordUses());
    analyzer.finishBuild();
  }

  async recognize(text: string): Promise<Recognition> {
    return this.recognizeSync(text);
  }

  /**
   * The message as a frame: clauses first (facts are kept, not searched), then every asking clause
   * recognised on its own; the top-level Recognition is the first question, with the facts of the
   * whole message in its entities and the frame attached.
   */
  recognizeSync(input: string): Recognition {
    const now = this.now();
    // ("截至2026年12月7日是否仍在近三年内": today's date as the moment asked of is now.)
    // (A long letter is read as its question and what it tells of the enterprise, within what is analysed.)
    const text = typeof input === 'string' ? asOfTodayAsNow(readableWithin(input, MAX_ANALYSED_CHARS), now) : '';
    const whole = this.analyzer.analyze(text);
    const told = this.entities.extract(whole.clean, now);
    if (!whole.clean || whole.meaningless) return this.recognizeClause(text, told, whole);
    // ("你确定吗", "再说一遍 我没看明白": the last answer asked again, nothing new.)
    const again = againAsked(whole.clean);
    if (again) return { text, normalized: whole.normalized, intent: 'none', intentScore: 0, entities: told, candidates: [], confidence: 'low', againAsked: again };
    const clauses = splitClauses(whole.clean);
    // ("报名专精特新培训，报完我再查一下我们报了哪些": what the user will do afterwards is read as not said.)
    const later = clauses.filter((c, i) => i > 0 && saysLater(c));
    if (later.length) return { ...this.recognizeSync(blanked(whole.clean, later).replace(/，{2,}/gu, '，').replace(/，$/u, '')), text };
    const ownText = withoutOthers(whole.clean, clauses);
    // (Several enterprises described one by one — a group's subsidiaries, clients — are each asked about.)
    const enterprises = this.enterprisesListed(whole.clean, now);
    const asks = clauses.filter((c) => c.kind === 'ask');
    /** each asking clause with what it names itself (read once) */
    const askedOwn = asks.map((c) => ({ c, e: this.entities.extract(c.text, now) }));
    // ("我们的客户是省级专精特新，我们自己还没有荣誉，我们算哪类": an honour told of another enterprise is not
    // one the question asks of, unless the question names it itself.)
    const others = enterprises ? [] : clauses.filter(tellsOfAnotherEnterprise);
    // ("我们…2023年获评市级。今天帮我们一家供应商问一下：他们…已经进入培育库。请问他们属于哪一类": the enterprise
    // asked for, described after it was brought in, is the one the question is of — nothing of ours.)
    const theirs = enterprises ? undefined : describedForAnother(clauses);
    const entities = theirs !== undefined ? this.entities.extract(theirs, now) : others.length === 0 || askedOwn.some(({ e }) => e.honourLevels?.length) ? told : { ...told, honourLevels: this.entities.extract(blanked(whole.clean, others), now).honourLevels };
    // The message's facts about the enterprise, read once for every flow the turn may reach.
    // (Background about others — "园区本级专精特新企业申报上级荣誉", "听说有的企业评上省级…" — states none.)
    // (Several enterprises described one by one are no facts of the user's own.)
    // ("市级的企业归入哪一类？仅入库培育的又归入哪一类？": enterprises described question by question, with nothing
    // said of our own, are no facts of ours either.)
    // (Only beside one naming the pool: questions of honours alone — "国家级（2025年认定）…？省级（2025年认定）呢？",
    // "区级是几类？跟市级一样吗" — keep reasoning with the honours and years told.)
    const poolAsked = askedOwn.some(({ e }) => !e.honourLevels?.length && (e.inPool || e.noHonour || e.notInPool)) && !askedOwn.some(({ c }) => COMPARES.test(c.text));
    const askingSubjects = poolAsked ? askedOwn.filter(({ e }) => statesFacts(e)).length : 0;
    const describedOnly = askingSubjects > 1 && !clauses.some((c) => c.firstPerson);
    // ("客户是2025年认定的国家级专精特新小巨人…最近在我们行谈并购贷款，问下算哪一类": the client described, with nothing
    // told of our own enterprise, is the one asked about.)
    const clientAsked = !enterprises && others.length > 0 && !statesFacts(this.entities.extract(ownText, now));
    let facts = this.statedFacts.readCleaned(theirs ?? (enterprises || describedOnly ? '' : clientAsked ? whole.clean : ownText), text, now);
    const frameOf = (questions: Recognition[]): Frame => ({
      clauses: clauses.map((c) => ({ text: c.text, kind: c.kind, firstPerson: c.firstPerson })),
      factText: clauses.filter((c) => c.kind === 'fact').map((c) => c.text).join('，'),
      questions,
      facts,
    });
    const listed = enterprises ? { enterprises } : {};
    // One clause, nothing asked (a bare statement) or a request a pattern names as a whole
    // ("以后有新活动，能不能第一时间告诉我们" subscribes): the message as a whole.
    // (A greeting before the request is no part of it: "你好，我们公司想要报名招聘会，需要怎么做".)
    // ("我们是做生物医药的，想报名参加企业沙龙": a request after background only — the request, as a whole message.)
    // ("…产能在爬坡，想报名参加下一期企业沙龙，跟同行交流下降本增效", "招聘会现在能报名吗？帮我们公司报一下": the
    // request may stand anywhere among background and checks that it can be made.)
    const requested = clauses.length > 1 ? this.requestAmong(clauses) : undefined;
    const wholeRuled = this.rules.match(whole.clean.replace(OPENER, ''));
    const personWanted = requested?.intent === 'handoff' && asksPersonOutright(requested.clause.text);
    const requestAfterBackground = (!wholeRuled || personWanted) && requested !== undefined;
    const ruled = wholeRuled ?? requested?.intent;
    if (clauses.length <= 1 || asks.length === 0 || personWanted || (ruled && this.kb.intents[ruled]?.wholeMessage === true)) {
      // One question behind a lead-in ("顺便问下沙龙收费吗") or before how to answer it ("…一句话概括"): the question alone.
      const [only] = clauses;
      // ("想再请教一下，那转型升级呢？": the lead-in goes, whatever mark ends the question.)
      const unpunctuated = withoutClosingMarks(whole.clean);
      const bare = clauses.length === 1 && only.kind === 'ask' && only.text !== whole.clean && (only.condensed === true || (unpunctuated !== only.text && unpunctuated.endsWith(only.text)) || (whole.clean.startsWith(only.text) && !/^[?？!！。.~～\s]*$/u.test(whole.clean.slice(only.text.length)))) && !ruled;
      // ("你没回答我的问题，我要的是具体电话号码": a complaint or a courtesy before the one thing said is no part of it.)
      const said = clauses.filter((c) => c.kind !== 'filler');
      const afterFiller = !ruled && asks.length === 0 && clauses.length > 1 && said.length === 1 && REPAIR_SAID.test(whole.clean) ? said[0] : undefined;
      const alone = requestAfterBackground ? requested.clause : bare ? only : afterFiller;
      const single = alone ? { ...this.recognizeClause(alone.text, entities, this.analyzer.analyze(alone.text, true)), text } : this.recognizeClause(text, entities, whole);
      const each = this.eachCoordinatedTopic(single);
      if (each) {
        const asked = each.map((q) => this.withDependence({ ...q, ...listed }));
        return { ...asked[0], frame: frameOf(asked) };
      }
      const asked = this.withDependence({ ...single, ...listed });
      // (A kind of enterprise asked about, nothing said of our own, is no fact of ours.)
      if (asked.kindTier !== undefined && !clauses.some((c) => c.firstPerson)) facts = this.statedFacts.readCleaned('', text, now);
      return { ...asked, frame: frameOf([asked]) };
    }
    // ("…评价加分：丙公司…，丁公司…，各自能享受什么": what each enterprise gets of the measure named is the Q&A's, per enterprise.)
    const asked = this.questionsOf(clauses, entities, facts.update, askingSubjects)
      .map((q) => (enterprises ? this.ofMeasureForEach(q) : q))
      .map((q) => this.withDependence({ ...q, message: text, ...listed }));
    // ("…能享受什么，先说我们是几类": what is asked to be answered first comes first.)
    const first = asked.filter((q) => ANSWER_FIRST.test(q.text));
    const questions = first.length && first.length < asked.length ? [...first, ...asked.filter((q) => !first.includes(q))] : asked;
    return { ...questions[0], text, frame: frameOf(questions) };
  }

  /**
   * Every question of the message. A question without a topic of its own takes the one an earlier
   * clause named ("听说有个苗圃计划，这个是面向什么企业的"; "专场招聘一年几场？是线上还是线下？");
   * a topic named without an aspect and an aspect asked right after are one question ("那培训呢，收费不").
   */
  private questionsOf(clauses: Clause[], entities: Entities, told: ProfileUpdate = {}, askingSubjects = 0): Recognition[] {
    // (Several of the advisor's facts told at once — first recognition, no IPO plan, a hiring need — ask what the
    // enterprise may get as a whole, not of the one need among them.)
    const advisorFacts = TRAIT_FACTS.filter((k) => told[k] !== undefined).length >= 2;
    const speaksForSelf = clauses.some((c) => c.firstPerson && c.kind !== 'ask');
    const questions: Recognition[] = [];
    let lender: Recognition | undefined;
    /** the lender was matched with high confidence on its own */
    let clearLender = false;
    /** how well the lender's own words matched its topic */
    let lenderScore = 0;
    const lend = (r: Recognition, clear: boolean, score = r.candidates[0]?.score ?? 0) => {
      lender = r;
      clearLender = clear;
      lenderScore = score;
    };
    /** the lender when a background clause (not an earlier question) lent it */
    let background: Recognition | undefined;
    /** background clauses one after another ("1.产业链那块 2.人才那块"): what a shared 分别 question may ask of each */
    let listing: Array<{ text: string; heard: Recognition }> = [];
    /** the last question asked nothing of its topic: it only named it after a lead-in (想问问…) */
    let topicOnly: Recognition | undefined;
    /** the topics the last clause asked of, each its own question ("上市培育与金融支持各有哪些举措"): what "二者" points at */
    let lastEach: Recognition[] | undefined;
    /** every background clause that could lend its topic, with its text: "改造这块" picks the one that said 改造 */
    const backgrounds: Array<{ text: string; r: Recognition; askedBefore: number }> = [];
    /** the topics of the plans told ("打算冲国家级", "也在准备上市") */
    const planTopics = new Set<string>();
    /** the plan or background told in the clause just before (what "有没有组织这种" at its end points at) */
    let lastTold: string | undefined;
    /** the topics of the plans, needs and problems told, in order: what a support overview answers first */
    const needTopics = new Set<string>();
    /** the last background outside the programme (所得税, 社保): a short question after it asks of that */
    let outsideBackground: Recognition | undefined;
    /** the enterprise a fact clause just described, not ours ("2.近三年内认定的区级专精特新企业，评价可加几分"): the next question's subject */
    let describedSubject: Entities | undefined;
    /** the honour the last question asked of ("省级算第几类？评价能加几分？"): the next question's, when it names none */
    let askedLevels: Entities['honourLevels'];
    /** honour levels named in clauses of their own since the last question ("省级的", "还有市级区级的") */
    let levelsListed: NonNullable<Entities['honourLevels']> = [];
    /** asking clauses that suppose an honour of their own ("评上区级以后算几类") */
    // ("如果后年评上区级，会变成第几类" asks how the tier would change: the answer says the tier now and then itself.)
    const supposing = clauses.filter((c) => c.kind === 'ask' && !TIER_CHANGE_ASKED.test(c.text) && this.statedFacts.supposedHonours(c.text).length > 0).length;
    /** the honours the fact clauses say the enterprise holds now (what a question supposing none asks of) */
    const heldNow: Pick<Entities, 'honourLevels' | 'years'> = {};
    if (supposing > 0) {
      const held = clauses.filter((c) => c.kind === 'fact').map((c) => this.entities.extract(c.text, this.now()));
      const levels = [...new Set(held.flatMap((e) => e.honourLevels ?? []))];
      const years = [...new Set(held.flatMap((e) => e.years ?? []))];
      heldNow.honourLevels = levels.length ? levels : undefined;
      heldNow.years = years.length ? years : undefined;
    }
    for (const clause of clauses) {
      const toldJustBefore = lastTold;
      lastTold = undefined;
      const describedBefore = describedSubject;
      describedSubject = undefined;
      // Background and plans (打算上市, 想搞数字化改造) may lend their topic; plain facts never do.
      // A clause that denies a plan or need ("暂时没有上市打算") lends nothing.
      // "辖区有家餐馆想换门头招牌，…要去哪里审批": a fact outside the programme is what follows asks of.
      // ("我们是做食堂食材配送的，就是说给机关学校食堂配送…": a fact going on about our own enterprise is no outside matter.)
      if (clause.kind === 'fact' && !clause.firstPerson && !speaksForSelf && this.outOfScope.some((t) => clause.text.includes(t))) {
        outsideBackground = this.recognizeClause(clause.text, entities);
        continue;
      }
      const denied = NO_PLAN.test(clause.text);
      // ("…想三年里上市，也想从外面引进几个高端人才": a plan going on with 也/还 is the same speaker's, though it names no one.)
      const plan = (clause.kind === 'fact' || (clause.kind === 'context' && PLAN_GOING_ON.test(clause.text))) && (PLAN.test(clause.text) || PROBLEM.test(clause.text)) && !denied;
      // ("1.尚未获得任何荣誉、仅入库培育的企业，在方案中属于哪一类？2.…省级专精特新企业加几分": an enterprise described
      // by the pool alone is the subject of the question after it — not the honour another question names.)
      if (clause.kind === 'context' && !clause.firstPerson && !speaksForSelf && DESCRIBED_ENTERPRISE.test(clause.text)) {
        const told = this.entities.extract(clause.text, this.now());
        if (!told.honourLevels?.length && told.inPool === true) describedSubject = told;
      }
      if ((clause.kind === 'context' && !denied) || plan) {
        lastTold = clause.text;
        // A plan may aim at the tiers themselves ("我们想进培育库，要怎么弄"); a plain fact about them lends nothing.
        const heard = this.wantedFirst(this.recognizeClause(clause.text, entities));
        // "高新技术企业15%所得税优惠，汇计划里有吗": a background outside the programme lends no topic of it.
        // (So does one naming what the policy does not cover: "我们还想申请高新技术企业认定，那个政策有什么补贴".)
        if (heard.intent === 'none' && !heard.offTopicRequest && (heard.intentScore >= 1 || this.outOfScope.some((t) => heard.normalized.includes(t)))) {
          outsideBackground = heard;
          continue;
        }
        // "汇计划的文号 哪个单位发的", "深度诊断的费用 谁负责": a topic's attribute named without a question
        // word is a question of its own, not background.
        if (clause.kind === 'context' && this.namesAttribute(clause.text, heard)) {
          questions.push(heard);
          lend(heard, true);
          listing = [];
          continue;
        }
        // ("明年想招几个技术员": a need the advisor reads — hiring — names its measures before a 汇 a word of it recalls, 技术.)
        const lent = this.lendable(heard, plan);
        const needed = plan && (!lent || this.kb.itemById.get(lent.candidates[0]?.id ?? '')?.kind === 'hui') ? this.neededMeasures(clause.text, heard) : undefined;
        const r = needed ?? lent;
        // A consequence matched weakly ("专利申请太慢了，老板嫌周期太长影响融资") does not displace the
        // topic the background named clearly.
        const score = heard.candidates[0]?.score ?? 0;
        // A topic a background names after a question ("…能享受什么？第二，我们想从德国请个专家回来，有没有相关的支持")
        // is nearer to what comes next than the question's own.
        const afterQuestion = lender !== undefined && lender !== background;
        // A measure of the 汇 an earlier background named ("问个人才的事。…有个海外博士想回国") is the narrower topic.
        if (r && !this.widens(lender, r) && (heard.confidence === 'high' || afterQuestion || (!clearLender && score >= lenderScore) || this.narrows(lender, r))) {
          lend(r, heard.confidence === 'high', score);
          background = r;
        }
        if (r) backgrounds.push({ text: clause.text, r, askedBefore: questions.length });
        if (r && plan) planTopics.add(r.candidates[0]?.id ?? '');
        // ("想引进海外人才，也有融资需求，…能享受哪些支持": what the enterprise wants or lacks, for the support overview.)
        if (r && (plan || PLAN.test(clause.text) || PROBLEM.test(clause.text) || NEED.test(clause.text))) needTopics.add(r.candidates[0]?.id ?? '');
        // (A plan is one of the needs a shared 分别 question may ask of: "我们准备IPO，同时想引进海外人才，这两块分别…".)
        if (clause.kind === 'context' || plan) listing.push({ text: clause.text, heard });
        continue;
      }
      if (clause.kind !== 'ask') {
        listing = [];
        // ("国家级的怎么算 省级的 还有市级区级的 分别加多少": levels named on their own are what the next question asks of.)
        if (LEVELS_ONLY.test(clause.text)) levelsListed.push(...(this.entities.extract(clause.text, this.now()).honourLevels ?? []));
        // (Only in a message that tells nothing of our own, and of an enterprise named as such.)
        if (clause.kind === 'fact' && !clause.firstPerson && !speaksForSelf && DESCRIBED_ENTERPRISE.test(clause.text)) {
          const told = this.entities.extract(clause.text, this.now());
          // ("一家企业2025年拿了国家级小巨人，2019年还拿过省级专精特新": a clause without a subject of its own
          // goes on describing the same enterprise — its honours join the ones told before.)
          const goesOn = describedBefore !== undefined && DESCRIBING_ON.test(clause.text);
          if (told.honourLevels?.length) describedSubject = goesOn ? { ...told, honourLevels: [...new Set([...(describedBefore.honourLevels ?? []), ...told.honourLevels])], years: [...new Set([...(describedBefore.years ?? []), ...(told.years ?? [])])] } : told;
        }
        continue;
      }
      // The subject of the facts carries into the question ("我们是省级的，能享受哪些支持").
      // Only a clause about what the enterprise may get or is carries it; "汇计划一共分了哪几个汇" asks of the policy.
      // ("鼓励的是哪类企业" asks which enterprises a measure is for, not which class we are.)
      // ("那这个对国家级、省级的企业有没有特别照顾": a question pointing at what was just said keeps its pointer first.)
      // ("园区对后面申报更高级别的荣誉有啥支持吗": a clause with a subject of its own — the park or one of its units — keeps it.)
      // ("是属于哪一项措施": which of the programme's measures, not which class we are.)
      const asked = speaksForSelf && !clause.firstPerson && OF_OURS.test(clause.text) && !WHICH_ENTERPRISES.test(clause.text) && !REFERENCE.test(clause.text) && !SUBJECT_OF_ITS_OWN.test(clause.text) && !MEASURE_IT_BELONGS_TO.test(clause.text) ? `我们${clause.text}` : clause.text;
      // "…打算搞智能化改造。资源集约利用评价怎么算？改造这块有啥支持": the part named points back at the background that said it.
      // ("想报金鸡湖人才计划…申报的时候有人辅导吗": a doing pointed at by its time is the plan's, in whatever words.)
      const pointer = POINTED_PART.exec(clause.text);
      const part = pointer?.[1].slice(-2);
      // ("…工业设计和数字化方面能力较弱…有无相关平台可以提供服务": 相关/此类 point at the background just before.)
      // ("…领导提到方案里有“一个平台、一批企业、若干集群”的说法，原文具体是怎么表述的": the wording asked is of what was quoted.)
      const lastBackground = backgrounds[backgrounds.length - 1];
      const wordingOfQuoted = WORDING_ASKED.test(clause.text) && lastBackground !== undefined && QUOTED.test(lastBackground.text);
      // ("…所谓“人才对接”，其具体机制是怎样的": 其 is what the clause before named.)
      // ("团队里有好几位想从海外回来的专家…还能帮他们申报人才项目吗": 他们 are the people the background told of, when
      // that background's measure says what is asked.)
      const theirs = THEM.test(clause.text) && lastBackground !== undefined && this.saysWordsOf(lastBackground.r.candidates[0]?.id, clause.text);
      const itsOwn = (ITS.test(clause.text) || theirs) && lastBackground !== undefined;
      // ("…想系统地提升一下：1. 培训辅导提供哪些内容？2. 沙龙做什么？3. 这些活动怎么报名？": 这些 after questions
      // points at what they asked, not at the background before them.)
      const pointsPastQuestions = lastBackground !== undefined && questions.length > lastBackground.askedBefore && PLURAL_POINTER.test(clause.text);
      // ("计划：明年准备做智改数转+节能改造…问题：这块专精特新企业能享受什么支持": 这块 opening the question, no part
      // named, is the plan told — or else what was told last; after a question, "另外这块归哪个部门管" is that question's.)
      const leadingPointer = LEADING_POINTER.test(clause.text) && !pointer && questions.length === 0 ? ([...backgrounds].reverse().find((b) => PLAN.test(b.text)) ?? lastBackground) : undefined;
      const pointedAt = (part && ([...backgrounds].reverse().find((b) => b.text.includes(part)) ?? (pointer?.[2] ? [...backgrounds].reverse().find((b) => PLAN.test(b.text)) : undefined))) || leadingPointer || ((RELATED.test(clause.text) && !pointsPastQuestions) || wordingOfQuoted || itsOwn ? lastBackground : undefined);
      if (pointedAt && pointedAt.r !== lender) lend(pointedAt.r, true);
      // "…目前在冲市级。想去优秀企业现场看看人家怎么管的，园区组织这种活动吗": "这种活动" is what was described
      // last, not the goal stated before it.
      const latest = [...backgrounds].reverse().find((b) => !this.isAim(b.r));
      // (Its own honour, if it names one, is what it asks of.)
      const own = this.entities.extract(clause.text, this.now());
      const ownLevels = own.honourLevels;
      const listedBefore = levelsListed.length ? [...new Set(levelsListed)] : undefined;
      levelsListed = [];
      const levelsBefore = listedBefore ?? askedLevels;
      const carried = !speaksForSelf && !ownLevels?.length && levelsBefore?.length ? { ...entities, honourLevels: levelsBefore } : entities;
      askedLevels = ownLevels?.length ? ownLevels : levelsBefore;
      // ("分成几类？市级的归入哪一类？仅入库培育的又归入哪一类？": of enterprises described question by question,
      // each question asks of its own — the pool's, or none at all.)
      // (askingSubjects: the asking clauses that name an enterprise of their own, an honour or the pool.)
      const eachOwn = !speaksForSelf && !describedBefore && !ownLevels?.length && askingSubjects > 1;
      // ("我们现在是培育库企业，算几类？评上区级以后算几类？再评上省级又算几类？": a question supposing an honour asks
      // of that honour alone; the others, of what the enterprise holds now.)
      const supposedOwn = speaksForSelf && supposing > 0 && ownLevels?.length && this.statedFacts.supposedHonours(clause.text).length > 0;
      const heldOnly = speaksForSelf && supposing > 0 && !ownLevels?.length;
      const subject = supposedOwn
        ? { ...entities, honourLevels: ownLevels, years: own.years, inPool: undefined }
        : heldOnly
          ? { ...entities, ...heldNow }
          : describedBefore && !ownLevels?.length
        ? { ...entities, honourLevels: describedBefore.honourLevels?.length ? describedBefore.honourLevels : undefined, years: describedBefore.years ?? entities.years, ...(describedBefore.inPool ? { inPool: true, noHonour: describedBefore.noHonour } : {}) }
        : eachOwn
          ? { ...entities, honourLevels: undefined, inPool: own.inPool, noHonour: own.noHonour, notInPool: own.notInPool }
          : carried;
      let r = this.recognizeClause(asked, subject);
      // ("…就是说我想带管理层去好的企业那边学习学习 园区有没有组织这种": a question ending on what was just told, with no
      // topic of its own, is asked together with it.)
      // ("我们孵化器是园区认定的公共服务平台…汇计划对我们这种平台有什么要求": "这种平台" is the one a clause before named.)
      const kindPointed = POINTED_KIND.exec(clause.text)?.[1];
      const namedBefore = kindPointed ? clauses.slice(0, clauses.indexOf(clause)).reverse().find((c) => c.kind !== 'ask' && c.text.includes(kindPointed))?.text : undefined;
      const toldWith = toldJustBefore && POINTS_BACK_AT_END.test(clause.text) ? toldJustBefore : namedBefore;
      if (r.intent === 'none' && !r.offTopicRequest && toldWith) {
        const together = this.recognizeClause(`${toldWith}，${clause.text}`, subject);
        if (together.intent === 'policy_question' && together.confidence === 'high') r = { ...together, text: r.text };
      }
      // "我刚入职园区一家企业，园区哪家幼儿园好": a question outside the programme borrows no topic from its background.
      // ("…需要做哪些认证？CE还是UL？": what follows it, naming nothing of its own, asks of it too.)
      if (r.intent === 'none' && !r.offTopicRequest && this.outOfScope.some((t) => r.normalized.includes(t))) {
        questions.push(r);
        outsideBackground = r;
        lender = undefined;
        continue;
      }
      // "我们是初创公司还没荣誉，第一步该干啥": where an enterprise with no honour (nor the pool) starts is
      // the pool — the tiers' way in.
      if (r.confidence !== 'high' && !lender && START_ASKED.test(clause.text) && entities.noHonour === true && !entities.honourLevels?.length) {
        r = { ...r, intent: 'policy_question', intentScore: Math.max(r.intentScore, 0.7), confidence: 'high', candidates: [{ id: this.tierItemId, title: this.kb.itemById.get(this.tierItemId)?.title ?? '', score: 1 }], topics: [this.tierItemId], namesTopic: true, followUp: undefined };
      }
      // "想申报园区的人才计划…人才项目申报这块有什么支持": of the topics the part's own words fit, the one the
      // background it points at named is meant.
      // ("…海外的首席科学家有回国意向…汇计划在人才这块有啥安排": the part named is a 汇, and the need told
      // before it is one of that 汇's measures — that measure is the part meant.)
      // (Only a 汇 the part itself names — 人才 of 人才汇 — not one a general word touched: "上市这块…提供哪些服务".)
      const partNamesHui = part !== undefined && (this.kb.itemById.get(r.candidates[0]?.id ?? '')?.title.includes(part) ?? false);
      const inHuiPointed = !pointedAt && partNamesHui ? [...backgrounds].reverse().find((b) => b.r.confidence === 'high' && this.huiHolds(r.candidates[0]?.id, b.r.candidates[0]?.id ?? '')) : undefined;
      const pointedTopic = (pointedAt ?? inHuiPointed)?.r.candidates[0]?.id;
      // ("…海外的博士有意向回国…园区在引进这类人才上能给什么支持": what we may get of the measure pointed at.)
      // (The measure pointed at may lie in the 汇 the question names: 这类人才 of 人才汇 is the background's 人才对接.)
      const inNamedHui = pointedTopic !== undefined && this.huiHolds(r.candidates[0]?.id, pointedTopic);
      const situationOfHui = pointedTopic !== undefined && SITUATION.test(clause.text) && this.sameHui(r.candidates[0]?.id, pointedTopic);
      // ("…申报个人才项目，园区在人才申报这块能怎么帮": a measure the clause names itself is narrower than the 汇 pointed at.)
      const namesNarrower = pointedTopic !== undefined && this.huiHolds(pointedTopic, r.candidates[0]?.id ?? '') && (r.topics ?? []).includes(r.candidates[0]?.id ?? '');
      if (pointedTopic && !namesNarrower && (r.intent === 'policy_question' || (r.intent === 'what_support' && RELATED.test(clause.text))) && !r.aspect && r.candidates[0]?.id !== pointedTopic && (inNamedHui || situationOfHui || wordingOfQuoted || itsOwn || r.candidates.slice(1, 3).some((c) => c.id === pointedTopic && c.score >= POINTED_PART_SCORE))) {
        r = { ...r, candidates: this.leading(pointedTopic, r.candidates), topics: [pointedTopic], topicFromMessage: true };
      }
      // "我们打算上市 能不能进苗圃计划 进了以后有啥服务": right after a question of a measure, a question
      // that is no clear request of its own asks more of that measure — the facts' subject does not make it
      // "what may we get".
      const previous = questions[questions.length - 1];
      // "…省级加几分？市级和区级加的一样吗？": levels compared right after a question of a measure that differs
      // by level ask of that measure, not of the tiers.
      const previousItem = this.kb.itemById.get(previous?.candidates[0]?.id ?? '');
      if (previous?.confidence === 'high' && r.candidates[0]?.id === this.tierItemId && COMPARES.test(clause.text) && !ASKS_WHICH_TIER.test(clause.text) && previousItem?.facets.some((f) => f.when?.honourLevels)) {
        r = { ...r, candidates: previous.candidates, topics: previous.topics, topicFromMessage: true };
      }
      const afterMeasure = previous?.confidence === 'high' && this.kb.itemById.get(previous.candidates[0]?.id ?? '')?.kind === 'measure';
      if (asked !== clause.text && r.intent === 'what_support' && r.confidence !== 'high' && afterMeasure) {
        r = this.recognizeClause(clause.text, entities);
      }
      // ("苗圃计划是哪个部门负责的？进去以后能享受哪些服务": what one gets once in is what the measure offers.)
      // (A 汇 its words touch — 服务 of 服务汇 — or a measure named by a word of any — 好处 — is no measure of its own.)
      // ("…专场招聘一年几场…我们只是培育库里的企业是不是也能参加": the pool or a tier asked whether it may, of the measure just asked.)
      const mayAsTier = afterMeasure && r.candidates[0]?.id === this.tierItemId && !ASKS_WHICH_TIER.test(clause.text) && asksWhetherMay(r.normalized) && (r.entities.inPool === true || TIER_NAMED.test(clause.text));
      if ((afterMeasure && AFTER_JOINING.test(clause.text) && !this.namesMeasureByName(r.topics ?? [], clause.text)) || mayAsTier) {
        r = { ...r, intent: 'policy_question', intentScore: Math.max(r.intentScore, previous.intentScore), candidates: previous.candidates, topics: previous.topics, confidence: 'high', namesTopic: true, topicFromMessage: true, followUp: undefined };
      }
      // ("…所得税优惠，汇计划里有吗": what is asked of is outside the programme — the honest answer, not a topic its words touch.)
      // (Not the tier: "…系国家高新技术企业…已入库培育。该企业属于哪一类" — the background describes whom the tier is of.)
      if (outsideBackground && !lender && [...clause.text].length <= MAX_BARE_ASK && (!this.namesSpecificTopic(r) || POINTS_AT_IT.test(clause.text)) && r.intent !== 'what_support' && r.intent !== 'which_tier' && r.candidates[0]?.id !== this.tierItemId && !r.offTopicRequest) {
        questions.push({ ...r, intent: 'none', intentScore: 1, candidates: [], confidence: 'low', namesTopic: false, topics: undefined, followUp: undefined });
        continue;
      }
      const pointsBack = this.pointsBack(clause.text, r);
      if (!pointedAt && latest && latest.r !== lender && pointsBack && this.isAim(lender)) lend(latest.r, true);
      // "想找高校搞产学研。产业汇里有没有对应的措施": the 汇 named holds the measure the background named.
      const ownMeasure = lender && (this.measureOfNamedHui(r, lender) ?? this.lenderSays(r, lender, lender === background) ?? (clearLender && lender === background ? this.partOfNamedLender(r, lender) : undefined));
      if (ownMeasure) r = { ...r, candidates: ownMeasure, topicFromMessage: true };
      // "想对接大企业做配套，有没有这类渠道", "有海外博士想回国，这种情况人才方面有什么支持": the question
      // points back at what the clause before named, whatever its own words match.
      else if (
        lender &&
        (pointsBack ||
          (INSIDE.test(clause.text) && !this.namesSpecificTopic(r)) ||
          // "智改数转和节能改造 汇计划支持吗": the programme named as what supports the thing named before.
          // (A wh-question — "汇计划支持哪些企业" — asks of the programme itself.)
          (PROGRAMME_SUPPORTS.test(clause.text) && !QUESTION_WORD.test(clause.text) && this.namesNoMeasure(r)) ||
          // "金鸡湖人才计划 汇计划里怎么说的": what the programme says, of the thing named before.
          (PROGRAMME_SAYS.test(clause.text) && this.namesNoMeasure(r)) ||
          // ("为进一步强化知识产权保护，汇计划有哪些具体举措": the programme's measures, for the thing named before.)
          (PROGRAMME_MEASURES.test(clause.text) && this.namesNoMeasure(r)) ||
          // ("…转型升级那段说鼓励参与专项诊断，鼓励的是哪类企业": which enterprises the thing named before is for.)
          ((ONLY_FOR.test(clause.text) || (r.aspect === 'audience' && WHICH_ENTERPRISES.test(clause.text))) && (r.topics ?? []).every((id) => ['tier', 'aim'].includes(this.kb.itemById.get(id)?.resolver ?? '')))) &&
        (r.intent === 'policy_question' || r.intent === 'none' || (r.intent === 'which_tier' && WHICH_ENTERPRISES.test(clause.text) && !clause.firstPerson)) &&
        !r.offTopicRequest &&
        (!ASKS_TIER.test(clause.text) || (WHICH_ENTERPRISES.test(clause.text) && !clause.firstPerson)) &&
        lender.candidates.length
      ) {
        r = { ...r, intent: 'policy_question', intentScore: lender.intentScore, candidates: lender.candidates, confidence: lender.confidence, namesTopic: true, topicFromMessage: true, followUp: undefined };
      }
      // "老板让我去找链主大企业拿订单，方案里有什么渠道能对接大客户": a way to do what the background
      // described, its own words matching nothing clearly — the background's topic.
      // (A topic named only by the way word itself — 渠道 of 畅通信息渠道 — is no topic of its own.)
      const wayAsked = lender && lender === background && WAY_TO.test(clause.text) && !r.offTopicRequest && !r.inputProblem;
      if (wayAsked && lender && (r.intent === 'none' || r.confidence !== 'high' || !this.recognizeClause(clause.text.replace(WAY_WORDS, ''), entities).namesTopic)) {
        r = { ...r, intent: 'policy_question', intentScore: lender.intentScore, candidates: lender.candidates, confidence: lender.confidence, namesTopic: true, topicFromMessage: true, followUp: undefined };
      }
      // ("…冲刺科创板。园区在上市这块能提供哪些服务": of two topics the question fits equally, the one the
      // background named is meant.)
      const [first, second] = r.candidates;
      const toldBefore = (id: string) => lender?.candidates[0]?.id === id || planTopics.has(id) || backgrounds.some((b) => b.r.topics?.includes(id));
      // ("在上市这块能提供哪些服务": the measure the part pointed at names — 上市 — rather than the word asked for, 服务.)
      const namedByPart = (id: string) => part !== undefined && this.namesMeasureByWord(id, part);
      // (A 汇 holding the measure stays: "招人这块有什么支持" asks of the whole 人才汇.)
      if (first && second && (r.topics ?? []).includes(second.id) && !this.huiHolds(first.id, second.id) && ((first.score - second.score < TIED_SCORE && toldBefore(second.id) && !toldBefore(first.id)) || (namedByPart(second.id) && !namedByPart(first.id)))) {
        r = { ...r, candidates: [second, first, ...r.candidates.slice(2)] };
      }
      // ("我们是几类？跟一类企业差在哪": a tier named by its numeral and compared asks of the tiers, whatever else 差在哪 fits.)
      // (Not when a measure is named by its name: "作为二类，在人才对接上跟一类比差在哪" asks of 人才对接.)
      const tierCompared = r.candidates[0]?.id !== this.tierItemId && (r.topics ?? []).includes(this.tierItemId) && COMPARES.test(clause.text) && tiersNamedIn(clause.text, this.kb).length > 0 && !this.namesMeasureByName((r.topics ?? []).filter((id) => id !== this.tierItemId), clause.text, COMPARES);
      if (tierCompared) {
        const tier = r.candidates.find((c) => c.id === this.tierItemId)!;
        r = { ...r, candidates: [tier, ...r.candidates.filter((c) => c !== tier)] };
      }
      // A full question of its own, well matched ("汇计划一共有几个汇" after a document), keeps its topic.
      // ("…打算搞智改数转，二类企业在这方面有什么支持": a tier named as whom a question about what was told asks of is no question of the tiers.)
      const tierAsSubject = (r.topics?.length ?? 0) > 0 && r.topics!.every((id) => this.kb.itemById.get(id)?.kind === 'tier') && !TIER_ITSELF_ASKED.test(clause.text) && THIS_FIELD.test(clause.text);
      const ownQuestion = r.intent === 'policy_question' && r.confidence === 'high' && !r.followUp && !r.reference && !r.aspect && !tierAsSubject && (r.candidates[0]?.score ?? 0) >= OWN_QUESTION_SCORE;
      // An honour level names the tiers, but a clause that does not ask the tier names no topic of its own by it.
      // ("企业沙龙谁来组织？主要内容是什么？": words that name the programme only without another topic name none here.)
      // ("会员有家准备上市的，汇计划有啥服务": 服务 asked in general names no 汇 after a background that named a topic.)
      const serviceInGeneral = lender !== undefined && r.topics?.length === 1 && namedOnlyByField(this.kb.itemById.get(r.topics[0]), r.normalized) && SERVICE_IN_GENERAL.test(clause.text);
      const onlyContextWords = lender !== undefined && (r.topics?.length ?? 0) > 0 && (serviceInGeneral || r.topics!.every((id) => namedOnlyByContextWords(this.kb.itemById.get(id), r.normalized, this.kb.programmeWords)));
      if (onlyContextWords && (r.intent === 'policy_question' || r.intent === 'none')) {
        r = { ...r, intent: 'policy_question', candidates: lender!.candidates, topics: lender!.topics, confidence: 'high', namesTopic: true, topicFromMessage: true, followUp: undefined };
      }
      const namesOwnTopic = r.namesTopic && !onlyContextWords && !((r.topics?.length ?? 0) > 0 && r.topics!.every((id) => this.kb.itemById.get(id)?.kind === 'tier') && !ASKS_TIER.test(clause.text)) && !tierAsSubject;
      // "今年老板想搞IPO，园区有没有啥帮企业上市的门路": the background and the question name the same topic —
      // together they decide what the question's own colloquial words left open.
      if (r.intent === 'none' && !r.offTopicRequest && !r.inputProblem && r.namesTopic && lender && lender.candidates[0]?.id === r.candidates[0]?.id && hasQuestionForm(clause.text)) {
        r = { ...r, intent: 'policy_question', intentScore: Math.max(r.intentScore, lender.intentScore), confidence: 'high', topicFromMessage: true };
      }
      // "…算哪一类啊 有没有人能帮着瞅瞅差在哪儿": after a question of the programme, a question naming an item
      // of it by a word of its own (差在哪 → 诊断) asks of the programme too, however colloquial the rest.
      const afterProgrammeQuestion = questions.some((q) => q.intent === 'policy_question' || q.intent === 'what_support' || q.intent === 'which_tier');
      if (r.intent === 'none' && !r.offTopicRequest && !r.inputProblem && (r.topics ?? []).includes(r.candidates[0]?.id ?? '') && afterProgrammeQuestion && hasQuestionForm(clause.text)) {
        r = { ...r, intent: 'policy_question', confidence: 'high', topicFromMessage: true };
      }
      // "文号多少 哪个单位发的": another attribute of the document just asked about is its own question.
      // (A clause pointing back — "这个是什么文件" — asks of the document the background named.)
      // (A document that answers it itself — "小巨人三年行动计划 文号？" — is what it asks of.)
      const lenderItem = lender ? this.kb.itemById.get(lender.candidates[0]?.id ?? '') : undefined;
      // (A question naming the programme's own document — "方案的印发日期" — asks of that one.)
      const lenderAnswers = !OWN_DOCUMENT.test(clause.text) && lenderItem?.facets.some((f) => f.cues.some((c) => findCue(r.normalized, c) !== undefined)) === true;
      if (lender && lenderAnswers && lenderItem?.kind === 'document' && documentSibling(this.kb, lenderItem.id, r.candidates[0]) && !r.offTopicRequest) {
        r = { ...r, intent: 'policy_question', candidates: lender.candidates, confidence: 'high', namesTopic: true, topicFromMessage: true, followUp: undefined };
        questions.push(r);
        lend(r, true);
        continue;
      }
      if (lender && !r.reference && !pointsBack && !lenderAnswers && documentSibling(this.kb, lender.candidates[0]?.id, r.candidates[0]) && !r.offTopicRequest) {
        r = { ...r, intent: 'policy_question', confidence: 'high', namesTopic: true, followUp: undefined, aspect: undefined };
        const each = this.eachCoordinatedTopic(r) ?? [r];
        questions.push(...each);
        lend(each[each.length - 1], true);
        continue;
      }
      // "想问问这个每年给工厂打分评级的评价，能加几分": a thing described after 想问问, asked nothing of, then the
      // aspect asked of it — one question about what the description names.
      const described = previous && previous === topicOnly && !namesOwnTopic && r.aspect && !r.reference ? this.lendable(previous) : undefined;
      if (described) {
        questions[questions.length - 1] = { ...described, intent: 'policy_question', text: `${previous.text}，${r.text}`, normalized: `${previous.normalized}，${r.normalized}`, aspect: r.aspect };
        topicOnly = undefined;
        continue;
      }
      // "三类培育对象分别指啥？牵头单位是谁": the topic before has no responsible units — the question asks of what it names itself.
      // (A measure is never named by an aspect's words alone: "深度诊断一般需要几天？每家企业每年能申请几次" stays with 诊断,
      // not the job fair whose text says 每年…场.)
      // (Unless it is the one measure that states the aspect at all: "…属于哪一类？能加分吗" asks of the rating.)
      const topId = r.candidates[0]?.id ?? '';
      const measureByAspect = this.kb.itemById.get(topId)?.kind === 'measure' && !(r.aspect && this.onlyMeasureStating(r.aspect) === topId);
      if (!namesOwnTopic && lender && !ownQuestion && !measureByAspect && this.lacksAspect(lender, r) && (r.candidates[0]?.score ?? 0) >= OWN_ASPECT_SCORE && r.intent === 'policy_question') {
        r = { ...r, confidence: 'high', namesTopic: true, followUp: undefined };
        questions.push(r);
        lend(r, true);
        continue;
      }
      // "明年打算冲国家级，也在准备上市…能享受哪些支持": support asked in general after several plans is all of it.
      // ("这两块分别有什么支持" asks of each plan: the listing below.)
      if (planTopics.size >= 2 && !EACH.test(clause.text) && !BOTH_POINTED.test(clause.text) && !(r.topics ?? []).some((id) => ['measure', 'hui'].includes(this.kb.itemById.get(id)?.kind ?? '')) && SUPPORT_IN_GENERAL.test(clause.text) && (r.intent === 'what_support' || r.intent === 'policy_question' || r.intent === 'none')) {
        r = { ...r, intent: 'what_support', intentScore: Math.max(r.intentScore, 0.7), candidates: [], namesTopic: false, topics: undefined, topicFromMessage: undefined };
        questions.push(r);
        continue;
      }
      if (!namesOwnTopic && lender && !ownQuestion) {
        // ("企业沙龙是干啥的 我们怎么报名参加": what it is was asked already — two questions.)
        if (previous && previous === lender && previous.followUp && !this.asksAnAspect(previous) && !ASKS_WHAT_IT_DOES.test(previous.normalized) && r.aspect && !r.reference) {
          questions[questions.length - 1] = {
            ...previous,
            text: `${previous.text}，${r.text}`,
            normalized: `${previous.normalized}，${r.normalized}`,
            aspect: r.aspect,
          };
          continue;
        }
        // "打算上市，有什么支持" asks about the plan; with an honour stated it asks what the enterprise may get (the advisor).
        // (A tier asked before is no plan: "属于哪一类、能享受哪些支持" asks the advisor for the support.)
        const supportOfPlan = r.intent === 'what_support' && this.kb.itemById.get(lender.candidates[0]?.id ?? '')?.resolver !== 'tier' && this.lendable(lender);
        // ("…打算IPO，想问下汇计划里我们能享受哪些": all we may get from the programme — the advisor's
        // overview, every measure judged and the plan's among them.)
        const wholeProgramme = canDecideTierOf(entities) && (WHOLE_PROGRAMME.test(clause.text) || advisorFacts) && ENJOY_WHICH.test(clause.text) && ['what_support', 'policy_question', 'none'].includes(r.intent);
        if (wholeProgramme) {
          r = { ...r, intent: 'what_support', intentScore: Math.max(r.intentScore, 0.7), candidates: [], namesTopic: false, topics: undefined, topicFromMessage: undefined };
        } else if (supportOfPlan && canDecideTierOf(entities) && !(entities.noHonour === true && !entities.inPool && !entities.notInPool && !entities.honourLevels?.length)) {
          // With an honour stated it asks what this enterprise may get of it: the advisor, about that measure.
          // (Only "no honour" said, whether it is in the pool is unknown: what the measure offers is the answer.)
          r = { ...r, candidates: lender.candidates, confidence: lender.confidence, namesTopic: true, topicFromMessage: true };
        } else if (r.intent === 'policy_question' || r.intent === 'none' || r.followUp || supportOfPlan || r.intent === 'help' || (r.intent === 'what_support' && !canDecideTierOf(entities) && !OWN_SUPPORT.test(clause.text) && this.kb.itemById.get(lender.candidates[0]?.id ?? '')?.kind === 'measure')) {
          // ("苗圃计划 是啥 能享受啥 谁管": what one gets of a measure just named, asked of no enterprise, is what it offers.)
          // ("想申请知识产权保护方面的帮助，园区能做什么": what the park does about the topic, not the bot's help.)
          // ("听说诊断是收费的，好像要几万": what the background said of its topic is what is asked about.)
          r = { ...r, intent: 'policy_question', intentScore: lender.intentScore, candidates: lender.candidates, confidence: lender.confidence, namesTopic: true, topicFromMessage: true, followUp: undefined, aspect: r.aspect ?? (lender === background ? lender.aspect : undefined) };
        }
      }
      // "1.产业链那块 2.人才那块 分别能提供啥": the shared question of each topic listed before it, in order
      // ("想进大企业供应链，另外也想跟高校做联合研发。哪些举措能帮到我们": measures asked for, of each need)
      // (each topic a background clause lists, "专场招聘、深度诊断", counts; worked out only for such a question).
      // "…上市培育与金融支持各有哪些举措？二者的首要责任单位是否相同": both topics just asked of, with this clause's aspect
      // (so is a second question of each: "金融汇里有A和B两项，各自的内容是什么？牵头部门分别是哪个").
      const both = !namesOwnTopic && (BOTH_POINTED.test(clause.text) || EACH.test(clause.text)) && (lastEach?.length ?? 0) >= 2 && (r.intent === 'policy_question' || r.intent === 'none') ? lastEach! : [];
      lastEach = undefined;
      if (both.length) {
        const shared = r;
        questions.push(...both.map((q) => ({ ...shared, intent: 'policy_question' as const, intentScore: Math.max(shared.intentScore, q.intentScore), candidates: q.candidates, topics: q.topics, confidence: 'high' as const, namesTopic: true, topicFromMessage: true, followUp: undefined })));
        lend(both[both.length - 1], true);
        continue;
      }
      const listed =
        // ("…在“企业沙龙”和“标杆学习”之间犹豫，这两个活动在形式和目的上有什么不同": "这两个" points back past a topic its own words touched.)
        // ("汇计划 文号 发布日期 发文单位 一起发我下": things named one by one, then asked for all at once — each of them.)
        (!namesOwnTopic || BOTH_POINTED.test(clause.text)) && listing.length > 0 && (EACH.test(clause.text) || WHICH_MEASURES.test(clause.text) || BOTH_POINTED.test(clause.text) || ALL_AT_ONCE.test(clause.text)) && (r.intent === 'policy_question' || r.intent === 'none' || r.intent === 'what_support') ? this.topicsListed(listing, entities) : [];
      listing = [];
      if (listed.length >= 2) {
        const shared = r;
        questions.push(...listed.map((l) => ({ ...shared, intent: 'policy_question' as const, intentScore: Math.max(shared.intentScore, l.intentScore), candidates: l.candidates, topics: l.topics, confidence: 'high' as const, namesTopic: true, topicFromMessage: true, followUp: undefined })));
        lend(listed[listed.length - 1], true);
        lastEach = listed;
        continue;
      }
      // Facts that put the enterprise outside the programme (大型企业, 未入库) decide "can we…" at once.
      if ((r.intent === 'policy_question' || r.intent === 'none') && !r.offTopicRequest && !r.namesTopic && outsideProgramme(entities) && entities.outsidePark !== true && asksWhetherWeMay(r.normalized)) {
        r = { ...r, intent: 'what_support', intentScore: 1 };
      }
      // "企业沙龙和标杆学习分别是干什么的": one question per topic, each with the clause's aspect.
      const each = this.eachCoordinatedTopic(r) ?? this.eachSharingAttribute(clause.text, carried);
      if (each) {
        questions.push(...each);
        lend(each[each.length - 1], true);
        lastEach = each;
        continue;
      }
      // "作为一类企业，园区给哪些支持": the tier a clause before named, its support asked in general — the advisor's
      // answer for the tier (no honour told).
      const tierBefore = !(entities.honourLevels?.length) && (r.intent === 'policy_question' || r.intent === 'none') && r.candidates[0]?.id === this.tierItemId &&
        !ASKS_WHICH_TIER.test(clause.text) && !COMPARES.test(clause.text) && (TIER_SUPPORT_ASKED.test(clause.text) || ENJOY_WHICH.test(clause.text)) &&
        clauses.some((c) => c !== clause && c.kind !== 'ask' && tiersNamedIn(c.text, this.kb).length > 0);
      if (tierBefore) r = { ...r, intent: 'what_support', intentScore: 1 };
      // ("苗圃计划是给哪些企业的？能享受哪些服务？": what the measure just asked about gives, not what we may get.)
      // (Not after the tier asked: "我们一家二级供应商…算哪类，能享受点啥" — its words describe us, and we are asked of.)
      const lastAsked = questions[questions.length - 1];
      const lastMeasure = lastAsked && this.kb.itemById.get(lastAsked.candidates[0]?.id ?? '');
      if (r.intent === 'what_support' && !clause.firstPerson && !speaksForSelf && !own.honourLevels?.length && !tiersNamedIn(clause.text, this.kb).length && lastMeasure?.kind === 'measure' && lastAsked.namesTopic && lastAsked.intent !== 'which_tier' && !NAMES_SUBJECT.test(clause.text)) {
        r = { ...r, intent: 'policy_question', intentScore: 1, candidates: lastAsked.candidates, topics: lastAsked.topics, confidence: 'high', namesTopic: true };
      }
      if (!lender) r = this.asProgrammeSupport(r, clause.text, entities);
      questions.push(r);
      // (A tier asked lends no measure its words matched: "我们一家二级供应商…算哪类，能享受点啥" describes us.)
      if (r.namesTopic && r.intent !== 'which_tier') lend(r, r.confidence === 'high');
      topicOnly = !hasQuestionForm(clause.text) && r.intent === 'none' ? r : undefined;
    }
    const needs = [...needTopics].filter((id) => this.kb.itemById.get(id)?.kind === 'measure');
    return needs.length ? questions.map((q) => (q.intent === 'what_support' && !q.topics?.length ? { ...q, needs } : q)) : questions;
  }

  /**
   * The later clause only names the 汇 the lender's measure belongs to ("想从海外引进人才 … 听说有人才方面的
   * 政策"): it widens the topic, it does not change it.
   */
  /** The next topic is a measure of the 汇 the lender names. */
  private narrows(lender: Recognition | undefined, next: Recognition): boolean {
    return lender !== undefined && this.widens(next, lender);
  }

  private widens(lender: Recognition | undefined, next: Recognition): boolean {
    const measure = lender && this.kb.itemById.get(lender.candidates[0]?.id ?? '');
    const hui = this.kb.itemById.get(next.candidates[0]?.id ?? '');
    return measure?.kind === 'measure' && hui?.kind === 'hui' && measure.hui === hui.hui;
  }

  /**
   * "这种活动", "这方面" point back at what an earlier clause named; "那个服务专窗又是什么" only picks out a
   * topic the clause names itself (the demonstrative's noun begins one of that topic's names).
   */
  private pointsBack(text: string, r: Recognition): boolean {
    const m = POINTS_BACK.exec(text);
    if (!m) return false;
    // "我们这种情况在资源集约利用评价里能加几分": the situation told is ours; the topic is named after it.
    if (/情况$/u.test(m[0]) && this.namesSpecificTopic(r)) return false;
    const noun = cleanText(text.slice(m.index).replace(DEMONSTRATIVE, ''));
    // "海外人才回国对接这事又归谁管": the topic named just before the demonstrative is what it points at.
    const before = cleanText(text.slice(0, m.index));
    return !(r.topics ?? []).some((id) => {
      const item = this.kb.itemById.get(id);
      if (item === undefined || namedOnlyByField(item, r.normalized)) return false;
      const names = [item.title, ...item.keywords].map(cleanText);
      return names.some((k) => (k.length > 2 && (noun.startsWith(k) || before.includes(k))) || (k.length >= 2 && before.endsWith(k)));
    });
  }

  /**
   * "明年要招一批工程师": a plan that states a need the rules key on (a hiring need, a listing) without
   * naming a measure — the measures that need it are what a question after it ("园区能帮忙吗") asks about.
   */
  private neededMeasures(text: string, heard: Recognition): Recognition | undefined {
    const stated = this.statedFacts.traits(text);
    const needs = new Set<string>(NEED_TRAITS.filter((fact) => stated[fact] === true));
    if (needs.size === 0) return undefined;
    const ids = this.kb.items
      .filter((item) => item.eligibility?.traits.some((t) => t.mode === 'required' && needs.has(TRAIT_FIELD[t.id])))
      .map((item) => item.id);
    return ids.length ? this.lendable({ ...heard, topics: ids }) : undefined;
  }

  /** The recognition names a topic by name: anything but a 汇 named only by a word of its field (服务 of 服务汇). */
  /**
   * "汇计划的文号", "深度诊断的费用": a topic, 的, and a word that names one of its attributes (an aspect,
   * a keyword or facet cue of the item matched) — asked, though no question word says so.
   */
  private namesAttribute(text: string, heard: Recognition): boolean {
    const m = ATTRIBUTE_NAMED.exec(cleanText(text));
    // ("想打进几家链主企业的供应链": what we want to reach, not an attribute asked.)
    if (!m || WANTS.test(text) || heard.intent !== 'policy_question' || heard.confidence !== 'high' || !heard.namesTopic) return false;
    const noun = m[1];
    if (this.aspectCues.some((c) => c.cue === noun)) return true;
    const item = this.kb.itemById.get(heard.candidates[0]?.id ?? '');
    return item !== undefined && (item.keywords.some((k) => cleanText(k) === noun) || item.facets.some((f) => f.cues.some((c) => cleanText(c) === noun)));
  }

  /**
   * The one clause of a message that requests something a flow does (sign up, subscribe…), when every other
   * clause is background or only checks that the request can be made ("现在能报名吗"); a person, whatever else.
   */
  private requestAmong(clauses: Clause[]): { clause: Clause; intent: string } | undefined {
    const found = clauses.flatMap((clause) => {
      // ("能的话帮我们报一下": the condition of the request is no part of it.)
      const intent = clause.kind === 'filler' ? undefined : this.rules.match(clause.text.replace(IF_SO, ''));
      return intent && REQUESTS_AFTER_BACKGROUND.has(intent) ? [{ clause, intent }] : [];
    });
    // (The same request said again, as speech does — "我们想报个名 报名 对对对报沙龙" — is one request.)
    if (found.length === 0 || found.some((f) => f.intent !== found[0].intent)) return undefined;
    const [request] = found;
    const at = clauses.indexOf(request.clause);
    // (A person asked for outright — "够不够格我是真搞不清，帮我转人工吧" — is wanted whatever else the message asks.)
    if (!(request.intent === 'handoff' && asksPersonOutright(request.clause.text)) && !clauses.every((c, i) => c === request.clause || c.kind !== 'ask' || REQUEST_POSSIBLE.test(c.text) || (i < at && HOW_TO_REQUEST.test(c.text)))) return undefined;
    return { ...request, clause: { ...request.clause, text: request.clause.text.replace(IF_SO, '') } };
  }

  /** Whether the clause names no measure or 汇 of its own (the programme or a tier may be named). */
  private namesNoMeasure(r: Recognition): boolean {
    return (r.topics ?? []).every((id) => !['measure', 'hui'].includes(this.kb.itemById.get(id)?.kind ?? ''));
  }

  private namesSpecificTopic(r: Recognition): boolean {
    return (r.topics ?? []).some((id) => this.kb.itemById.has(id) && !namedOnlyByField(this.kb.itemById.get(id), r.normalized));
  }

  /**
   * "服务汇制定分层分类扶持政策，遵循哪些原则": a question matched only weakly elsewhere asks of the item
   * the clause before it named, when that item's own text holds the word it asks about.
   */
  /** The clause is the item's name and little else ("工业企业资源集约利用综合评价", "今年的上市培育这块"). */
  private namedBare(item: KnowledgeItem, normalized: string): boolean {
    const clause = normalized.replace(TOPIC_FRAME, '');
    return [item.title, ...item.keywords].some((k) => {
      const name = cleanText(k);
      return [...name].length >= 4 && clause.includes(name) && [...clause].length - [...name].length <= BARE_NAME_EXTRA;
    });
  }

  private lenderSays(r: Recognition, lender: Recognition, fromBackground = false): KnowledgeCandidate[] | undefined {
    const item = this.kb.itemById.get(lender.candidates[0]?.id ?? '');
    const own = r.candidates[0];
    // A topic named bare before the question ("金鸡湖人才计划 专精特新企业有辅导吗") is what it asks about.
    // (A question before it — "汇计划是哪个部门发的？哪天印发的？" — names its topic for itself, not as a bare topic.)
    const bareTopic = [...lender.normalized].length <= BARE_TOPIC_LENGTH && (lender.candidates[0]?.score ?? 0) >= BARE_TOPIC_SCORE && !hasQuestionForm(lender.text);
    // ("工业企业资源集约利用综合评价，我们这个荣誉有什么用": a measure named by its whole title as the topic,
    // then a question naming no measure of its own — the comment is on that topic.)
    const titled = item !== undefined && fromBackground && (item.kind === 'measure' || item.kind === 'hui') && this.namedBare(item, lender.normalized);
    if (titled && own && own.id !== item.id && !r.aspect && this.namesNoMeasure(r)) return lender.candidates;
    // (A goal — "正在冲市级" — names no measure whose words the question could share.)
    if (!item || item.resolver === 'aim' || !own || own.id === item.id || r.aspect || r.reference) return undefined;
    // ("园区有人辅导不": 有人 asks whether someone does it, no topic of its own.)
    const words = this.analyzer.analyze(r.normalized, true).terms.filter((w) => [...w].length >= 2 && !QUESTION_WORD.test(w) && !SOMEONE.test(w));
    // ("…冲科创板，但团队对上市流程一窍不通，园区有什么辅导吗": a question of one word, which the background's
    // measure says too — 上市辅导 — asks about that measure, however well the word matches another alone.)
    // (Only what a background told, not an earlier question: "文号是多少？哪个单位发的？哪天印发的" asks on.)
    const oneSharedWord = fromBackground && words.length === 1 && item.text.includes(words[0]);
    if (own.score >= OWN_QUESTION_SCORE && !bareTopic && !oneSharedWord) return undefined;
    // ("哪个部门印发的？印发日期是哪天？": the question names its own item by a word of its own — 印发日期 —
    // that the earlier question's item does not say: a word shared besides — 印发 — does not make it that one's.)
    const ownItem = this.kb.itemById.get(own.id);
    const namesOwn = !fromBackground && ownItem?.keywords.some((k) => [...k].length >= 3 && r.normalized.includes(cleanText(k)) && !item.text.includes(k));
    if (namesOwn) return undefined;
    return words.some((w) => item.text.includes(w)) ? lender.candidates : undefined;
  }

  /**
   * "我们想报金鸡湖人才计划，园区会给辅导吗": the background named a measure by its own name, and the question
   * names another item only by a word the background's measure holds too (重点辅导): it asks about that part of
   * the background's measure.
   */
  private partOfNamedLender(r: Recognition, lender: Recognition): KnowledgeCandidate[] | undefined {
    const item = this.kb.itemById.get(lender.candidates[0]?.id ?? '');
    const own = this.kb.itemById.get(r.candidates[0]?.id ?? '');
    if (!item || !own || own.id === item.id || item.kind !== 'measure' || (lender.candidates[0]?.score ?? 0) < NAMED_LENDER_SCORE) return undefined;
    if (r.normalized.includes(cleanText(own.title))) return undefined;
    const shared = own.keywords.some((k) => [...k].length >= 2 && r.normalized.includes(cleanText(k)) && item.text.includes(k));
    return shared ? lender.candidates : undefined;
  }

  /** The distinct topics background clauses list, in order. */
  private topicsListed(listing: Array<{ text: string; heard: Recognition }>, entities: Entities): Recognition[] {
    const topics: Recognition[] = [];
    for (const { text, heard } of listing) {
      for (const t of this.listedIn(text, heard, entities)) if (!topics.some((l) => l.candidates[0]?.id === t.candidates[0]?.id)) topics.push(t);
    }
    return topics;
  }

  /**
   * The topics a background clause lists: the items it names side by side ("专场招聘、深度诊断"), or
   * each of several needs it describes between 、 ("有人帮跑腿办手续、有专家指导申报材料、给大厂做配套找门路").
   */
  private listedIn(text: string, heard: Recognition, entities: Entities): Recognition[] {
    const each = this.eachCoordinatedTopic(heard);
    if (each) return each;
    const parts = text.split('、').map((p) => p.trim());
    if (parts.length >= 2 && parts.every((p) => [...p].length >= LISTED_NEED_LENGTH)) {
      const needs = parts.map((p) => this.lendable(this.recognizeClause(p, entities)));
      if (needs.every((n) => n !== undefined) && new Set(needs.map((n) => n!.candidates[0]?.id)).size === needs.length) return needs as Recognition[];
    }
    const one = this.lendable(heard);
    return one ? [one] : [];
  }

  /** The 汇 whose field a text asks the support of ("哪些人才政策", "金融方面有啥支持"). */
  private huiOfField(text: string): KnowledgeItem | undefined {
    const m = FIELD_SUPPORT.exec(text) ?? FIELD_NAMED.exec(text);
    const field = m?.[1] ?? m?.[2];
    return field ? this.kb.items.find((i) => i.kind === 'hui' && i.title === `${field}汇`) : undefined;
  }

  /** The candidates with one item put first, with full score (an item a rule decided the question is about). */
  private leading(id: string, candidates: KnowledgeCandidate[]): KnowledgeCandidate[] {
    const title = this.kb.itemById.get(id)?.title ?? '';
    return [{ id, title, score: 1 }, ...candidates.filter((c) => c.id !== id)].slice(0, CANDIDATES);
  }

  /** Support asked in general words of the programme, of no enterprise of ours and of nowhere else. */
  private asksProgrammeSupport(clean: string, normalized: string, entities: Entities): boolean {
    return this.overviewItemId !== undefined && !OWN_SUPPORT.test(normalized) && !outsideProgramme(entities) && asksProgrammeSupportOnly(clean);
  }

  /**
   * A clause of a longer message that, with nothing before it to lend a topic, asks the programme's
   * support in general ("专精特新企业有什么支持？另外…"): the overview, as for the question alone.
   */
  private asProgrammeSupport(r: Recognition, text: string, entities: Entities): Recognition {
    const weak = r.confidence === 'low' && ((r.intent === 'none' && r.intentScore < 1) || r.intent === 'policy_question');
    if (!weak || r.offTopicRequest || r.namesTopic || r.followUp || !this.overviewItemId || !this.asksProgrammeSupport(cleanText(text), r.normalized, entities)) return r;
    return { ...r, intent: 'policy_question', intentScore: 1, confidence: 'high', namesTopic: true, topics: [this.overviewItemId], candidates: this.leading(this.overviewItemId, r.candidates) };
  }

  /** The 汇 the question names by its title, when it is the best match (not a measure of it). */
  /**
   * The one 汇 named with several measures of its own and nothing else ("融资和上市这块": 金融汇, 金融支持, 上市培育); one
   * measure named with its 汇 ("技术汇里的转型升级") is that measure asked.
   */
  private huiCovering(named: ReadonlySet<string>): KnowledgeItem | undefined {
    const items = [...named].map((id) => this.kb.itemById.get(id));
    const huis = items.filter((i) => i?.kind === 'hui');
    if (huis.length !== 1 || items.length < 3) return undefined;
    const [hui] = huis;
    return items.every((i) => i === hui || (i?.kind === 'measure' && i.hui === hui!.hui)) ? hui : undefined;
  }

  private huiNamed(assessment: Assessment, named: ReadonlySet<string>): KnowledgeItem | undefined {
    const top = assessment.ranked[0]?.item;
    return top?.kind === 'hui' && named.has(top.id) ? top : undefined;
  }

  /** The lender's item has nothing for the aspect asked (responsible units, audience): the question's own best item answers. */
  private lacksAspect(lender: Recognition, r: Recognition): boolean {
    const item = this.kb.itemById.get(lender.candidates[0]?.id ?? '');
    const own = this.kb.itemById.get(r.candidates[0]?.id ?? '');
    if (!item || !own || own.id === item.id) return false;
    if (r.aspect === 'responsible') return !item.responsible?.length;
    if (r.aspect === 'audience') return !item.audience;
    // "…计划冲市级。…企业要怎么报名参加": the goal's item says nothing of signing up; the question's own item does.
    // (Only a goal: a measure just asked about keeps "收费吗", which it may not state — then it is unlisted.)
    const evidence = this.kb.aspects.find((a) => a.id === r.aspect)?.evidence ?? [];
    // ("区级的算几类？能加分吗": the tiers themselves give nothing; the question's own item does.)
    return (this.isAim(lender) || item.kind === 'tier') && evidence.length > 0 && !evidence.some((e) => item.text.includes(e)) && evidence.some((e) => own.text.includes(e));
  }

  /**
   * The lender's measure when the clause names only the 汇 it belongs to and asks which measure
   * (对应, 相关, 哪个措施, 有没有…措施), not an aspect of the 汇 itself.
   */
  /** A support question of several enterprises, a measure named: that measure, asked of each. */
  private ofMeasureForEach(q: Recognition): Recognition {
    const top = q.candidates[0];
    const item = top ? this.kb.itemById.get(top.id) : undefined;
    if (q.intent !== 'what_support' || !item || item.kind !== 'measure' || top.score < LISTED_MEASURE_SCORE) return q;
    return { ...q, intent: 'policy_question', confidence: 'high', namesTopic: true, topics: [top.id], topicFromMessage: true };
  }

  /** The enterprises the message describes one after another, each with facts of its own; or undefined. */
  private enterprisesListed(clean: string, now: Date): ListedEnterprise[] | undefined {
    const parts = listedParts(clean);
    if (!parts) return undefined;
    const listed = parts.map((p) => ({ name: p.name, entities: this.entities.extract(p.text, now), facts: this.statedFacts.readCleaned(p.text, p.text, now) }));
    return listed.every((e) => statesFacts(e.entities)) ? listed : undefined;
  }

  /** A measure among `ids` named in the text by its title or a keyword of three or more characters (not 好处, 服务). */
  /** (`except`: names that do not count — "差在哪", a comparison's own words, is no diagnosis named.) */
  private namesMeasureByName(ids: readonly string[], text: string, except?: RegExp): boolean {
    const clean = cleanText(text);
    return ids.some((id) => {
      const item = this.kb.itemById.get(id);
      return item?.kind === 'measure' && [item.title, ...item.keywords].some((k) => [...k].length >= 3 && clean.includes(cleanText(k)) && !except?.test(k));
    });
  }

  /** The one measure whose text states the aspect (its evidence words), if only one does. */
  private onlyMeasureStating(aspectId: string): string | undefined {
    const evidence = this.kb.aspects.find((x) => x.id === aspectId)?.evidence ?? [];
    if (evidence.length === 0) return undefined;
    const stating = this.kb.items.filter((i) => i.kind === 'measure' && evidence.some((e) => i.text.includes(e)));
    return stating.length === 1 ? stating[0].id : undefined;
  }

  /** "那个沙龙呢": the pointer stands before a topic named by its own word — that topic, no reference back. */
  private pointsAtNamed(clean: string, named: Set<string>): boolean {
    const after = POINTER_BEFORE.exec(clean)?.[1];
    if (!after) return false;
    return [...named].some((id) => {
      const item = this.kb.itemById.get(id);
      return item?.kind === 'measure' && [item.title, ...item.keywords].some((k) => [...k].length >= 2 && after.startsWith(cleanText(k)));
    });
  }

  /** The item's own text says a word of two characters or more of the text (not a question word). */
  private saysWordsOf(id: string | undefined, text: string): boolean {
    const item = this.kb.itemById.get(id ?? '');
    if (item?.kind !== 'measure') return false;
    const words = this.analyzer.analyze(cleanText(text), true).terms.filter((w) => [...w].length >= 2 && !QUESTION_WORD.test(w));
    return words.some((w) => item.text.includes(w));
  }

  /** The measure `id` has `word` as its title or one of its keywords. */
  private namesMeasureByWord(id: string, word: string): boolean {
    const item = this.kb.itemById.get(id);
    return item?.kind === 'measure' && [item.title, ...item.keywords].some((k) => cleanText(k) === word);
  }

  /** Two measures of one 汇 (人才申报 and 人才对接). */
  private sameHui(id: string | undefined, otherId: string): boolean {
    const one = this.kb.itemById.get(id ?? '');
    const other = this.kb.itemById.get(otherId);
    return one?.kind === 'measure' && other?.kind === 'measure' && one.hui === other.hui;
  }

  /** The item `huiId` is a 汇 and `measureId` one of its measures. */
  /** The words that name an item: its title and keywords of two characters or more, as cleaned text. */
  private wordsOf(id: string): string[] {
    const item = this.kb.itemById.get(id);
    return item ? [item.title, ...item.keywords].map(cleanText).filter((w) => [...w].length >= 2) : [];
  }

  /** A measure of the 汇 among those named, named by a word of its own (not one of the 汇's) in the text. */
  private measureNamedIn(huiId: string, named: ReadonlySet<string>, text: string): string | undefined {
    const huiWords = this.wordsOf(huiId);
    return [...named].find((id) => this.huiHolds(huiId, id) && this.wordsOf(id).some((w) => text.includes(w) && !huiWords.includes(w)));
  }

  private huiHolds(huiId: string | undefined, measureId: string): boolean {
    const hui = this.kb.itemById.get(huiId ?? '');
    const measure = this.kb.itemById.get(measureId);
    return hui?.kind === 'hui' && measure?.kind === 'measure' && measure.hui === hui.hui;
  }

  private measureOfNamedHui(r: Recognition, lender: Recognition): KnowledgeCandidate[] | undefined {
    const huis = (r.topics ?? []).map((id) => this.kb.itemById.get(id));
    if (huis.length !== 1 || huis[0]?.kind !== 'hui' || r.aspect || !WHICH_MEASURE.test(r.normalized)) return undefined;
    const measure = this.kb.itemById.get(lender.candidates[0]?.id ?? '');
    if (measure?.kind !== 'measure' || measure.hui !== huis[0].hui) return undefined;
    return lender.candidates;
  }

  /**
   * A clause that can lend its topic: it names a measure or a 汇 by its own keyword. The named item
   * comes first among its candidates, whatever else the clause's words matched.
   */
  /** The topic is how the programme helps an enterprise apply for an honour (a goal stated). */
  private isAim(r: Recognition | undefined): boolean {
    const id = r?.candidates[0]?.id;
    return id !== undefined && this.kb.itemById.get(id)?.resolver === 'aim';
  }

  /**
   * "团队里有几个海归博士想申报金鸡湖人才计划": of the measures a background names, the one named after the
   * wanting verb is what is wanted; the one before it only says who wants it.
   */
  private wantedFirst(r: Recognition): Recognition {
    if ((r.topics?.length ?? 0) < 2) return r;
    const verb = WANTING.exec(r.normalized);
    if (!verb || verb.index === 0) return r;
    const after = (id: string): boolean | undefined => {
      const item = this.kb.itemById.get(id);
      const places = [item?.title ?? '', ...(item?.keywords ?? [])].map(cleanText).filter((w) => [...w].length >= 2).map((w) => r.normalized.indexOf(w)).filter((i) => i >= 0);
      if (places.length === 0) return undefined;
      return places.every((i) => i > verb.index) ? true : places.every((i) => i < verb.index) ? false : undefined;
    };
    const sides = (r.topics ?? []).map((id) => ({ id, after: after(id) }));
    const wanted = sides.filter((t) => t.after === true);
    if (wanted.length !== 1 || !sides.some((t) => t.after === false)) return r;
    const id = wanted[0].id;
    const top = r.candidates[0]?.score ?? 0;
    const lead = r.candidates.find((c) => c.id === id) ?? { id, title: this.kb.itemById.get(id)?.title ?? '', score: top };
    return { ...r, candidates: [{ ...lead, score: Math.max(lead.score, top) }, ...r.candidates.filter((c) => c.id !== id)], topics: [id, ...(r.topics ?? []).filter((t) => t !== id)] };
  }

  private lendable(r: Recognition, tiers = false): Recognition | undefined {
    const named = (r.topics ?? []).map((id) => this.kb.itemById.get(id)).filter((i) => i && (COORDINATED_KINDS.has(i.kind) || i.resolver === 'aim' || (tiers && i.kind === 'tier')));
    // ("同事说省级能加两分，我们是2019年的省级，现在还能加吗": points told name the one measure that gives them.)
    const pointsOf = named.length === 0 && POINTS_TOLD.test(r.normalized) ? this.onlyMeasureStating('bonus') : undefined;
    if (pointsOf) named.push(this.kb.itemById.get(pointsOf));
    if (named.length === 0) return undefined;
    const ids = new Set(named.map((i) => i!.id));
    const first = r.candidates.filter((c) => ids.has(c.id));
    const lead = first.length ? first : [{ id: named[0]!.id, title: named[0]!.title, score: Math.max(0.5, r.candidates[0]?.score ?? 0) }];
    return { ...r, candidates: [...lead, ...r.candidates.filter((c) => !ids.has(c.id))].slice(0, CANDIDATES), confidence: 'high', intentScore: Math.max(r.intentScore, 0.5) };
  }

  /**
   * A policy question naming two or more topics joined by 和/与/跟/及/、 ("深度诊断和培训辅导收费吗"):
   * the same question of each topic, in the order they are named. Topics named without a joiner
   * ("苗圃计划属于金融汇吗") stay one question.
   */
  private eachCoordinatedTopic(r: Recognition): Recognition[] | undefined {
    // Topics named side by side split the retrieval's confidence: a question that is no request of another kind qualifies.
    // ("贷款和上市这两块分别有什么支持" with our facts: what we may get of each, the advisor's answer for each.)
    const support = r.intent === 'what_support' && EACH.test(r.normalized);
    const asks = r.intent === 'policy_question' || support || (r.intent === 'none' && !r.offTopicRequest && !r.inputProblem);
    if (!asks || (r.topics?.length ?? 0) < 2) return undefined;
    const spans: Array<{ id: string; title: string; start: number; end: number }> = [];
    for (const id of r.topics ?? []) {
      const item = this.kb.itemById.get(id);
      if (!item || !COORDINATED_KINDS.has(item.kind)) continue;
      let best: { start: number; end: number } | undefined;
      for (const word of [item.title, ...item.keywords]) {
        const cue = cleanText(word);
        if ([...cue].length < 2) continue;
        const start = r.normalized.indexOf(cue);
        if (start >= 0 && (!best || start < best.start || (start === best.start && start + cue.length > best.end))) best = { start, end: start + cue.length };
      }
      if (best) spans.push({ id, title: item.title, ...best });
    }
    spans.sort((x, y) => x.start - y.start);
    // Keep the first topic of overlapping spans (one phrase naming two items is one topic).
    // ("“金融汇”里的上市培育与金融支持各有哪些举措": a 汇 named as the frame of its measures is no topic of its own.)
    const separate = spans
      .filter((s, i) => i === 0 || s.start >= spans[i - 1].end)
      .filter((s, i, all) => !(this.kb.itemById.get(s.id)?.kind === 'hui' && all[i + 1] && this.huiHolds(s.id, all[i + 1].id) && FRAME_GAP.test(r.normalized.slice(s.end, all[i + 1].start))));
    // The topics joined one after another from the first; one named later, after the question's own words,
    // is not among them ("金融汇和人才汇哪个更适合我们这种缺资金的": 资金 is the need).
    const topics = separate.slice(0, 1);
    // ("文号 发文时间 发文单位": names and nothing else, typed as keywords — each of them.)
    const namesOnly = separate.length >= 2 && BETWEEN_NAMES.test(separate.reduceRight((t, sp) => t.slice(0, sp.start) + t.slice(sp.end), r.normalized));
    for (let i = 1; i < separate.length; i++) {
      // ("苗圃计划专精特新贷分别是干嘛的": side by side without a joiner, 分别 says each is asked.)
      const gap = r.normalized.slice(separate[i - 1].end, separate[i].start);
      if (!JOINER.test(gap) && !(gap.trim() === '' && (EACH.test(r.normalized) || namesOnly))) break;
      topics.push(separate[i]);
    }
    if (topics.length < 2) return undefined;
    const score = Math.max(r.candidates[0]?.score ?? 0, 0.5);
    return topics.map((t) => ({
      ...r,
      intent: support ? ('what_support' as const) : ('policy_question' as const),
      intentScore: Math.max(r.intentScore, score),
      candidates: [{ id: t.id, title: t.title, score }, ...r.candidates.filter((c) => c.id !== t.id)].slice(0, CANDIDATES),
      topics: [t.id],
      confidence: 'high' as const,
      namesTopic: true,
    }));
  }

  /**
   * "汇计划里人才这块都有哪些措施", "按汇计划有没有奖补": the programme named as the frame of a question
   * about something in it only dilutes the match (every item belongs to it). When the rest of the
   * question still names an item of the programme's own content, the rest alone is matched.
   */
  private withoutProgrammeScope(a: Analysis): Analysis {
    const scope = PROGRAMME_SCOPE.exec(a.clean);
    if (!scope) return a;
    const rest = `${a.clean.slice(0, scope.index)}${a.clean.slice(scope.index + scope[0].length)}`.trim();
    if ([...rest].length < 2) return a;
    const narrowed = this.analyzer.analyze(rest, true);
    const named = this.retriever.namedItems(narrowed, this.aspectWords);
    return [...named].some((id) => SCOPED_KINDS.has(this.kb.itemById.get(id)?.kind ?? '')) ? narrowed : a;
  }

  /**
   * "人才申报是不是组织部负责的": a measure and a unit named, who is responsible asked — the question is
   * about the measure (its units answer it), not about every measure of that unit.
   */
  private measureBeforeItsUnit(candidates: KnowledgeCandidate[], named: Set<string>, a: Analysis): KnowledgeCandidate[] {
    const top = candidates[0] && this.kb.itemById.get(candidates[0].id);
    // ("贴息归企服中心管吗": the programme's own arrangements — 责任分工 — are topped by a unit's name alike.)
    if ((top?.resolver !== 'unit' && top?.kind !== 'implementation') || !RESPONSIBLE.test(a.clean)) return candidates;
    const measure = candidates.find((c) => named.has(c.id) && ['measure', 'hui'].includes(this.kb.itemById.get(c.id)?.kind ?? ''));
    return measure ? [measure, ...candidates.filter((c) => c !== measure)] : candidates;
  }

  /**
   * "苏园经〔2022〕11号是哪个单位印发的": the document named by its number, something else of it asked — the number
   * is how it is named, not what is asked.
   */
  private documentNamedByNumber(candidates: KnowledgeCandidate[], a: Analysis): KnowledgeCandidate[] {
    const docNumber = this.kb.document?.docNumber;
    const top = candidates[0] && this.kb.itemById.get(candidates[0].id);
    if (!docNumber || top?.kind !== 'document' || !NUMBER_TITLE.test(top.title) || NUMBER_ASKED.test(a.clean.replace(cleanText(docNumber), ''))) return candidates;
    if (!a.clean.includes(cleanText(docNumber))) return candidates;
    // (What is asked of it picks the document's part by that part's title: 哪个单位 → 发文单位, 哪天 → 印发日期.)
    const titled = ASKED_OF_DOCUMENT.find(([asked]) => asked.test(a.clean))?.[1];
    const part = titled && this.kb.items.find((i) => i.kind === 'document' && titled.test(i.title));
    if (!part) return candidates;
    const lead = candidates.find((c) => c.id === part.id) ?? { id: part.id, title: part.title, score: candidates[0].score };
    return [lead, ...candidates.filter((c) => c.id !== part.id)];
  }

  /**
   * "技术汇里的知识产权保护能帮企业干啥": a measure named within its own 汇 is what is asked about; the
   * 汇 only says where it is.
   */
  private measureBeforeItsHui(candidates: KnowledgeCandidate[], named: Set<string>): KnowledgeCandidate[] {
    const top = candidates[0] && this.kb.itemById.get(candidates[0].id);
    if (top?.kind !== 'hui' || !named.has(top.id)) return candidates;
    const measure = candidates.find((c) => {
      const item = this.kb.itemById.get(c.id);
      return named.has(c.id) && item?.kind === 'measure' && item.hui === top.hui;
    });
    return measure ? [measure, ...candidates.filter((c) => c !== measure)] : candidates;
  }

  /**
   * One of the item's own facets is named by its cues (服务商 of 智改数转); `asking`: only by a cue that asks
   * ("多少项措施", "哪个人才计划").
   */
  private selectsFacetOf(item: KnowledgeItem, a: Analysis, asking = false): boolean {
    return item.facets.some((f) => !f.when && f.cues.some((c) => (!asking || QUESTION_WORD.test(c)) && findCue(a.normalized, c) !== undefined));
  }

  /** The question asks for something particular of its topic: an aspect or one of the item's own facets. */
  private asksAnAspect(r: Recognition): boolean {
    if (r.aspect) return true;
    const item = r.candidates[0] ? this.kb.itemById.get(r.candidates[0].id) : undefined;
    return !!item && item.facets.some((f) => f.cues.some((c) => findCue(r.normalized, c) !== undefined));
  }

  /** One clause (or a whole short message): intent, topic, aspect. */
  private recognizeClause(text: string, messageEntities?: Entities, analysed?: Analysis): Recognition {
    const recognized = this.recognizeClauseAlone(text, messageEntities, analysed);
    // "第二部分第三条讲的是什么", "二、（三）写了啥": a section named by its numbers is the item it holds.
    // (An item of that section the question names itself stays: "二、（三）里人才申报怎么说".)
    const section = recognized.offTopicRequest ? undefined : this.sectionNamed(cleanText(text));
    const ownInSection = recognized.confidence === 'high' && section !== undefined && (this.kb.itemById.get(recognized.candidates[0]?.id ?? '')?.source.startsWith(section.source.slice(0, 5)) ?? false);
    if (section && !ownInSection) return { ...recognized, intent: 'policy_question', intentScore: Math.max(recognized.intentScore, 0.7), confidence: 'high', candidates: [{ id: section.id, title: section.title, score: 1 }], topics: [section.id], namesTopic: true, followUp: undefined };
    return recognized.intent === 'none' && !recognized.offTopicRequest ? (this.sameAsOutside(recognized, messageEntities) ?? recognized) : recognized;
  }

  /**
   * "汇计划和那个小巨人三年行动计划，文号分别是什么": two things asked the same attribute, 分别 — each asked on
   * its own ("汇计划的文号是什么", "小巨人三年行动计划的文号是什么"), when each is then a clear question of its own.
   */
  private eachSharingAttribute(text: string, entities: Entities): Recognition[] | undefined {
    const m = SHARED_ATTRIBUTE.exec(cleanText(text));
    if (!m) return undefined;
    const [, one, other, attribute, asked] = m;
    const each = [one, other].map((subject) => this.recognizeClause(`${subject.replace(OTHER_FRAME, '')}的${attribute}${asked}`, entities));
    const clear = each.every((q) => q.intent === 'policy_question' && q.confidence === 'high');
    return clear && each[0].candidates[0]?.id !== each[1].candidates[0]?.id ? each : undefined;
  }

  /** The item a section reference names ("第二部分第三条", "二、（三）"): the section's own item before its measures. */
  private sectionNamed(clean: string): KnowledgeItem | undefined {
    const m = SECTION_REF.exec(clean);
    if (!m) return undefined;
    const [part, sub] = [m[1] ?? m[3], m[2] ?? m[4]].map((n) => CHINESE_DIGITS[Number(n) - 1] ?? n);
    const held = this.kb.items.filter((i) => i.source.startsWith(`${part}、（${sub}）`));
    // ("第二部分第四条最后那段讲资源集约利用评价": a measure of the section the text names is the one meant.)
    const namedInIt = held.find((i) => i.kind === 'measure' && [i.title, ...i.keywords].some((k) => [...k].length >= 3 && clean.includes(cleanText(k))));
    return namedInIt ?? held.find((i) => i.kind !== 'measure') ?? held[0];
  }

  /**
   * "汇计划是不是就是高新技术企业认定那个政策", "沙龙跟瞪羚企业俱乐部的活动是一回事吗": something of the programme asked
   * whether it is a thing the programme does not name — what it is, said to be another thing (comparedWith).
   */
  private sameAsOutside(r: Recognition, messageEntities?: Entities): Recognition | undefined {
    const m = SAME_AS.exec(cleanText(r.text));
    if (!m) return undefined;
    const [ours, other] = [m[1] ?? m[3], (m[2] ?? m[4]).replace(OTHER_FRAME, '')];
    if (!ours || !other) return undefined;
    // ("汇计划是不是已经停了": what it is asked to be is a state, not another thing.)
    if (STATE_NOT_THING.test(other)) return undefined;
    const theirs = this.recognizeClauseAlone(other, messageEntities);
    if (theirs.intent === 'policy_question' && theirs.confidence === 'high') return undefined;
    // (What was just talked about, pointed at, is the topic: a follow-up.)
    if (POINTED_SUBJECT.test(ours)) return { ...r, intent: 'policy_question', intentScore: Math.max(r.intentScore, 0.7), candidates: [], topics: undefined, namesTopic: false, followUp: true, comparedWith: other };
    const own = this.recognizeClauseAlone(ours, messageEntities);
    if (own.intent !== 'policy_question' || own.confidence !== 'high') return undefined;
    return { ...own, text: r.text, comparedWith: other };
  }

  private recognizeClauseAlone(text: string, messageEntities?: Entities, analysed?: Analysis): Recognition {
    // A clause comes from the message's cleaned, fixed text.
    const asTyped = analysed ?? this.analyzer.analyze(text, messageEntities !== undefined);
    const own = analysed && messageEntities ? messageEntities : this.entities.extract(asTyped.clean, this.now());
    const merged = messageEntities && messageEntities !== own ? mergeEntities(messageEntities, own, EACH.test(asTyped.clean)) : own;
    // ("如果评上省级要咋整" asks how to get there: a goal.)
    const supposed = (own.aimedHonourLevels?.length ?? 0) > 0 && this.entities.supposes(asTyped.clean) && !HOW_TO_GET.test(asTyped.clean);
    // ("我们是省级…如果换成国家级，待遇有啥不同": the supposed honour compared with the one stated — both.)
    const compared = supposed && COMPARES.test(asTyped.clean) ? [...new Set([...(merged.honourLevels ?? []), ...(own.aimedHonourLevels ?? [])])] : undefined;
    const entities = supposed ? { ...merged, honourLevels: compared ?? own.aimedHonourLevels } : merged;
    const base = { text, normalized: asTyped.normalized, entities };
    const a = this.withoutProgrammeScope(asTyped);
    // (Something typed that reads as nothing — only a WeChat emoji, "[微笑]" — is unreadable, not empty.)
    if (!a.clean) return { ...base, intent: 'none', intentScore: 0, candidates: [], confidence: 'low', inputProblem: text.trim() ? 'unreadable' : 'empty' };
    if (a.meaningless) return { ...base, intent: 'none', intentScore: 0, candidates: [], confidence: 'low', inputProblem: 'unreadable' };

    const assessment = assess(withoutUnaskedTier(this.retriever.retrieve(a), a.clean));
    const named = this.retriever.namedItems(a, this.aspectWords);
    // ("还有其他级别的呢": the levels are no question of the tiers — the last topic for the levels not asked.)
    if (OTHER_LEVELS.test(a.clean)) named.delete(this.tierItemId ?? '');
    const ordinal = named.size === 0 ? ordinalOf(a) : undefined;
    const sameHui = named.size === 0 && asksSameHui(a);
    const afterJoining = AFTER_JOINING.test(a.clean) && !this.namesMeasureByName([...named], a.clean);
    const followUp =
      isFollowUp(a, entities, this.informativeWordCount(a)) ||
      // "要是2022年认定的呢，现在还能享受吗": a follow-up, then whether it still holds.
      this.followUpBeforeStillHolds(a, entities, named.size) ||
      // ("那人才对接这项工作呢": the topic pointed at as "this work" is the topic alone.)
      this.followUpWithoutPointer(a, entities) ||
      // "那假如将来拿下省级呢": only an honour supposed, the last question asked of it.
      (supposed && named.size === 0 && /呢[？?]*$/u.test(a.clean)) ||
      this.asksAspectOnly(a, assessment) ||
      (named.size === 0 && (asksSupportForAnotherHonour(a, own) || asksAlsoOfLastTopic(a))) ||
      // (Described by its standing — 培育库, no honour — the tier those words name is whom it asks for, not the topic.)
      ([...named].every((id) => id === this.tierItemId) && asksAlsoForDescribed(a)) ||
      ordinal !== undefined ||
      sameHui ||
      // "进去以后有哪些服务", "去了有啥好处": once in what was just talked about (naming no measure of its own).
      afterJoining ||
      // "网址多少", "截止时间呢": a detail the policy never gives, asked of what was just talked about.
      // (Named by a noun of its own: a way of asking — 多大, 多少钱 — names no detail.)
      (named.size === 0 && [...a.clean].length <= MAX_UNLISTED_FOLLOW_UP && this.unlistedCues.some((d) => !d.with && d.cues.some((c) => namesDetail(c) && a.normalized.includes(c))));
    // In a clause of a longer message, the message's facts decide the tier only for a clause that asks it.
    const clauseOfMessage = messageEntities !== undefined && analysed === undefined;
    let decided = this.decideIntent(a, entities, assessment, followUp, clauseOfMessage && !ASKS_TIER.test(a.clean));
    // "那二类客户能享受吗": another tier, asked whether it may, going on from the last answer — of the topic just talked
    // about, not what the tier gets in general.
    if (decided.intent === 'what_support' && opensFromLastAnswer(a.clean) && TIER_NAMED.test(a.clean) && !QUESTION_WORD.test(a.clean) && [...a.normalized].length <= MAX_MAY_WE_OWN_TIER && asksWhetherMay(a.normalized)) {
      decided = { intent: 'policy_question', score: decided.score };
    }
    // "汇计划有培训吗": what the programme has is asked, not which activities are on (no rule said so).
    // ("汇计划有没有面向专精特新企业的培训安排": so even where a rule read 培训安排 — only a time asked, "汇计划最近有培训吗",
    // asks what is on.)
    if (decided.intent === 'list_activities' && (decided.score < 1 || !ACTIVITY_TIME.test(asTyped.clean)) && PROGRAMME_HAS.test(asTyped.clean) && assessment.level !== 'low') {
      decided = { intent: 'policy_question', score: assessment.ranked[0]?.confidence ?? decided.score };
    }
    let candidates = this.candidates(assessment, decided.tierQuestion === true);
    candidates = this.measureBeforeItsHui(this.measureBeforeItsUnit(candidates, named, a), named);
    // A question naming one item by its own specific keyword is about that item, though the classifier
    // leans that way too weakly to decide ("汇计划的主要目标是什么"). Unknown words ("独角兽", "报名表在哪下载")
    // keep the classifier's none firm, and the honest fallback stands.
    let top = assessment.ranked[0];
    // ("知识产权保护这项排在第一位的责任单位是谁": the measure named leads its unit's item, and is what is judged.)
    if (top && candidates[0] && candidates[0].id !== top.item.id && named.has(candidates[0].id)) top = assessment.ranked.find((r) => r.item.id === candidates[0].id) ?? top;
    // "专场招聘具体是几月几号办", "培训班是线上还是线下": what is named by name leads, not what the way of
    // asking names (the question word "几月几号", the form's words 线上/线下 in the job fair's keywords).
    if (!decided.tierQuestion && named.size && candidates.length && this.retriever.namedByAskingOnly(a, this.aspectWords).has(candidates[0].id)) {
      candidates = [...candidates.filter((c) => named.has(c.id)), ...candidates.filter((c) => !named.has(c.id))];
      top = assessment.ranked.find((r) => r.item.id === candidates[0].id) ?? top;
    }
    const byNumber = this.documentNamedByNumber(candidates, a);
    if (byNumber !== candidates) {
      candidates = byNumber;
      top = assessment.ranked.find((r) => r.item.id === candidates[0].id) ?? top;
    }
    const namedClearly = !!top && named.has(top.item.id) && top.keywords >= SPECIFIC_TOPIC && (hasQuestionForm(a.clean) || asksToBeTold(a.clean));
    // A detail the policy never gives, asked of one item named ("苗圃计划每年招多少家企业"): the Q&A says so honestly.
    const asksUnlisted =
      namedClearly && this.asksUnlistedDetail(a.normalized);
    // (A topic outside the programme — knowledge/nlu/out-of-scope.yaml, decided with certainty — stays out.)
    // Named by its full title ("人才对接这一块政策是怎么规定的", "资源集约利用评价那条是哪些单位负责的"),
    // the item is what is asked about though the rest of the words dilute the match.
    // Words the knowledge does not know at all ("报名表在哪下载", "独角兽标准") keep the none firm.
    const byTitle = namedClearly && top.coverage >= TITLED_COVERAGE && (a.normalized.includes(cleanText(top.item.title)) || top.keywords >= STRONG_KEYWORDS);
    // A none the classifier only defaulted to (it leaned to a policy question) is as weak as a titled one.
    // (An aspect asked of it — "亩均评价那个能往上提几档" — is evidence too: the words of asking it are not the knowledge's.)
    // ("培训辅导由什么机构提供", "诊断是哪些专家来做": who delivers it is what the item says of it, not its responsible units.)
    const cued = this.aspectCuedOf(a.normalized, named);
    const askedAspect = cued === 'responsible' && DELIVERED_BY.test(a.normalized) ? undefined : cued;
    const weakNone = byTitle || (decided.byDefault && (top.coverage >= DEFAULT_NONE_COVERAGE || askedAspect !== undefined)) ? TITLED_WEAK_NONE : WEAK_NONE;
    if (decided.intent === 'none' && !decided.request && decided.score < 1 && namedClearly && (decided.score < weakNone || asksUnlisted)) decided = { intent: 'policy_question', score: top.confidence };
    // "整个汇计划下面一共有多少条具体措施": (nearly) every word is the item's and one of its own parts is asked for by
    // its asking cue — the item is what is asked, however the extra function words thinned the score.
    const partAsked = decided.intent === 'none' && decided.byDefault === true && !!top && top.coverage >= PART_ASKED_COVERAGE && this.selectsFacetOf(top.item, a, true);
    if (partAsked) decided = { intent: 'policy_question', score: top.confidence };
    // "大型企业可以享受深度诊断吗", "没入库能参加沙龙吗": the programme's scope answers it, whatever
    // else the question's words cover — about the measure named, or the programme itself.
    // Asked of an enterprise described without an honour ("没评上专精特新的企业能参加沙龙吗"), the scope
    // answers too: the pool decides. (Asked of our own, the advisor asks whether we are in the pool.)
    const describedWithoutHonour = noHonourNorPool(entities) && !asksWhetherWeMay(a.normalized);
    // "汇计划我们能参加吗": whether the programme itself is for us — its 培育对象 answer (with a verdict when the facts decide the tier).
    const ofProgramme = PROGRAMME_ITSELF.test(a.clean) && [...named].every((id) => !['measure', 'hui'].includes(this.kb.itemById.get(id)?.kind ?? ''));
    // (A place elsewhere reads like another region's policy; asked of this programme, it is its scope.)
    const outsider = (!decided.request || (entities.outsidePark === true && ofProgramme)) && (outsideProgramme(entities) || describedWithoutHonour || ofProgramme) && asksWhetherMay(a.normalized);
    if (outsider) {
      decided = { intent: 'policy_question', score: 1 };
      if (named.size === 0) candidates = [{ id: this.tierItemId, title: this.kb.itemById.get(this.tierItemId)?.title ?? '', score: 1 }];
      else candidates = candidates.filter((c) => named.has(c.id)).concat(candidates.filter((c) => !named.has(c.id))).slice(0, CANDIDATES);
    }
    // "国家级和市级有啥区别", "我们是省级，跟国家级的有区别吗": honour levels compared, nothing else named — the tiers.
    const levelsCompared =
      new Set([...(own.honourLevels ?? []), ...(messageEntities?.honourLevels ?? [])]).size >= 2 &&
      (own.honourLevels?.length ?? 0) > 0 &&
      !decided.request &&
      COMPARES.test(a.clean) &&
      // ("市级和区级加分一样吗": an aspect of a measure compared — its points — is not the tiers.)
      askedAspect === undefined &&
      [...named].every((id) => this.kb.itemById.get(id)?.kind === 'tier');
    if (levelsCompared) {
      decided = { intent: 'policy_question', score: 1 };
      candidates = this.leading(this.tierItemId, candidates);
    }
    // An honour named as a goal ("准备申报省级", "还能申请市级的吗"), no measure named: the topic is how
    // the programme helps an enterprise apply for honours (the item knowledge marks `resolver: aim`).
    // (A goal stated elsewhere in the message is not what a follow-up or an aspect clause asks of: "一年办几次，…
    // 另外我们明年还想申报市级" asks how often the job fair runs; "明年冲市级…有没有专门开的课" asks for the training its words match well.)
    // (A supposed honour — "那要是升到国家级呢" — is a condition of the question, not a goal to apply for.)
    const aimStated = !supposed && ((own.aimedHonourLevels?.length ?? 0) > 0 || ((entities.aimedHonourLevels?.length ?? 0) > 0 && !followUp && !askedAspect && assessment.level !== 'high'));
    const aimItem = this.aimItemId && !decided.request && aimStated && !ASKS_TIER.test(a.clean) && [...named].every((id) => this.kb.itemById.get(id)?.kind === 'tier') ? this.aimItemId : undefined;
    if (aimItem && ['policy_question', 'none', 'what_support', 'which_tier'].includes(decided.intent)) {
      decided = { intent: 'policy_question', score: Math.max(decided.score, 0.7) };
      named.add(aimItem);
      candidates = this.leading(aimItem, candidates);
    }
    // "三类能加分吗", "入库培育企业能加分吗": only the tiers named, and an aspect one measure alone states (加分) —
    // that measure, asked of the tier.
    const stating = askedAspect && !decided.request && !ASKS_WHICH_TIER.test(a.clean) && named.size > 0 && [...named].every((id) => this.kb.itemById.get(id)?.kind === 'tier') ? this.onlyMeasureStating(askedAspect) : undefined;
    if (stating && ['policy_question', 'none'].includes(decided.intent)) {
      decided = { intent: 'policy_question', score: Math.max(decided.score, 0.7) };
      named.add(stating);
      candidates = this.leading(stating, candidates);
    }
    // "上一条里提到的上市培育，企业能享受什么": what a measure named gives, asked of no enterprise of ours — what it is.
    const measureNamed = [...named].some((id) => this.kb.itemById.get(id)?.kind === 'measure');
    if (decided.intent === 'what_support' && measureNamed && !OWN_SUPPORT.test(a.normalized) && !asksOwnEligibility(a.normalized) && !canDecideTierOf(entities) && !decided.request) {
      decided = { intent: 'policy_question', score: Math.max(decided.score, 0.7) };
    }
    // "专精特新企业能享受哪些人才政策": the support of one 汇, asked of no enterprise described — the 汇's measures.
    const fieldHui = decided.intent === 'what_support' && !canDecideTierOf(entities) ? this.huiOfField(a.clean) : undefined;
    if (fieldHui) {
      decided = { intent: 'policy_question', score: Math.max(decided.score, 0.7) };
      named.add(fieldHui.id);
      candidates = this.leading(fieldHui.id, candidates);
    }
    // "我们是区级专精特新，人才方面能享受哪些支持", "人才汇里我们能享受哪些": one 汇's support asked by our own
    // enterprise — the advisor's answer for that 汇, each measure judged for us, not the 汇 described.
    // ("属于一类" then "这类企业在人才上有啥优先的": the class just told, in a message telling none, is ours.)
    // ("区级专精特新，600人，…，融资和上市这块能享受什么": our honour told before, in the message, the clause asks for us.)
    const oursTold = clauseOfMessage && !own.honourLevels?.length && !own.inPool && ((messageEntities?.honourLevels?.length ?? 0) > 0 || messageEntities?.inPool === true) && ENJOY_WHICH.test(a.clean);
    const ownHui = !decided.request && !fieldHui && (OWN_SUPPORT.test(a.normalized) || oursTold || (THIS_CLASS_OPENING.test(a.clean) && !entities.honourLevels?.length)) && (SUPPORT_IN_GENERAL.test(a.clean) || ENJOY_WHICH.test(a.clean)) ? (this.huiOfField(a.clean) ?? this.huiNamed(assessment, named) ?? this.huiCovering(named)) : undefined;
    // ("…在金融方面对专精特新企业贷款有什么支持": a measure of that 汇 named by its own words — 贷款 — is what is asked.)
    const ownMeasure = ownHui ? this.measureNamedIn(ownHui.id, named, a.clean.replace(FIELD_NAMED, '')) : undefined;
    if (ownHui && ['policy_question', 'what_support', 'none'].includes(decided.intent)) {
      decided = { intent: 'what_support', score: 1 };
      named.add(ownHui.id);
      candidates = this.leading(ownMeasure ?? ownHui.id, candidates);
    }
    // "二类企业能享受哪些支持", "三类有啥", "一类企业在金融方面有什么支持": a tier's support asked in general, the
    // tier all that is named (or a 汇 besides) — the advisor's answer for the tier, or for the tier in that 汇.
    // (A measure named only by the support asked — "有啥好处", 好处 a word of the evaluation — is no topic of its own.)
    const onlyBySupportWords = () => {
      const rest = a.clean.replace(TIER_SUPPORT_ASKED.exec(a.clean)?.[0] ?? '', '');
      return [...named].every((id) => ['tier', 'hui'].includes(this.kb.itemById.get(id)?.kind ?? '') || !this.wordsOf(id).some((w) => rest.includes(w)));
    };
    // (Cheap tests first: the words of the items named are read only for a question that names a tier and asks support.)
    const tierSupport = !ownHui && !decided.request && !askedAspect && !followUp && named.size > 0 && (TIER_SUPPORT_ASKED.test(a.clean) || ENJOY_WHICH.test(a.clean)) &&
      !ASKS_WHICH_TIER.test(a.clean) && !COMPARES.test(a.clean) && tiersNamedIn(a.clean, this.kb).length > 0 && onlyBySupportWords();
    if (tierSupport && ['policy_question', 'what_support', 'none'].includes(decided.intent)) {
      decided = { intent: 'what_support', score: 1 };
      const hui = this.huiOfField(a.clean) ?? this.huiNamed(assessment, named);
      if (hui) {
        named.add(hui.id);
        candidates = this.leading(hui.id, candidates);
      }
    }
    // "市级专精特新企业有什么支持", "入库培育的企业能享受哪些政策": a kind of enterprise named by its honour or the pool,
    // of no enterprise of ours — the support of the tier that kind belongs to, as for a tier named.
    const kindTier = !tierSupport && !ownHui && !decided.request && !askedAspect && !followUp && !OWN_SUPPORT.test(a.normalized) && !COMPARES.test(a.clean) ? this.kindTierAsked(a.clean, own, named) : undefined;
    if (kindTier !== undefined && ['policy_question', 'what_support', 'none', 'which_tier'].includes(decided.intent)) {
      decided = { intent: 'what_support', score: 1 };
      candidates = [];
      named.clear();
    }
    // "汇计划中我们可以享受哪些": what our enterprise may get, the noun left out and nothing named — the advisor.
    // ("那它能享受啥", "那这类企业能享受什么": the enterprise or class just judged — the advisor finds which.)
    const ownEnjoy = !ownHui && !decided.request && named.size === 0 && (!followUp || CLASS_OR_IT_OPENING.test(a.clean)) && (OWN_SUPPORT.test(a.normalized) || CLASS_OR_IT_OPENING.test(a.clean)) && ENJOY_WHICH.test(a.clean) && (decided.intent === 'none' || (decided.intent === 'policy_question' && assessment.level !== 'high'));
    if (ownEnjoy) decided = { intent: 'what_support', score: 0.8 };
    // "专精特新企业有什么支持", "园区对专精特新企业有哪些扶持政策": the programme's support in general words,
    // naming nothing else and asked of no enterprise of ours — the overview of its five 汇. (Anything more
    // named — 税收, 上海 — keeps the honest fallback.)
    // (In a longer message a background may lend the question its topic first: see asProgrammeSupport.)
    const weakGuess = (decided.intent === 'none' && decided.byDefault === true) || (decided.intent === 'policy_question' && assessment.level === 'low');
    const programmeSupport = !clauseOfMessage && weakGuess && !decided.request && named.size === 0 && !followUp && this.asksProgrammeSupport(a.clean, a.normalized, entities);
    if (programmeSupport && this.overviewItemId) {
      decided = { intent: 'policy_question', score: 1 };
      named.add(this.overviewItemId);
      candidates = this.leading(this.overviewItemId, candidates);
    }
    // "汇计划是干嘛的", "汇计划是啥": the programme's own name is all the question names — what it is.
    // ("专精特新到底指什么", "啥叫小巨人": a term the policy uses everywhere, asked alone — the item on the term.)
    // (A term's description asked is a question of its own in any message: "…？文件里对小巨人企业是怎么描述的？")
    const nameAsked = (!clauseOfMessage || DEFINING.test(a.clean)) && !programmeSupport && !followUp && !askedAspect && !decided.request && named.size === 0 && WHAT_IT_IS.test(a.clean) ? this.onlyNameAsked(a) : undefined;
        if (nameAsked) {
      decided = { intent: 'policy_question', score: 1 };
      named.add(nameAsked);
      candidates = this.leading(nameAsked, candidates);
    }
    const aspect = askedAspect;
    // "培训在哪报名": how to join an activity, and the one place the policy says it for all activities —
    // the activity named and that place are one answer, not two readings to choose from.
    const joinCarrier = aspect ? this.kb.aspects.find((x) => x.id === aspect)?.activitiesAnsweredBy : undefined;
    const joinsActivity = joinCarrier !== undefined && assessment.level === 'ambiguous' && candidates.slice(0, 2).some((c) => c.id === joinCarrier) && candidates.slice(0, 2).some((c) => {
      const item = this.kb.itemById.get(c.id);
      return item !== undefined && named.has(c.id) && (item.eligibility?.activityType !== undefined || item.joinedAsActivity === true);
    });
    if (joinsActivity) candidates = [...candidates.filter((c) => c.id !== joinCarrier && named.has(c.id)).slice(0, 1), ...candidates.filter((c) => c.id === joinCarrier || !named.has(c.id))].slice(0, CANDIDATES);
    // "我们也能享受吗": whether we may, of no topic named — the topic is the one just talked about.
    // "要交钱吗": an aspect, short, naming nothing else — about the topic just talked about.
    // Opened by 那, a longer one too ("那什么样的企业能被推荐参加"): its other words are the question's scaffolding.
    const aspectLength = [...a.normalized].length;
    // (The words beyond the aspects, worked out once and only when wanted.)
    let beyond: string[] | undefined;
    const wordsBeyond = () => (beyond ??= this.wordsBeyondAspects(a));
    const aspectOnly =
      !followUp && !!aspect && named.size === 0 && (aspectLength <= MAX_ASPECT_ONLY || (aspectLength <= MAX_LED_ASPECT_ONLY && (opensFromLastAnswer(a.clean) || (this.onlyAspectWords(a) && !ASKS_TIER.test(a.clean))))) && wordsBeyond().length === 0;
    // ("我们三类的能去吗": the tier is what we are, not what is asked about.)
    // (So is "培育库企业能参加吗": the enterprise it asks for, described by its tier or pool.)
    const describedByTier = OWN_SUPPORT.test(a.normalized) || own.inPool === true || (own.honourLevels?.length ?? 0) > 0 || TIER_NAMED.test(a.clean);
    const ownTierOnly = named.size > 0 && [...named].every((id) => this.kb.itemById.get(id)?.kind === 'tier') && describedByTier && !ASKS_WHICH_TIER.test(a.clean);
    const mayWeOfLastTopic =
      !followUp &&
      !outsider &&
      (named.size === 0 || ownTierOnly) &&
      !decided.request &&
      (decided.intent === 'policy_question' || decided.intent === 'none') &&
      [...a.normalized].length <= (ownTierOnly ? MAX_MAY_WE_OWN_TIER : MAX_MAY_WE) &&
      asksWhetherMay(a.normalized);
    return {
      ...base,
      // ("我们去了能得到啥": what taking part in the topic just talked about brings, not what we may get in general.)
      intent: afterJoining && decided.intent === 'what_support' ? 'policy_question' : decided.intent,
      intentScore: Number(decided.score.toFixed(3)),
      candidates,
      confidence: decided.tierQuestion || partAsked || nameAsked !== undefined || outsider || aimItem || stating || levelsCompared || joinsActivity || programmeSupport || (namedClearly && decided.intent === 'policy_question') ? 'high' : assessment.level,
      ...(followUp || aspectOnly || mayWeOfLastTopic ? { followUp: true } : {}),
      ...(decided.request ? { offTopicRequest: true } : {}),
      ...(aspect ? { aspect } : {}),
      // ("具体能帮啥" after "哪个部门管": what the topic does is asked, not the last aspect again.)
      ...(afterJoining || (named.size === 0 && CONTENT_ASKED.test(a.clean)) ? { offerAsked: true } : {}),
      // ("谁负责搭建的": a short aspect question naming nothing — the words besides the aspect, which may be the last topic's own.)
      ...(aspect && named.size === 0 && aspectLength <= MAX_LED_ASPECT_ONLY ? { wordsBeyondAspect: wordsBeyond() } : {}),
      // ("能享受什么支持": support asked in general names no measure, however well its words match one.)
      namesTopic:
        !(mayWeOfLastTopic && ownTierOnly) &&
        // ("一类企业在人才对接上有什么优先？" → "那二类企业呢": the tier named is whom the last topic is asked of.)
        !(followUp && ownTierOnly) &&
        !(followUp && saysOnlyFacts(a, entities)) &&
        !afterJoining &&
        !(decided.intent === 'what_support' && named.size === 0) &&
        (named.size > 0 || decided.tierQuestion === true || (assessment.level === 'high' && wordsBeyond().length > 0)),
      ...(named.size ? { topics: [...named] } : {}),
      ...(kindTier !== undefined && decided.intent === 'what_support' ? { kindTier } : {}),
      // ("那我们要怎么进这个名单": a thing pointed at inside the question, nothing named — the last topic's.)
      ...((REFERENCE.test(a.clean) && !this.pointsAtNamed(a.clean, named)) || (named.size === 0 && POINTED_THING.test(a.clean)) ? { reference: true } : {}),
      ...(ordinal !== undefined ? { ordinal } : {}),
      ...(sameHui ? { sameHui } : {}),
      dependsOnFacts: decided.tierQuestion === true || outsider || mayWeOfLastTopic || asksWhetherWeMay(a.normalized) || ((followUp || aspectOnly) && (entities.honourLevels?.length ?? 0) > 0),
    };
  }

  /**
   * The tier of a kind of enterprise a support question is asked of: the question opens with the kind, named by an
   * honour or the pool (a place or "获得" before it), and asks nothing but what it gets. Undefined when the kind
   * spans tiers ("国家级和市级企业") or something else is named besides.
   */
  private kindTierAsked(clean: string, own: Entities, named: Set<string>): number | undefined {
    const m = KIND_SUBJECT.exec(clean);
    if (!m || !(TIER_SUPPORT_ASKED.test(m[2]) || ENJOY_WHICH.test(m[2])) || !SUPPORT_ASKED_FIRST.test(m[2])) return undefined;
    const levels = own.honourLevels ?? [];
    if (!levels.length && !own.inPool) return undefined;
    if ([...named].some((id) => !['tier', 'overview'].includes(this.kb.itemById.get(id)?.kind ?? '') && id !== this.tierItemId)) return undefined;
    const tiers = new Set(levels.map((l) => tierForHonours([l], this.kb).id));
    if (tiers.size > 1) return undefined;
    return tiers.size ? [...tiers][0] : tierForHonours([], this.kb).id;
  }

  /**
   * Whether facts given next change the answer: the tier, the support, an item whose answer varies with
   * the facts, or what the question itself reasons on (its honour, whether we may) — decided once the
   * message's questions have their final topics (a background may lend one).
   */
  private withDependence(r: Recognition): Recognition {
    const item = r.intent === 'policy_question' && r.candidates[0] ? this.kb.itemById.get(r.candidates[0].id) : undefined;
    const depends = r.dependsOnFacts === true || r.intent === 'which_tier' || r.intent === 'what_support' || (item !== undefined && dependsOnFacts(item));
    return { ...r, dependsOnFacts: depends };
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
  private namesJudgedMeasure(assessment: Assessment, byKeyword = false): boolean {
    const top = assessment.ranked[0];
    // Asked by name ("培训班我们能报吗"), the measure's own keyword is enough though the wording is unlike its examples.
    return (assessment.level !== 'low' || byKeyword) && !!top && !!top.item.eligibility && top.item.kind !== 'tier' && top.keywords >= SPECIFIC_TOPIC;
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
    return this.informativeWordCount(this.analyzer.analyze(rest, true)) === 0;
  }

  /**
   * The words of a question that name something beyond the aspects it asks ("谁负责搭建的": 搭建; "哪天印发的" names
   * what it is about, "是线上还是线下的" nothing).
   */
  private wordsBeyondAspects(a: Analysis): string[] {
    let rest = a.normalized;
    for (const c of this.aspectCues) if (rest.includes(c.cue)) rest = rest.split(c.cue).join(' ');
    // ("哪一级的专精特新企业优先": 哪 and its measure word ask; the segmenter's 一级 is no word of a topic.)
    rest = rest.replace(WHICH_OF_KIND, ' ');
    // ("那要什么条件才能享受呢": getting it, said after the aspect, names nothing.)
    rest = rest.replace(TAKING_IT, ' ');
    // A topic is named by a word of two or more characters that asks nothing itself: "归哪个单位管"
    // leaves 归 and 管, "由谁来管" leaves 由谁来, "多久办一次" leaves 一次 — scaffolding of the question, not what it is about.
    const words = this.analyzer.analyze(rest, true).words.filter((w) => !this.analyzer.isStopword(w) && [...w].length >= 2 && !INTERROGATIVE.test(w) && !QUANTITY.test(w));
    return words.filter((w) => this.retriever.specificity(w) >= TOPIC_WORD_SPECIFICITY);
  }

  /**
   * The text asks for a detail the policy never gives (its `with` word too, when it has one); `paired`: only
   * the details asked with such a word ("港资" with 能参加).
   */
  private asksUnlistedDetail(normalized: string, paired = false): boolean {
    return this.unlistedCues.some(
      (d) => (!paired || d.with !== undefined) && (d.cues.some((c) => normalized.includes(c)) || (d.patterns ?? []).some((p) => p.test(normalized))) && (!d.with || d.with.some((w) => normalized.includes(w))),
    );
  }

  /**
   * The aspect the question's words ask. A cue said only as an attribute of the thing named ("免费深度诊断每家一年能做几次":
   * 免费 before 深度诊断) asks nothing when another aspect is asked as well.
   */
  private aspectCuedOf(normalized: string, named: ReadonlySet<string>): string | undefined {
    // ("有没有线上平台能让我们发需求": an aspect word describing a channel asks no aspect.)
    const found = this.aspectCues.filter((c) => normalized.includes(c.cue) && !describesChannel(normalized, c.cue));
    if (found.length < 2) return found[0]?.aspect;
    const names = [...named].flatMap((id) => {
      const item = this.kb.itemById.get(id);
      return item ? [item.title, ...item.keywords].map(cleanText) : [];
    });
    const attributive = (cue: string) => {
      for (let at = normalized.indexOf(cue); at >= 0; at = normalized.indexOf(cue, at + 1)) {
        const end = at + cue.length;
        if (!names.some((n) => normalized.startsWith(n, end) || normalized.startsWith(`的${n}`, end))) return false;
      }
      return true;
    };
    return (found.find((c) => !attributive(c.cue)) ?? found[0]).aspect;
  }

  /** Nothing but aspect words and function words ("一般是线上还是线下办"): a longer aspect-only question. */
  private onlyAspectWords(a: Analysis): boolean {
    let rest = a.normalized;
    for (const c of this.aspectCues) if (rest.includes(c.cue)) rest = rest.split(c.cue).join(' ');
    return rest !== a.normalized && this.informativeWordCount(this.analyzer.analyze(rest, true)) === 0;
  }

  private followUpWithoutPointer(a: Analysis, entities: Entities): boolean {
    if (!POINTED_WORK.test(a.clean)) return false;
    const h = this.analyzer.analyze(a.clean.replace(POINTED_WORK, ''));
    return isFollowUp(h, entities, this.informativeWordCount(h));
  }

  private followUpBeforeStillHolds(a: Analysis, entities: Entities, named: number): boolean {
    const head = named === 0 ? beforeStillHolds(a.clean) : undefined;
    if (!head) return false;
    // (The tail that asks whether it still holds ends the head as 呢 would: "如果我们是2020年获评，是否仍可享受".)
    // ("我们是2020年认定的国家级小巨人，还适用吗": our facts alone, then whether it still holds — as if opened by 那.)
    const opened = /^(?:那|如果|要是|假如|若是|换成)/u.test(head) ? head : `那${head}`;
    const h = this.analyzer.analyze(/(?:呢|的话)$/u.test(opened) ? opened : `${opened}呢`);
    return isFollowUp(h, entities, this.informativeWordCount(h));
  }

  /**
   * The item a question asks what-it-is of when all it names is the programme (汇计划 → the overview) or a
   * term the policy uses throughout (专精特新 → the item on the term); undefined when it names more.
   */
  private onlyNameAsked(a: Analysis): string | undefined {
    const words = a.words.filter((w) => !this.analyzer.isStopword(w) && !INTERROGATIVE.test(w) && !DEFINING_WORD.test(w));
    if (words.length > 0 && words.every((w) => this.programmeNames.has(w))) return this.overviewItemId;
    // (The term's words are function words — 专精特新 — or honours — 小巨人: whatever is informative must be one of them.)
    const term = this.termItems.find((t) => t.words.some((w) => a.clean.includes(w)));
    // ("文件里对小巨人企业是怎么描述的": where it is said names no more.)
    return term && words.every((w) => term.words.some((x) => x.includes(w)) || this.documentWords.has(w)) ? term.id : undefined;
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
    /** the honours in the entities are the message's facts, not this question's */
    factsOnly = false,
  ): IntentScore & { tierQuestion?: boolean; request?: boolean; byDefault?: boolean } {
    const canDecideTier = (e: Entities) => !factsOnly && canDecideTierOf(e);
    // A button the dialogs rendered says exactly where it goes, whatever its title contains.
    const button = this.rules.button(a.clean);
    if (button) return { intent: button, score: 1 };
    // A correction in the message's facts ("说错了，我们是省级的，那能享受哪些支持") does not make its question a tier question.
    if (!factsOnly && this.correctsTierFacts(entities, assessment)) return { intent: 'which_tier', score: 1 };
    // "没有荣誉也没进培育库，算哪一类": the facts decide the tier asked.
    if (!factsOnly && ASKS_WHICH_TIER.test(a.clean) && canDecideTier(entities)) return { intent: 'policy_question', score: 1, tierQuestion: true };
    // "我们是市级专精特新": the user tells their honour; the tier it gives is the useful answer.
    if (statesOwnFacts(a.clean) && canDecideTier(entities)) return { intent: 'policy_question', score: 1, tierQuestion: true };
    // A conversational opener ("那我们能享受哪些支持", "另外…") does not hide the request.
    const ruled = this.rules.match(a.clean.replace(OPENER, ''), (intent) => !this.carriesOtherContent(a, intent));
    // Chit-chat, questions about the assistant itself, tasks (翻译, 写一份) and other regions' policies.
    if (ruled === 'none') return { intent: 'none', score: 1, request: true };
    // "我们能参加人才对接吗", "园区的培训班我们能报吗": whether we may, of a measure the advisor judges.
    // (Asked of a part the measure's own facets answer — "能当智改数转的服务商吗" — it is a policy question.)
    // ("港资企业能参加沙龙吗": a trait the policy never speaks of is what is asked — the honest answer, not the advisor.)
    const asksUnlistedTrait = this.asksUnlistedDetail(a.normalized, true);
    if (!ruled && asksWhetherWeMay(a.clean) && this.namesJudgedMeasure(assessment, true) && !this.selectsFacetOf(assessment.ranked[0].item, a) && !asksUnlistedTrait) {
      return { intent: 'what_support', score: Math.max(0.7, assessment.ranked[0].confidence) };
    }
    // "只是入库培育的企业能享受深度诊断吗": whether an enterprise the question describes may take part — the
    // Q&A answers by the tiers the measure serves (src/advisor/conditions.ts `served`).
    if (!ruled && describesEnterprise(entities) && asksWhetherMay(a.clean) && this.namesJudgedMeasure(assessment, true)) {
      return { intent: 'policy_question', score: Math.max(0.7, assessment.ranked[0].confidence) };
    }
    if (ruled === 'which_tier' && canDecideTier(entities)) return { intent: 'policy_question', score: 1, tierQuestion: true };
    if (ruled === 'what_support' && this.namesMeasure(assessment)) return { intent: 'policy_question', score: assessment.ranked[0].confidence };
    if (ruled) return { intent: ruled, score: 1 };
    if (this.outOfScope.some((t) => a.clean.includes(t))) return { intent: 'none', score: 1 };
    const top = assessment.ranked[0];
    const knowledge = assessment.level === 'low' ? 0 : (top?.confidence ?? 0);
    if (followUp) return { intent: 'policy_question', score: Math.max(knowledge, 0.5) };

    // ("…想给中层搞培训 有没有": whether there is one asks of what was said before it — no example's request.)
    if (BARE_EXISTENCE.test(a.clean)) return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 0, byDefault: true };
    const [classified] = this.classifier.classify(a);
    // A social intent whose message asks about something else is no evidence either way.
    const best = classified && SOCIAL_INTENTS.has(classified.intent) && this.carriesOtherContent(a, classified.intent) ? undefined : classified;
    if (!best) return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 0 };
    // "参加这个活动要交钱吗": a question about an action, not a request to do it (a request in question
    // form asks someone to do it: "能帮我报个名吗"); no pattern named the request.
    if (ASKED_NOT_REQUESTED.has(best.intent) && hasQuestionForm(a.clean) && !ASKS_TO_DO.test(a.clean)) {
      return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 1 - best.score, byDefault: true };
    }
    if (best.intent !== 'policy_question' && best.intent !== 'none' && best.score < MIN_INTENT) {
      // No intent stands out: the none is only a default, as weak as the classifier's lean was ("诊断完能得到什么").
      return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : { intent: 'none', score: 1 - best.score, byDefault: true };
    }
    switch (best.intent) {
      case 'which_tier':
        // A clause that does not ask the tier is not made a tier question by the message's facts.
        if (factsOnly) return knowledge > 0 ? { intent: 'policy_question', score: knowledge } : best;
        // The honour is in the text: the answer comes from knowledge at once.
        return canDecideTier(entities) ? { intent: 'policy_question', score: best.score, tierQuestion: true } : best;
      case 'policy_question':
        // Leaning to a policy question, with no item matched well enough: a none only by default.
        return knowledge > 0 ? { intent: 'policy_question', score: Math.max(best.score, knowledge) } : { intent: 'none', score: 1 - best.score, byDefault: true };
      case 'none':
        return assessment.level === 'high' && knowledge > best.score ? { intent: 'policy_question', score: knowledge } : best;
      default: {
        if (best.intent === 'what_support' && this.namesMeasure(assessment)) return { intent: 'policy_question', score: knowledge };
        return best.score < WEAK_INTENT && assessment.level === 'high' && knowledge > best.score ? { intent: 'policy_question', score: knowledge } : best;
      }
    }
  }
}

/** Only whether there is such a thing ("有没有", "有吗", "那有没有呢"). */
const BARE_EXISTENCE = /^(?:那|那么)?(?:有没有|有木有|有没|有无|有吗|有么|有不|有不有)(?:呢|啊|呀|哈)?[？?]*$/u;
/**
 * A pronoun for the entity just named: "它的文号", "这个归哪个部门管", "那个计划是哪年的", "他们平时做什么"
 * (服务专员); a short verb may come before 它 ("组建它是为了什么").
 */
/** A question opened by pointing at what was just said ("那个政策有什么补贴"). */
const POINTS_AT_IT = /^(?:那个|这个|那|该|此|它|其)/u;
/** Requests that may follow a background of facts in one message and still be the message's request. */
/** "能的话", "可以的话，": a request's condition that it can be made. */
const IF_SO = /^(?:如果|要是)?[^，,。？?]{0,4}的话[，,]?/u;
/** What "是不是…" asks of when it is a state or a doing ("已经停了", "还在执行", "被取消了"), not a thing. */
const STATE_NOT_THING = /^(?:已经?|还|仍|正在|在|被|停|没|不|要|会|能|可以|过期|失效|作废|废止|取消)/u;
/** One thing asked whether it is another ("A是不是就是B", "A跟B是一回事吗", "A和B有什么区别"). */
const SAME_AS = /^(?:请问)?(.{1,16}?)(?:是不是就是|就是|是不是)(.{2,24}?)[吗么嘛？?]*$|^(?:请问)?(.{1,16}?)(?:跟|和|与|同)(.{2,24}?)(?:(?:是)?(?:一回事|同一个|一个东西|一样|相同)(?:吗|么|嘛|吧|不)?|(?:之间)?(?:有|存在)(?:什么|啥|何|哪些)(?:区别|不同|差别|差异|不一样)|(?:之间)?的?(?:区别|差别|差异)(?:是什么|是啥|在哪里?|在哪儿)?)(?:呢|呀|啊)?[？?]*$/u;
/** Words around the other thing named ("…那个政策", "…的活动"): no part of its name. */
const OTHER_FRAME = /(?:那个|这个)?(?:政策|东西|项目|的活动|活动|的)?$/u;
/** Only whether a request can be made now ("专场招聘会现在能报名吗", "还有名额吗"): it goes with the request. */
const REQUEST_POSSIBLE = /^[^，,。？?]{0,20}(?:现在|目前|还)?(?:能|可以|可)(?:报名|报|参加|预约)(?:了)?(?:吗|么|不)?$|还有名额|能报上吗|开放报名/u;
/**
 * How to make it, asked before the request itself ("定制化培训班怎么报名？我来帮他们报一下": the request is the how).
 * (After a wish — "我想参加，怎么报名" — it asks for the way, and is answered.)
 */
const HOW_TO_REQUEST = /^[^，,。？?]{0,20}(?:怎么|如何|怎样|咋|在哪|在哪里|哪里)(?:报名|报|参加|预约)(?:呢|啊|呀)?$/u;
/** A person asked for in so many words ("帮我转人工吧"), not a 服务专员 talked about ("想找服务专员对接，这个专员由谁明确"). */
const OUTRIGHT_PERSON = /转人工|人工客服|人工服务|找人工|要人工|真人/u;
/** A request made only if the answer does not do ("不行就转人工", "实在不行再找人工"): the question comes first. */
const FAILING_THAT = /^(?:如果|要是|若)?(?:实在)?(?:不行|搞不定|不清楚|答不了|回答不了)(?:的话)?(?:就|再)|^(?:不然|否则|要不然|要不)/u;
/** A clause asking for a person outright, not only if the answer fails. */
function asksPersonOutright(text: string): boolean {
  return OUTRIGHT_PERSON.test(text) && !FAILING_THAT.test(text);
}
const REQUESTS_AFTER_BACKGROUND: ReadonlySet<string> = new Set(['sign_up', 'cancel_signup', 'handoff', 'subscribe', 'my_signups']);
/** How well a measure must match to be what a support question of several enterprises asks about. */
const LISTED_MEASURE_SCORE = 0.5;
/** "哪类企业", "什么样的企业": which enterprises something is for */
const WHICH_ENTERPRISES = /(?:哪类|哪一类|哪些|什么|哪种|什么样的?|啥样的?)(?:企业|公司)/u;
/** a clause describing an enterprise, not ours: "近三年内认定的区级专精特新企业" */
/** A fact clause naming an enterprise, or an honour as what is asked of ("2025年认定的市级专精特新，评价加几分"). */
const DESCRIBED_ENTERPRISE = /(?:企业|公司|单位|专精特新|小巨人)$/u;
/** A description going on without a new subject: a year, 还/也/又 first. */
const DESCRIBING_ON = /^(?:(?:19|20)?\d{2}年|去年|今年|前年|也|还|又|同时|并且|而且)/u;
const REFERENCE = /^(?:那|那么)?(?:(?:(?!其)\p{Script=Han}){1,2}(?=它))?(?:(?:上面|刚才|前面)(?:说|讲|提)的?(?:这个|那个)?|这事|这件事|这个事|那件事|它|它们|(?:他们|她们)(?!(?:家|公司|企业)?(?:也|还|都|就|现在|目前)?(?:能|可以|可|会)?(?:享受|属于|算|符合|参加|申请|获得|拿到|归为|有(?:啥|什么|哪些)(?:支持|政策|扶持)))|该|此|其(?![实他它中余次])|这一?项|那一?项|这一?条|那一?条|这一?块|那一?块|这部分|这方面|(?:这|那)个?(?:计划|措施|服务|活动)|(?:这|那)个(?!文件|方案|政策|通知|汇计划|专项行动)|(?:这|那)(?=是(?:谁|哪|什么|啥|多少|几|怎么)))/u;

/** A question whose subject is the enterprise: what it may get, join or is (享受, 参加, 属于, 加几分, 能…). */
/** Which of the programme's measures or 汇 something is ("属于哪一项措施", "是哪个汇的"). */
const MEASURE_IT_BELONGS_TO = /哪(?:一)?(?:项|个|条|种)(?:措施|政策|举措|汇|服务|支持)|哪个汇/u;
/** A question's own subject other than us, and what it does for ("园区对…有啥支持"). */
// ("园区对这类人才能给什么支持" points back at our background, and stays ours.)
const SUBJECT_OF_ITS_OWN = /^(?:那|那么)?(?:园区|政府|企服中心|经发委|管委会)(?:这边|方面)?(?:对|为)(?![^，,。？?]*(?:这类|这种|此类|相关|这些|这方面|这块))/u;
const OF_OURS = /享受|参加|参与|申请|申报|报名|支持|扶持|帮助|属于|哪一?类|加分|加几分|提档|符合|资格|条件|能|可以|可不可以|行不行|适用|够格|算不算|有没有|有什么|有啥|还差/u;

/** Requests that a question about them does not make ("报名要交钱吗" asks, it does not sign up). */
const ASKED_NOT_REQUESTED = new Set<Intent>(['sign_up', 'cancel_signup', 'subscribe']);
/** A request put as a question: someone asked to do it for us. */
const ASKS_TO_DO = /帮|给我|替我|为我|麻烦/u;

/** Measures asked for in the plural ("哪些举措能帮到我们", "有什么措施"): of each need told before. */
const WHICH_MEASURES = /哪些(?:举措|措施|政策|支持|帮助|办法|渠道|途径)|(?:什么|啥)(?:举措|措施)|能帮(?:到|上)/u;

/** The programme itself, not one of its measures. */
const PROGRAMME_ITSELF = /汇计划|专项行动|这个计划|这个政策|这个方案|该方案|该计划/u;

/** The programme's own document named ("方案的文号", "这个文件", "汇计划"). */
const OWN_DOCUMENT = /方案|汇计划|文件|通知|专项行动/u;
/** The programme as what has something ("汇计划有培训吗", "方案里有没有招聘会"). */
/** When activities are asked for ("最近", "下个月", "12月"): the calendar, not the programme. */
const ACTIVITY_TIME = /最近|近期|近来|这周|本周|下周|这个月|本月|下个?月|明天|今天|后天|周末|\d+月|[一二三四五六七八九十]+月|年内|接下来|即将|最新|近几天|这几天/u;
const PROGRAMME_HAS = /(?:汇计划|专项行动|政府|园区|这个计划|这个政策|这个方案|该方案|该计划|方案|政策)(?:里面?|中|上|当中)?(?:有没有|有|是否有|包括|包含|含)/u;

/** The programme as what gives the support asked about ("汇计划支持吗", "这个方案里有没有扶持"). */
/** "汇计划里怎么说的", "政策上是怎么规定的", "方案里有啥说法": what the programme says, of something named elsewhere. */
const PROGRAMME_SAYS =
  /^(?:那|这个|这块|这方面)?(?:在)?(?:汇计划|专项行动|这个计划|这个政策|这个方案|方案|政策|文件)(?:里面?|中|上)?(?:是|对此|对这块)?(?:怎么|如何|咋|怎样)(?:说|讲|规定|写|表述)的?|^(?:那|这个|这块)?(?:汇计划|方案|政策|文件)(?:里面?|中|上)?(?:有|是)(?:什么|啥|哪些)(?:说法|规定|表述)/u;
/** "汇计划有哪些具体举措", "方案里采取了什么措施": the programme's measures asked, for something named elsewhere. */
const PROGRAMME_MEASURES = /(?:汇计划|专项行动|这个计划|这个政策|这个方案|该方案|该计划|方案|政策)(?:里面?|中|上|当中)?(?:有|有没有|出台了?|采取了?|提供了?|推出了?|安排了?)(?:哪些|什么|啥|哪几项|几项)(?:具体|相关|对应|配套)?的?(?:举措|措施|办法|抓手|做法)/u;
const PROGRAMME_SUPPORTS = /(?:汇计划|专项行动|这个计划|这个政策|这个方案|该方案|该计划|方案|政策)(?:里面?|中|上)?(?:有没有|有|能|会|给|是否)?(?:支持|扶持|覆盖|涵盖|管)/u;

/** Ways of asking ("多大", "多少", "几"): a cue made of little else names no detail. */
const ASKING_WORDS = new RegExp(`${QUESTION_WORD.source}|多[大久长高]`, 'gu');

/** The cue names a detail by a noun of its own ("网址", "带几个人"), not only by a way of asking ("多大"). */
function namesDetail(cue: string): boolean {
  return [...cue.replace(ASKING_WORDS, '')].length >= 2;
}

/** 哪 with its measure word ("哪一级", "哪类", "哪个"): a way of asking. */
const WHICH_OF_KIND = /哪一?[级类个种项家位档批]/gu;

/** Longest bare question for a detail the policy never gives that follows the last topic ("那它的联系电话是多少"). */
const MAX_UNLISTED_FOLLOW_UP = 10;

/** Asks which measure fits (the one the message described): "有没有对应的措施", "哪个措施是干这个的". */
const WHICH_MEASURE = /对应|相关|相应|哪个措施|哪项|哪一项|有没有.{0,4}措施|什么措施|适合|有(?:什么|啥|哪些)(?:支持|帮助|扶持|能帮|可以帮)|能帮(?:上)?(?:我们|我|咱们|企业)?\p{Script=Han}{0,3}?(?:什么|啥|忙)|帮得上|(?:咋|怎么|怎样|如何)(?:支持|帮|扶持)/u;

/** Openers of a message that continue the conversation. */
// ("請問一下，公司這邊想報名…": a lead-in parted off by a comma asks nothing of its own.)
const OPENER = /^(?:(?:你好|您好|老师好|老师您好|哈喽|嗨|hi|hello|在吗)[，,!！。~～\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]*)?(?:(?:请问|想问|麻烦问|打扰|冒昧问|请教)(?:一下|下)?[，,：:]\s*)?(?:(?:我是|本人是)[^，,。！!？?]{1,20}[，,。！!]\s*)?(?:那么?|所以|另外|还有|对了|然后)?[，,]?/u;

/** A clause that tells a plan or a need (打算上市, 想找高校合作, 要招人), not a plain state. */
/** A clause opening with what we want or plan ("想打进…", "打算进入…"). */
const WANTS = /^(?:我们|我司|公司)?(?:也|还)?(?:想|想要|打算|准备|希望|计划)/u;
/** A complaint that the last answer missed the point ("你没回答我的问题", "不是这个意思"): what follows is the question. */
const REPAIR_SAID = /没有?(?:回答|答|理解|听懂|看懂)|答非所问|(?:理解|答|回答|说|搞)错了|不是(?:问|说|要)?这个|不是我要的|不是我问的|换个问法|(?:再|重新)问|再说一遍|说的不对/u;
/** Points told as a fact ("能加两分", "评级提升1级"): the bonus, whatever the question around them. */
const POINTS_TOLD = /加\s*[0-9一二两三四五]\s*分|提档|评级提升/u;
/** Services asked in general ("有啥服务", "能提供哪些服务"): no 汇 named by it. */
const SERVICE_IN_GENERAL = /(?:有|提供|能给|给|享受)(?:啥|什么|哪些)(?:样的)?(?:支持和)?服务/u;
/** A need told as such ("有融资需求", "人才缺口大", "急需工程师"). */
const NEED = /需求|缺口|缺人|急需|急缺|紧缺/u;
/**
 * A plan said after another, its subject left out ("也想引进人才", "同时准备上市"), the boss's ("老板想三年里上市"), or one
 * of a time to come ("明年想招几个技术员").
 */
const PLAN_GOING_ON = /^(?:(?:我们|我司|公司)?(?:老板|老总|领导|董事长|总经理|董事会|股东|老公|老婆)(?:也|还|同时)?|(?:明年|今年|后年|年内|下半年|上半年|接下来|近期|最近|今后|这两年)(?:也|还)?|也|还|同时|另外|并且|而且)(?:想|要|打算|准备|计划|希望|在)/u;
/** Words of a plan or a wish (要 of 主要, 重要 is none: "主要给中小学供货" tells what we do). */
const PLAN = /打算|拟(?!定|稿|任|写|人)|准备|计划|考虑|想|(?<![主重只概])要|需要|希望|愿意|正在|在搞|在弄|在推进|在推|推进|在做|在实施|在布局|着手|启动|上马|在筹划|筹备|有意向|有意|意向|意愿|目标|任务|指标|kpi/u;
/** A problem the enterprise tells of ("我们专利审批太慢了", "资金周转很紧张"): background a question may ask about, like a plan. */
const PROBLEM = /太慢|太久|太长|太难|很难|卡在|卡住|拖得|拖了|困难|紧张|头疼|麻烦|一窍不通|不懂|搞不定|卡脖子|排队|(?:能力|实力|基础|力量)?(?:较弱|偏弱|薄弱|不足|欠缺|跟不上)|短板|缺乏/u;
/** Kinds of knowledge item that a question may ask about side by side. */
/**
 * The share of a question's words the knowledge must know for an item named clearly to answer it
 * when the classifier only defaulted to none (it leaned to a policy question).
 */
const DEFAULT_NONE_COVERAGE = 0.4;

/** The programme named as the frame of a question ("汇计划里", "按汇计划", "在专项行动中的"). */
const PROGRAMME_SCOPE = /(?:按照?|根据|依据|依照|对照|在)?(?:专精特新)?(?:汇计划|专项行动|实施方案)(?:里面|里头|当中|之中|里|中|内|下)?的?/u;

/** Kinds of item that are the programme's content, so a question naming one is about it, not the programme. */
const SCOPED_KINDS: ReadonlySet<string> = new Set(['measure', 'hui', 'safeguard', 'tier']);

/** Who is responsible, asked. */
const RESPONSIBLE = /负责|牵头|主管|管理|归.{0,4}管|责任单位|哪个部门|哪个单位|谁管|管不管|管吗|管么|管还是/u;

const COORDINATED_KINDS: ReadonlySet<string> = new Set(['measure', 'hui', 'document', 'safeguard', 'implementation', 'overview', 'tier']);
/** What stands between two topics asked about together: a conjunction, a list mark (and 还有/以及). */
const JOINER = /^\s*(?:和|与|跟|及|以及|、|还有|或|或者|,|，)\s*$/u;

/** A plan said not to exist ("不打算上市", "暂无招聘需求"): a fact, no topic to lend. */
/** Traits that are needs or plans, not what the enterprise is: a plan stating one asks for the measures that need it. */
const NEED_TRAITS = ['hiring', 'planningIpo'] as const;

const NO_PLAN = /(?:不|没|没有|暂无|暂不|无|并不|还不)(?:打算|准备|计划|考虑|想|需要|要|希望|筹备)|(?:没有|没|暂无|无)[^，,。；;]{0,6}(?:打算|计划|需求|意向|想法)/u;

/** The message says the enterprise is large, or has no honour and is not in the pool. */
/** The text says the enterprise holds no honour and says nothing of the pool. */
/** A generic noun pointing back at the situation or topic just described (这类渠道; not 这样的企业, 这种优秀企业). */
/** "里面都有啥服务": inside what was just named — unless the clause names a topic of its own ("里面说的工作专班"). */
/** The support of a field asked for ("哪些人才政策", "金融方面有啥支持"): the field's two characters. */
const FIELD_SUPPORT = /(?:哪些|什么|啥|哪方面的?)(\p{Script=Han}{2})(?:方面|领域|这块)?的?(?:政策|支持|措施|扶持|帮助)|(\p{Script=Han}{2})(?:方面|这块)(?:有)?(?:哪些|什么|啥)(?:政策|支持|措施|扶持|帮助)/u;

/** Who gives and who gets, in a general support question: no topic of its own. */
const SUPPORT_PARTIES = /园区|政府|管委会|汇计划|这个计划|专项行动|方案|对于?|给|为|向|的|针对|专精特新|小巨人|企业|公司|中小企业|政策|措施|都|一般|主要|具体|请问|想问一?下|问一?下|那|这边|你们|目前|现在|能|可以|会/gu;

/** "专精特新企业有什么支持": support asked in general words, with nothing else said. */
function asksProgrammeSupportOnly(text: string): boolean {
  const m = SUPPORT_IN_GENERAL.exec(text);
  if (!m) return false;
  const rest = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(SUPPORT_PARTIES, '').replace(/[\s，,。？?！!~～吗呢啊呀]/gu, '');
  return rest.length === 0;
}

/** "人才方面…", "金融这块…": a field named as the area a question is about. */
// ("在人才上有啥优先的": 在…上 frames the field too.)
const FIELD_NAMED = /(\p{Script=Han}{2})(?:方面|这块|这一块|领域)|(?<=在)(\p{Script=Han}{2})上/u;
/** Asked by the user of their own enterprise ("我们…能享受", "我司…有什么支持"). */
const OWN_SUPPORT = /(?:我们|我司|我公司|咱们|本公司|本企业)/u;
/** The programme named as the whole a support question asks of ("汇计划里", "这个政策中"). */
const WHOLE_PROGRAMME = /(?:汇计划|专项行动|这个计划|这个政策|这个方案|方案|政策)(?:里面?|中|上|当中)/u;
/** "能享受哪些", "可以享受啥", "有什么能用的": which of it we get, the noun left out. */
const ENJOY_WHICH = /享受(?:到)?(?:哪些|什么|啥|哪几)|(?:哪些|什么|啥)(?:是)?(?:我们)?(?:能|可以|可)?(?:用|用得上|用上|利用|申请)的/u;

/** What a tier gets, asked at the end of the question ("有啥", "有什么好处", "能享受哪些政策"). */
/** A question asked to be answered before the others ("先说我们是几类", "请先回答第二个"). */
const ANSWER_FIRST = /^(?:请|麻烦)?(?:你|您)?先(?:说|讲|回答|答|告诉我|说说|讲讲|说下|说一下|讲一下|看)/u;
/** A kind of enterprise opening a question (a place or how it got there before it): the kind, then what is asked. */
const KIND_SUBJECT = /^(?:请问|想问一?下|问一?下|咨询一?下)?[，,]?(?:咱们|咱)?(?:苏州)?(?:工业)?(?:园区)?(?:里|内|里面|中)?(?:的)?(?:获得|拿到|评上|取得|被评为|认定为|被认定为|属于)?(?:了)?([^，,。？?！!；;我咱本贵]{2,14}?)(?:的)?(?:企业|公司)(?:们)?(.+)$/u;
/** what is asked after the kind: what it gets, straight away */
const SUPPORT_ASKED_FIRST = /^(?:都|一般|通常|大概)?(?:能|可以|可)?(?:有|享受|得到|拿到|享有|给)/u;
const TIER_SUPPORT_ASKED = /(?:有|享受|能享受|可以享受|可享受|能得到|能拿到|可以拿到|给)(?:到)?(?:啥|什么|哪些|哪几项|哪几种)(?:样的)?(?:支持|政策|扶持|帮助|好处|福利|待遇|措施|服务|优惠|优先|照顾|倾斜)?(?:的)?(?:吗|呢|啊|呀)?[？?。！!]*$/u;
/** Whether only some enterprises get what was just asked about ("还是只有国家级的才有"). */
const ONLY_FOR = /只有[^，,。？?]{0,10}才(?:有|能|行|可以|给)|是不是只(?:有|给|限)|仅限/u;
const INSIDE = /^(?:那|它|这个|那个)?(?:里面|里头)/u;
/** the pointing word of POINTS_BACK, before the noun it points with */
const POINTING = '(?:这[类种样个]?|那[类种样个]|这样的|此类|类似|相关|对应)的?';
const DEMONSTRATIVE = new RegExp(`^${POINTING}`, 'u');
const POINTS_BACK = new RegExp(`${POINTING}(?:渠道|活动|安排|机会|支持|政策|措施|服务|门路|办法|途径|流程|项目|事情?|情况|平台|资源|帮助|需求|问题)(?!汇)|这(?:个)?情况|这方面`, 'u');

/** The text describes an enterprise by its honours or the pool. */
function describesEnterprise(entities: Entities): boolean {
  return (entities.honourLevels?.length ?? 0) > 0 || entities.inPool === true;
}

function noHonourNorPool(entities: Entities): boolean {
  return entities.noHonour === true && !(entities.honourLevels?.length ?? 0) && !entities.inPool && !entities.notInPool && entities.large !== true && entities.outsidePark !== true;
}

function outsideProgramme(entities: Entities): boolean {
  return entities.large === true || entities.outsidePark === true || (entities.notInPool === true && !(entities.honourLevels?.length ?? 0));
}

/** The message's facts with the clause's own entities (the clause wins where both say something). */
function mergeEntities(message: Entities, own: Entities, each = false): Entities {
  const merged: Entities = { ...message, ...own };
  // A clause naming honours of its own asks about those ("省级的加几分 国家级咋算 区级呢": one level each),
  // unless it asks about each of the message's ("国家级 省级 市级专精特新分别怎么加分").
  const levels = own.honourLevels?.length && !each ? own.honourLevels : [...new Set([...(message.honourLevels ?? []), ...(own.honourLevels ?? [])])];
  // "省级算哪类？入库企业呢？": a clause about an enterprise without honours asks of no honour the message named.
  const withoutHonour = !own.honourLevels?.length && (own.inPool === true || own.noHonour === true) && !each;
  if (withoutHonour) delete merged.honourLevels;
  else if (levels.length) merged.honourLevels = levels;
  const years = [...new Set([...(message.years ?? []), ...(own.years ?? [])])];
  if (years.length) merged.years = years;
  if (merged.notInPool) delete merged.inPool;
  return merged;
}

/** Words that ask which tier an enterprise is. */
// ("园区鼓励哪类主体提供服务": a kind of something else is no tier.)
const ASKS_WHICH_TIER = /(?:哪一?类|几类|第几类|什么类|啥类)(?!主体|机构|平台|人才|项目|服务|活动|措施|资金|银行|单位|部门|岗位)|哪个(?:培育)?类别/u;

/** A section by its numbers: "二、（三）", "第二部分第三条", "第二部分的第3项". */
const SECTION_REF = /([一二三四])、?[（(]([一二三四五])[）)]|第([一二三四1-4])(?:部分|章|大部分|大点|大项|大块)(?:的|里的?|中的?)?第?([一二三四五1-5])(?:条|项|点|节|款|小节|小点|个)/u;
const CHINESE_DIGITS = ['一', '二', '三', '四', '五'];

/** "A和B(的)?<attribute>分别是什么" (the attribute a few characters, then 分别/各自 and the asking). */
const SHARED_ATTRIBUTE = /^(.{2,16}?)(?:和|与|跟|以及|及)(.{2,20}?)[，,]?(?:的)?([^，,的]{2,6}?)(?:分别|各自|各)(是什么|是多少|是哪个|是哪天|是哪一天|是谁|叫什么|有哪些|是啥|多少|几号)?[吗？?]*$/u;

/** All of what was named asked for at once ("一起发我下", "都告诉我一下", "一并告知", "我需要A和B，麻烦告知"). */
const ALL_AT_ONCE = /^(?:请|麻烦|烦请|劳烦|敬请)?(?:您|你)?(?:一起|一并|都|全部|统统)?(?:发|告诉|说|讲|给|列|告知|发给|提供)(?:给)?(?:我|我们)?(?:一下|下)?[。.!！~～]*$/u;

/** What follows 那个/这个 ("那个沙龙呢"). */
const POINTER_BEFORE = /^(?:那|那么)?(?:这|那)个(.+)$/u;
/** A question naming whom it asks for ("我们", "企业", "客户"): not only of the measure just named. */
const NAMES_SUBJECT = /我|咱|本公司|贵|企业|公司|客户|单位|他们|她们/u;

/** A clause naming only honour levels ("省级的", "还有市级区级的", "以及国家级"). */
const LEVELS_ONLY = /^(?:还有|以及|和|跟|另外|再就是)?(?:(?:国家级|省级|市级|区级|园区级)(?:的)?[、和及与跟]?)+(?:的|呢|企业|专精特新)*$/u;

/** Two candidates this close are tied: something else in the message decides. */
const TIED_SCORE = 0.02;

/** Asked where to start ("第一步该干啥", "先做什么", "从哪入手"). */
const START_ASKED = /第一步|先(?:做|干|弄|办)(?:什么|啥)|从哪(?:里|儿)?(?:开始|入手|着手|做起)|(?:怎么|如何|怎样)(?:起步|开始|入手|着手|参与进来|加入)|(?:该|要|能)(?:干|做|弄)(?:什么|啥)/u;

/** "这块…", "这方面…" opening a question: a part told before, not named again. */
const LEADING_POINTER = /^(?:那|那么)?(?:这|那)一?(?:块|方面|部分)/u;
/** A part of something said before, pointed at ("改造这块", "融资那方面", "申报的时候": what the plan said it would do). */
const POINTED_PART = /((?:(?!的)\p{Script=Han}){2,4})(?=(?:这|那)一?(?:块|方面|部分|边)|(的?时候))/u;

/** How a term is described or defined ("文件里对小巨人企业是怎么描述的", "怎么定义专精特新"): words of what it is, no topic. */
const DEFINING = /(?:怎么|如何|怎样)(?:描述|表述|定义|界定|解释)|定义|含义|什么意思|啥意思|指什么|指的是/u;

/** A word of describing or defining, as a word of its own ("描述", "定义", "指的是"). */
const DEFINING_WORD = /^(?:描述|表述|定义|界定|解释|含义|意思|什么意思|啥意思|指什么|指的是)$/u;

/** What a thing is or does, asked in so many words (not a bare name). */
const ASKS_WHAT_IT_DOES = /是(?:个)?(?:什么|啥|干嘛|干什么|做什么|干啥)|(?:干嘛|干什么|做什么|干啥)的|有(?:什么|啥)用/u;
/** What something is, asked ("是干嘛的", "是个啥", "介绍一下"), or the name alone. */
const WHAT_IT_IS = new RegExp(`是(?:个)?(?:什么|啥|干嘛|干什么|做什么|干啥)|(?:干嘛|干什么|做什么|干啥)的|介绍|说说|讲讲|了解一下|^\\p{Script=Han}{2,8}[？?。!！]*$|${DEFINING.source}`, 'u');

/** The wording or meaning of something asked ("原文是怎么表述的", "具体指什么"). */
const WORDING_ASKED = /原文|原话|表述|怎么写的|怎么说的|什么意思|啥意思|指什么|指的是/u;
/** Something quoted or cited in a background ("…“一个平台”的说法", "文件里提到…"). */
const QUOTED = /“[^”]+”|说法|提法|提到|写着|写到/u;

/** "这两个是同一个活动吗": the two things the background just named, each asked of. */
const BOTH_POINTED = /这两个|那两个|这两项|那两项|这俩|这两者|两者|二者|这两种|这两样/u;

/** Words around a topic named bare ("今年的…", "…这块", "关于…"): they frame it, they name nothing. */
const TOPIC_FRAME = /^(?:关于|至于|今年的?|年度的?|那个|这个)|(?:这块|这一块|方面|的话|那块)$/gu;

/** What the background just said, pointed at: "相关平台", "此类活动", "对应的措施", "这些平台". */
/** The tiers themselves asked about (which one, what it is), not a tier named as whom a question asks of. */
const TIER_ITSELF_ASKED = /哪一?类|几类|类别|分类|属于|第几|是什么|是啥|指什么|指啥|什么意思|啥意思|区别|定义/u;
/** The field just told, pointed at ("在这方面", "这块", "这一块"). */
const THIS_FIELD = /(?:在|对)?(?:这|这个|该)(?:方面|块|一块|领域)/u;
/** What may stand around names typed as keywords: spaces and list marks only. */
const BETWEEN_NAMES = /^[\s、，,;；]*$/u;
/** Between a 汇 and a measure it frames ("金融汇里的上市培育"). */
const FRAME_GAP = /^[”"」]?(?:里面?|中|当中|下面?|之下)?(?:的|有|包括|包含|含有|分为)?$/u;
/** People pointed at by a pronoun ("帮他们申报", "给这几位"): those a background told of. */
const THEM = /(?:帮|给|替|为|让|推荐|带)(?:他们|她们|他|她|这几位|这些人|这几个人)/u;
/** "其具体机制", "其责任单位": 其 opening a clause is what was named just before. */
/** A wanting verb before what is wanted (想申报, 打算引进). */
const WANTING = /(?:想要?|打算|准备|计划|希望|有意向?)(?=申报|申请|参加|报名|对接|引进|上市|融资|贷款|做|搞|进)/u;
/** Getting or joining what was talked about, after the aspect asked ("才能享受", "才可以参加"). */
const TAKING_IT = /(?:才|就)(?:能|可以|可)?(?:享受|参加|拿到|获得|得到)(?:到)?/gu;
/** The document's number as an item's title, asked, and other things of the document asked. */
const NUMBER_TITLE = /文号|字号/u;
const NUMBER_ASKED = /文号|字号|编号|几号文|号码/u;
/** What else of a document is asked, and the title of the document's part that says it. */
const ASKED_OF_DOCUMENT: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/单位|部门|机关|谁/u, /单位/u],
  [/哪天|哪一天|什么时候|啥时候|日期|何时|时间/u, /日期/u],
  [/标题|名称|全称|叫什么/u, /全称/u],
  [/依据/u, /依据/u],
];
/** Someone, asked of ("有人辅导吗"). */
const SOMEONE = /^(?:有人|有没有人|没人|别人)$/u;
/** A pointer at several things just named (这些活动, 那几项). */
const PLURAL_POINTER = /(?:这|那)(?:些|几(?:个|项|类|种|场))/u;
const ITS = /^(?:那么?|那)?其(?![他它余实中次后])/u;
/** A kind of thing pointed at by its name ("我们这种平台有什么要求"): the name, which a clause before may hold. */
const POINTED_KIND = /(?:这种|这类|这样的?|此类)(\p{Script=Han}{2,4}?)(?=有|能|可以|要|需|是否|吗|呢|的|$|[，,？?])/u;
/** A question ending on what it points back at ("有没有组织这种", "有类似的吗"). */
const POINTS_BACK_AT_END = /(?:这种|这类|这样的?|此类|类似的?)(?:活动|事|事情|的)?[吗呢呀啊]?$/u;
const RELATED = /(?:相关|对应|此类|这类|该类|这些|那些)的?\p{Script=Han}|(?:这种|这样的?|这个|此种|该)(?:情况|情形|场景|需求)|(?:这种|这样的?|此种)(?:安排|活动|服务|机会|渠道|平台|支持|措施|项目|形式|门路)/u;
/** "对这种情况有什么支持": the situation the background told — its measure, whichever of its 汇 the question's words named. */
const SITUATION = /(?:这种|这样的?|这个|此种|该)(?:情况|情形|场景|需求)/u;

/** Once in a measure ("进去以后", "参加之后", "入选后"): what it offers is asked. */
const AFTER_JOINING = /^(?:那|那么)?(?:我们|咱们|我司|企业)?(?:(?:进去|进了|进入|加入|入选|选上|参加|参与|报上|进|去)了?(?:以后|之后|后)|(?:去了|进去了|参加了|加入了|入选了|选上了|里面|里头|其中)(?=有|能|可以|会|可|都有|包括|包含))/u;

/** What the topic does, asked alone ("具体能帮啥", "都做些什么"). */
const CONTENT_ASKED = /^(?:那|那么)?(?:它|这个)?(?:具体|到底|究竟|主要|都|一般)?(?:能|可以|会)?(?:帮|做|干|提供|管)(?:些|点)?(?:啥|什么|哪些)(?:忙|事|事情|服务|内容)?(?:呢|啊|呀)?[?？]*$/u;

/** Asking how to get somewhere ("要咋整", "需要啥条件"). */
const HOW_TO_GET = /咋整|咋办|咋弄|怎么办|怎么弄|怎么做|怎么搞|如何|怎样|要做什么|要准备|需要什么|需要啥|要啥|条件|门槛/u;

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

/** The text with each background clause about others blanked out, positions kept. */
/** A clause that starts at its verb or a comparison ("能跟国家级一样享受", "也算一类"): its subject is the one before. */
const SUBJECTLESS_GOING_ON = /^(?:也|还|都|就|能|可以|可|会|要|跟|和|与|同|像)/u;

/** Another enterprise brought in as the one asked for ("帮我们一家二级供应商问一下", "替客户咨询"). */
const ASKING_FOR_ANOTHER = /(?:帮|替|代|给)(?:我们|我|我司)?(?:的)?(?:一家|一个|某家?|这家|那家)?[^，,。；;：:]{0,8}?(?:供应商|客户|企业|公司|厂|朋友|合作伙伴|合作方|子公司|兄弟单位|孵化企业|会员企业)(?:问|咨询|打听|了解)/u;
/** A question whose subject is that enterprise ("他们属于哪一类", "请问对方能享受什么"). */
const THEY_ASKED = /^(?:那|那么|请问|想问一?下|问一?下)?(?:他们|她们|他家|对方|该企业|该公司|这家(?:公司|企业|供应商|客户)?|那家(?:公司|企业)?)/u;

/**
 * What is told of an enterprise the user asks for, when the question asks of it by a pronoun: the clauses after the one
 * that brings it in, or undefined.
 */
function describedForAnother(clauses: Clause[]): string | undefined {
  const from = clauses.findIndex((c) => ASKING_FOR_ANOTHER.test(c.text));
  if (from < 0) return undefined;
  const after = clauses.slice(from + 1);
  const asks = after.filter((c) => c.kind === 'ask');
  if (asks.length === 0 || !asks.every((c) => THEY_ASKED.test(c.text) || !FIRST_PERSON_SUBJECT.test(c.text)) || !THEY_ASKED.test(asks[0].text)) return undefined;
  return after.map((c) => c.text).join('，');
}

/** A clause of our own ("我们能…", "我司…"). */
const FIRST_PERSON_SUBJECT = /^(?:那|那么|请问)?(?:我们|我司|我公司|咱们|本公司)/u;

function withoutOthers(text: string, clauses: Clause[]): string {
  const told: Clause[] = [];
  let othersBefore = false;
  for (const c of clauses) {
    // ("领导说区级也算一类企业，能跟国家级一样享受…": a clause without a subject of its own, right after
    // one telling of others, goes on telling of them.)
    const goesOn: boolean = othersBefore && c.kind !== 'ask' && !c.firstPerson && SUBJECTLESS_GOING_ON.test(c.text);
    othersBefore = tellsOfOthers(c) || goesOn;
    if (othersBefore) told.push(c);
  }
  return blanked(text, told);
}

/** The text with these clauses blanked out, positions kept. */
function blanked(text: string, clauses: Clause[]): string {
  let out = text;
  for (const c of clauses) {
    const at = out.indexOf(c.text);
    if (at >= 0) out = out.slice(0, at) + '，'.repeat(c.text.length) + out.slice(at + c.text.length);
  }
  return out;
}

/** A channel an aspect word may describe ("线上平台", "网上的渠道"). */
const CHANNEL = /^的?(?:平台|渠道|系统|专区|窗口|入口)/u;

/** Every occurrence of the cue stands before a channel it describes. */
function describesChannel(text: string, cue: string): boolean {
  for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) if (!CHANNEL.test(text.slice(at + cue.length))) return false;
  return true;
}
