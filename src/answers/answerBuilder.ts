/**
 * Builds the Q&A reply for a recognised message: a short, specific answer from knowledge/
 * (answer first, then the source section, then related follow-ups), a "您是想问" choice when
 * two topics are close, or an honest fallback. Keeps the last topic for "那市级呢".
 */
import { statedFactsOf, type StatedFacts } from '../domain/enterprise';
import type { HonourLevel } from '../domain/vocabulary';
import { cleanText, withoutClosingMarks } from '../text/normalize';
import type { Entities, Recognition } from '../nlu/types';
import { THIS_CLASS, TIER_CHANGE_ASKED } from '../nlu/questionWords';
import { calendarDate, monthsSince } from '../nlu/dates';
import type { Aspect } from '../knowledge/schema';
import { recentYearsText } from '../knowledge/years';
import { ASKS_EACH_TIER, ASKS_TIER, COMPARES, canDecideTier, tierComparison, tierForHonours, tierNamedIn, tiersNamedIn, tierVerdict } from '../knowledge/tiers';
import { documentSibling } from '../knowledge/document';
import type { KnowledgeItem } from '../knowledge/schema';
import type { KnowledgeBase } from '../knowledge/types';
import { fillTemplate } from '../knowledge/template';
import { unitsIn } from '../knowledge/units';
import { huiItemOf, namedOnlyByContextWords, namedOnlyByField } from '../knowledge/hui';
import { isFresh, type QaContext } from './context';
import { ANSWER_TEXT } from './copy';
import { claimsValue, selectFacets, unlistedDetail, type FacetAnswer } from './facets';
import { claimVerdict, judgeAsked } from './claims';
import { followUps } from './followUps';
import type { QaReply } from './reply';

export interface BuiltReply {
  reply: QaReply;
  context: QaContext;
}

/**
 * Reasoning on the conditions a question states (a dated honour against 近三年内, an enterprise
 * outside the programme): the advisor's rule engine, given by the composition root.
 */
export interface ConditionReasoner {
  /** the item's dated rules for the honours and years the message states (its frame's facts, read once by the recognizer) */
  dated(item: KnowledgeItem, message: { text: string; facts?: StatedFacts }, now: Date): string | undefined;
  /** the programme's scope, when the question asks whether an enterprise it describes (大型企业, 未入库) may take part */
  scope(item: KnowledgeItem, entities: Recognition['entities'], question: string): string | undefined;
  /** whether an enterprise the question describes (honours, pool) may take part, by the tiers served */
  served?(item: KnowledgeItem, entities: Recognition['entities'], question: string, ofListed?: boolean): string | undefined;
  /** an honour stated without the year a dated rule needs: which years count, and the year asked */
  undated?(item: KnowledgeItem, facts: StatedFacts | undefined, now: Date): string | undefined;
  /** a trait the item requires that our enterprise is said to lack (不是工业企业): that it does not apply, and why */
  denied?(item: KnowledgeItem, facts: StatedFacts | undefined, question: string, now: Date): string | undefined;
}

/** 近三年内: the years counted, filled into answers from today's date. */
const RECENT_YEARS = 3;

/** Shortest keyword taken for a proper name an unlisted answer repeats (金鸡湖人才计划, not 认定标准). */
const PROPER_NAME = 5;

/** A year written with two digits ("19年评的"). */
const SHORT_YEAR = /(?<!\d)\d{2}年/u;

/** A case supposed or asked of others ("那入库的呢", "如果只是入库"), not a fact told of our own. */
const SUPPOSED = /^(?:那|那么|如果|假如|要是|假设)|呢[?？]*$/u;
/** Said of our own, or as a state ("我们也在培育库里", "已入库"): a bare "入库培育的?" asks of pool enterprises in general. */
const SAID_OF_OUR_OWN = /我|咱|俺|本公司|本企业|也|还|在|已|了/u;
/** A supposition anywhere in the question ("我们要是以后评上国家级"). */
const SUPPOSING = /如果|假如|要是|假设|万一|倘若|一旦/u;
/** A class of another system written with the tiers' numerals ("二类医疗器械注册证", "三类证", "一级资质"). */
const OTHER_CLASSING = /[一二三1-3][类级](?:医疗器械|器械|注册证|证|资质|产品|危险品|危化品|纳税人|建筑资质|备案)[^，,。？?、；;]{0,4}?(?:注册证|证书|证|资质)?/u;
/** Whether two things are related, asked ("有关系吗", "挂钩吗", "是一回事吗"). */
const RELATION_ASKED = /有关系|有没有关系|有啥关系|有什么关系|有关吗|相关吗|有关联|挂钩|一回事|是一个东西/u;
/** Our tier guessed in asking ("是不是二类", "我们算一类吗", "市级的能算一类不"); its numeral in groups 1–3. */
// (Of ourselves only: "省级的只算二类，是这样吗" checks what was heard, which 对/不对 answers.)
/** Only the tier asked, nothing told ("几类", "算哪一类？"). */
const BARE_TIER_ASKED = /^(?:那|那么)?(?:算|是|属于|归)?(?:第)?(?:几|哪一?)类(?:啊|呀|呢|吗)?$/u;
/** How long since something happened, to now ("到现在执行多长时间了", "印发多久了", "实施几年了"). */
const ELAPSED_ASKED = /(?:多长时间|多久|几年|多少年|多少个月|几个月)了/u;
/** "为啥不是一类", "怎么不算二类": why another tier is not ours. */
// ("为啥是二类不是一类": the tier we are may be said before the one we are not.)
const WHY_NOT_TIER = /(?:为啥|为什么|为何|怎么|咋|凭啥|凭什么)(?:我们|伲|俺们|他们|她|我)?(?:就)?(?:(?:是|算|属于)(?:第)?[一二三123]类[，,]?(?:而)?)?(?:不是|不算|不属于|不能算|没算|没有算|没被算|算不上|进不了)(?:第)?[一二三123]类/u;
const GUESSED_TIER = /(?:^|[，,。；;])(?:那|那么)?(?:我们|我司|我公司|咱们|本公司|公司|我|贵司|(?:国家级|省级|市级|区级)(?:的|专精特新)?(?:企业)?)?(?:这种情况|这种|这样|现在|目前|应该|也|还|就|能|可以|会)*(?:是不是|是否|算不算|属不属于|应该是|可能是|大概是|(?:算是|算|属于|是)(?=第?[一二三123]类(?:企业|培育对象)?(?:吗|么|吧|嘛|不|没|呢)))第?(?:(一|1)|(二|2)|(三|3))类/u;

export class AnswerBuilder {
  private readonly tierItem: KnowledgeItem;
  private readonly aspects: Map<string, Aspect>;

  constructor(
    readonly kb: KnowledgeBase,
    private readonly clock: () => number = Date.now,
    /** without it, stated conditions are answered with the general rule */
    private readonly reasoner?: ConditionReasoner,
  ) {
    const tierItem = kb.items.find((i) => i.resolver === 'tier');
    if (!tierItem) throw new Error('knowledge has no tier item');
    this.tierItem = tierItem;
    this.aspects = new Map(kb.aspects.map((a) => [a.id, a]));
  }

  /**
   * Answers every question of a frame in order, in one reply: each answer first, then its source
   * (once per topic), the follow-up buttons of the last answer at the end. Context carries from one
   * question to the next, as between turns.
   */
  buildAll(questions: Recognition[], previous: QaContext = {}, facts?: StatedFacts): BuiltReply {
    const again = questions.length === 1 ? questions[0].againAsked : undefined;
    if (again) return this.lastAnswerAgain(again, questions[0], previous);
    const built = this.withoutAnsweredBefore(this.buildEach(questions, previous, facts), previous);
    const unknown = this.unknownHuiNamed(questions);
    const reply = unknown ? this.withNoSuchHui(built, unknown) : built;
    return reply.reply.kind === 'answer' ? { ...reply, context: { ...reply.context, lastText: reply.reply.text.slice(0, MAX_KEPT_ANSWER) } } : reply;
  }

  /**
   * "再说一遍", "你确定吗": the last answer once more — doubted, with the policy text it rests on. Another flow's
   * answer leaves only its topic: that topic is answered again.
   */
  private lastAnswerAgain(again: NonNullable<Recognition['againAsked']>, asked: Recognition, previous: QaContext): BuiltReply {
    const now = this.clock();
    const context = isFresh(previous, now) ? previous : {};
    const m = this.kb.messages;
    const last = context.lastItemId ? this.kb.itemById.get(context.lastItemId) : undefined;
    const said = context.lastText ?? (last ? this.answer(last, { ...asked, entities: {} }, now, context.lastAspect).reply.text : undefined);
    if (!said) return { reply: { kind: 'fallback', text: m.followUpWithoutTopic, suggestions: m.fallbackSuggestions, unanswered: 'no_topic' }, context };
    const quoted = again !== 'repeat' && last && [...last.text].length <= MAX_QUOTED_POLICY && !said.includes(last.text) ? ANSWER_TEXT.policyWords(last.text) : undefined;
    // ("原文怎么写的": the policy text, where it stands; a doubt: the answer, then the text it rests on.)
    const inAnswer = last !== undefined && said.includes(last.text);
    const lead = again === 'repeat' ? ANSWER_TEXT.saidAgain : again === 'doubt' ? ANSWER_TEXT.doubtAnswered : inAnswer ? ANSWER_TEXT.wordsAnswered : ANSWER_TEXT.wordsTooLong;
    const text =
      again === 'words' && last && quoted
        ? `${quoted}\n${fillTemplate(m.source, { source: last.source })}`
        : quoted
          ? `${lead}\n${said}\n${quoted}`
          : `${lead}\n${said}`;
    return { reply: { kind: 'answer', text, suggestions: m.fallbackSuggestions, ...(last ? { itemId: last.id } : {}), facetIds: context.lastFacetIds ?? [] }, context: { ...context, lastText: said, at: now } };
  }

  /**
   * The sentence of the item's policy text that names the thing pointed at by its last word ("那个中心全称是啥",
   * "这个平台叫什么"), when the text has it and it is not the programme itself.
   */
  private sentenceNaming(item: KnowledgeItem, asked: string): string | undefined {
    const m = POINTED_NAME_ASKED.exec(asked);
    if (!m) return undefined;
    const thing = m[1];
    if (this.kb.programmeWords.some((w) => cleanText(w) === thing || cleanText(w).endsWith(thing))) return undefined;
    const sentences = item.text.split(/(?<=[。；;])/u);
    const found = sentences.find((x) => x.includes(thing));
    return found?.replace(/[；;]$/u, '');
  }

  /** Every 汇 with its measures, the most and the fewest named first (ties all named). */
  private huiMeasureCounts(now: number): BuiltReply {
    const huis = this.kb.items.filter((i) => i.kind === 'hui');
    const counts = huis.map((h) => ({ hui: h.title, measures: this.kb.items.filter((i) => i.kind === 'measure' && i.hui === h.hui).map((i) => i.title) }));
    const sizes = counts.map((c) => c.measures.length);
    const named = (size: number) => ANSWER_TEXT.list(counts.filter((c) => c.measures.length === size).map((c) => c.hui));
    const overview = this.kb.itemById.get(HUI_LIST.item);
    const source = overview ? `\n${fillTemplate(this.kb.messages.source, { source: overview.source })}` : '';
    const text = `${ANSWER_TEXT.huiMeasureCounts(named(Math.max(...sizes)), named(Math.min(...sizes)), counts)}${source}`;
    return { reply: { kind: 'answer', text, suggestions: this.kb.messages.fallbackSuggestions, ...(overview ? { itemId: overview.id } : {}), facetIds: [] }, context: { ...(overview ? { lastItemId: overview.id } : {}), at: now } };
  }

  /** ("深度诊断收费吗" → "那是谁来诊断": what the turn before answered of the same item is not suggested again.) */
  private withoutAnsweredBefore(built: BuiltReply, previous: QaContext): BuiltReply {
    const item = previous.lastItemId && built.reply.itemId === previous.lastItemId ? this.kb.itemById.get(previous.lastItemId) : undefined;
    const asked = new Set(askedOf(item, previous.lastFacetIds));
    if (asked.size === 0 || !built.reply.suggestions) return built;
    return { ...built, reply: { ...built.reply, suggestions: built.reply.suggestions.filter((q) => !asked.has(cleanText(q))) } };
  }

  /**
   * A 汇 the programme does not have, named as if it did ("市场汇和技术汇分别是干嘛的"): the first
   * word of the name, then whatever the rest of the message asked.
   */
  private unknownHuiNamed(questions: Recognition[]): string | undefined {
    const known = new Set(this.kb.items.filter((i) => i.kind === 'hui').map((i) => i.title));
    for (const q of questions) {
      for (const m of q.normalized.matchAll(HUI_NAMED)) {
        // ("专精特新汇" is the programme itself, as its title puts it: 专精特新 汇计划.)
        const programme = BEFORE_PROGRAMME_HUI.test(q.normalized.slice(0, m.index));
        if (!known.has(m[0]) && !NOT_A_HUI.test(m[0]) && !programme) return m[0];
      }
    }
    return undefined;
  }

  private withNoSuchHui(built: BuiltReply, name: string): BuiltReply {
    const note = ANSWER_TEXT.noSuchHui(name);
    if (built.reply.kind === 'answer') return { ...built, reply: { ...built.reply, text: `${note}${built.reply.text}` } };
    // Nothing else answered: the five 汇 there are, as the programme's overview lists them.
    const overview = this.kb.itemById.get(HUI_LIST.item);
    const listed = overview?.facets.find((f) => f.id === HUI_LIST.facet)?.answer;
    if (!overview || !listed) return built;
    const text = `${note}${ANSWER_TEXT.huiCount(listed)}\n${fillTemplate(this.kb.messages.source, { source: overview.source })}`;
    return { reply: { kind: 'answer', text, suggestions: built.reply.suggestions, itemId: overview.id, facetIds: [HUI_LIST.facet] }, context: built.context };
  }

  /** The entities a tier named on its own stands for ("那二类呢" → 市级、区级; "三类有没有" → the pool). */
  private tierNamedAlone(normalized: string): Partial<Recognition['entities']> | undefined {
    const named = TIER_ALONE.exec(normalized);
    if (!named) return undefined;
    const tier = tierNamedIn(named, this.kb);
    if (!tier) return undefined;
    return tier.honourLevels.length ? { honourLevels: [...tier.honourLevels] } : tier.inPool ? { inPool: true } : undefined;
  }

  /** Whether the answers say the same of the aspect asked, once the items' own names are left out. */
  private aspectCompared(bodies: string[]): string {
    // (Only the first line says the aspect: more said of a measure after it — its content — is compared with nothing.)
    const said = bodies.map((t) => t.split('\n')[0].replace(QUOTED_NAME, ''));
    return said.every((t) => t === said[0]) ? ANSWER_TEXT.aspectSame : ANSWER_TEXT.aspectDiffers;
  }

  /**
   * "金融支持的责任单位" → "和上市培育那条的责任单位一样吗": another item compared with the last one on an aspect —
   * asked of both, as "金融支持和上市培育的责任单位一样吗" is.
   */
  private withLastCompared(questions: Recognition[], previous: QaContext): Recognition[] {
    const [q] = questions;
    const last = isFresh(previous, this.clock()) && previous.lastItemId ? this.kb.itemById.get(previous.lastItemId) : undefined;
    const named = q?.candidates[0];
    if (questions.length !== 1 || !last || !named || named.id === last.id || !q.aspect || !q.namesTopic || q.confidence !== 'high') return questions;
    if (!COMPARED_WITH_LAST.test(q.normalized) || !SAME_THING.test(q.normalized)) return questions;
    const ofLast = { ...q, candidates: [{ id: last.id, title: last.title, score: 1 }], topics: [last.id] };
    return [ofLast, q];
  }

  private buildEach(asked: Recognition[], previous: QaContext, facts?: StatedFacts): BuiltReply {
    const questions = this.withLastCompared(asked, previous);
    if (questions.length <= 1) return this.build(questions[0], previous, facts);
    let context = previous;
    const built: BuiltReply[] = [];
    for (const q of questions) {
      const one = this.build(q, context, facts);
      context = one.context;
      built.push(one);
    }
    const answers = built.filter((b) => b.reply.kind === 'answer');
    if (answers.length === 0) return built[0];
    const source = (text: string) => text.slice(text.lastIndexOf('\n') + 1);
    const body = (text: string) => text.slice(0, text.lastIndexOf('\n'));
    const lines: string[] = [];
    const seen = new Set<string>();
    answers.forEach((b, i) => {
      const text = body(b.reply.text);
      // An answer an earlier one already says in full ("每年1~2场" after the job fair's description) is not repeated;
      // one that says an earlier answer in full and more takes its place.
      // (Compared without the full stop: "…覆盖2021—2023年。" is said in full by "…覆盖2021—2023年，期限已届满…".)
      const within = lines.findIndex((line) => text.includes(line.replace(/。$/u, '')));
      if (within >= 0) lines[within] = text;
      else if (![...seen].some((said) => said.includes(text))) lines.push(text);
      seen.add(text);
      // The source follows the last answer from that section.
      const next = answers[i + 1];
      if (!next || source(next.reply.text) !== source(b.reply.text)) lines.push(source(b.reply.text));
    });
    // ("…专场招聘一年办几场？还有社保缴费基数怎么调整": a part the policy has nothing on is said so, not dropped.)
    const notFound = built.flatMap((b, i) => (b.reply.kind === 'fallback' && this.kb.messages.partNotFound ? [fillTemplate(this.kb.messages.partNotFound, { part: shortened(questions[i].text) })] : []));
    lines.push(...notFound);
    // "专精特新SHOW和企业沙龙是一回事吗": two different items asked whether they are one — no, then each.
    const askedSame = questions.find((q, i) => SAME_THING.test(q.text) && questions.some((o, j) => j !== i && o.text === q.text && o.candidates[0]?.id !== q.candidates[0]?.id));
    // ("金融支持和上市培育的责任单位一样吗": an aspect of the two compared — what each says of it, the same or not.)
    const compared = askedSame ? built.filter((b, i) => b.reply.kind === 'answer' && questions[i].text === askedSame.text) : [];
    if (askedSame && answers.length >= 2) lines.unshift(askedSame.aspect ? this.aspectCompared(compared.map((b) => body(b.reply.text))) : ANSWER_TEXT.notTheSame);
    const last = answers[answers.length - 1];
    const unanswered = built.find((b) => b.reply.unanswered)?.reply.unanswered;
    // (A question one of the answers just answered — "深度诊断收费吗" after "要不要钱" — is not suggested.)
    const answeredAsks = new Set(answers.flatMap((b) => askedOf(b.reply.itemId ? this.kb.itemById.get(b.reply.itemId) : undefined, b.reply.facetIds)));
    return {
      reply: {
        ...last.reply,
        suggestions: (last.reply.suggestions ?? []).filter((q) => !answeredAsks.has(cleanText(q))),
        text: lines.join('\n'),
        facetIds: answers.flatMap((b) => b.reply.facetIds ?? []),
        ...(unanswered ? { unanswered } : {}),
      },
      context,
    };
  }

  /** The class of enterprise the last answer judged ("属于三类"), while fresh: what "那它能享受啥" points at. */
  classJudgedLast(context: QaContext): Partial<Entities> | undefined {
    return isFresh(context, this.clock()) ? classEntities(context.lastFacetIds) : undefined;
  }

  /**
   * The context after another flow answered about a topic the Q&A knows ("专场招聘我们能参加吗" answered by
   * the advisor): a later "那它一年几场" refers to it. Undefined when the question names no such topic.
   */
  topicAnsweredElsewhere(recognition: Recognition): QaContext | undefined {
    const id = recognition.namesTopic ? recognition.candidates[0]?.id : undefined;
    const item = id ? this.kb.itemById.get(id) : undefined;
    if (!item || item.resolver === 'tier') return undefined;
    return { lastItemId: item.id, at: this.clock() };
  }

  /** `facts`: what the whole message says about the enterprise (its frame's), for a question of it. */
  build(asked: Recognition, previous: QaContext = {}, facts: StatedFacts | undefined = asked.frame?.facts): BuiltReply {
    const built = this.buildOne(asked, previous, facts);
    // The topic before the last is kept too: "前面那个", "这两个" point at it.
    const before = isFresh(previous, this.clock()) ? previous : {};
    const moved = built.context.lastItemId !== undefined && before.lastItemId !== undefined && built.context.lastItemId !== before.lastItemId;
    const earlierItemId = moved ? before.lastItemId : built.context.lastItemId === before.lastItemId ? before.earlierItemId : undefined;
    const named = asked.topics && asked.topics.length > 1 && built.context.lastItemId && asked.topics.includes(built.context.lastItemId) ? asked.topics : undefined;
    return earlierItemId || named ? { ...built, context: { ...built.context, ...(earlierItemId ? { earlierItemId } : {}), ...(named ? { lastNamed: named } : {}) } } : built;
  }

  private buildOne(asked: Recognition, previous: QaContext, facts: StatedFacts | undefined): BuiltReply {
    // A later question of a message carries no frame of its own: it reasons with the message's facts.
    const framed = facts && asked.frame?.facts !== facts ? { ...asked, frame: { clauses: asked.frame?.clauses ?? [], factText: asked.frame?.factText ?? '', questions: [], facts } } : asked;
    const now = this.clock();
    const context = isFresh(previous, now) ? previous : {};
    const m = this.kb.messages;

    if (framed.inputProblem === 'empty') return { reply: { kind: 'empty', text: m.empty, suggestions: m.fallbackSuggestions }, context };
    if (framed.inputProblem === 'unreadable') {
      return { reply: { kind: 'unreadable', text: m.unreadable, suggestions: m.fallbackSuggestions, unanswered: 'unreadable' }, context };
    }

    // "在培育库" said of our own after the honours were told: being in the pool adds to them (a 省级 enterprise
    // in the pool is still 一类); "那入库的呢" asks of pool enterprises in general.
    const told = framed.entities;
    const pooledToo = told.inPool === true && !told.honourLevels?.length && !told.noHonour && !SUPPOSED.test(framed.normalized) && SAID_OF_OUR_OWN.test(framed.message ?? framed.text) ? (facts?.update.honours ?? []).map((h) => h.level) : [];
    // "属于哪一类？" → 三类; "这类企业能参加专场招聘吗": the class just answered is the enterprise asked of.
    // ("我客户是市级的，算哪一类" → "那它能享受海外人才优先推荐吗": 它 is the enterprise the verdict was about.)
    const classBefore = !pooledToo.length && !told.honourLevels?.length && told.inPool !== true && (THIS_CLASS.test(framed.normalized) || THEY_MAY.test(framed.normalized)) ? classEntities(context.lastFacetIds) : undefined;
    const recognition = pooledToo.length ? { ...framed, entities: { ...told, honourLevels: pooledToo } } : classBefore ? { ...framed, entities: { ...told, ...classBefore } } : framed;
    const entities = recognition.entities;
    // The tier: asked before, or asked now without the honour.
    if (context.awaitingTier && canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
    if (recognition.intent === 'which_tier') {
      if (canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
      // ("啥荣誉都没 就入库了" → "几类": asked again right after a verdict, of the enterprise that verdict was about.)
      const judged = isFresh(context, now) && BARE_TIER_ASKED.test(recognition.normalized) ? classEntities(context.lastFacetIds) : undefined;
      if (judged) return this.answer(this.tierItem, { ...recognition, entities: { ...entities, ...judged } }, now);
      return {
        reply: { kind: 'prompt', text: m.tierPrompt, suggestions: m.tierPromptSuggestions, itemId: this.tierItem.id },
        context: { lastItemId: this.tierItem.id, awaitingTier: true, at: now },
      };
    }

    // "哪个汇措施最多": counted from the measures each 汇 holds.
    if (MOST_MEASURES.test(recognition.normalized)) return this.huiMeasureCounts(now);
    const last = context.lastItemId ? this.kb.itemById.get(context.lastItemId) : undefined;
    // "上面说的第二个具体有啥": the n-th item the last answer named; "同一个汇里还有啥": the measure's 汇.
    const picked = recognition.ordinal && last ? this.listedIn(last, context.lastFacetIds)[recognition.ordinal - 1] : recognition.sameHui && last ? huiItemOf(this.kb, last) : undefined;
    if (picked) return this.answer(picked, recognition, now, recognition.aspect);
    // "上面提到的那个中心全称是啥": the name of a thing the last answer's policy text mentions — its sentence.
    const naming = last ? this.sentenceNaming(last, recognition.normalized) : undefined;
    if (last && naming) {
      const text = `${naming}\n${fillTemplate(m.source, { source: last.source })}`;
      return { reply: { kind: 'answer', text, itemId: last.id, facetIds: [], suggestions: last.facets.flatMap((f) => (f.ask ? [f.ask] : [])).slice(0, 3) }, context: { lastItemId: last.id, at: now } };
    }
    // "苏相合作区也在里面吗" after the units of the 工作专班: whether the list just given holds it.
    const member = last ? this.memberOfLastAnswer(last, recognition, context, now) : undefined;
    if (member) return member;
    // "它是哪天印发的" after the 文号: another attribute of the document it points at.
    // (A document that answers it itself — "它的文号" after the 三年行动计划 it cites — is what is pointed at.)
    const pointedSibling =
      recognition.reference && last && !selectFacets(last, recognition.normalized, recognition.entities, this.kb.messages.genericFacets) ? documentSibling(this.kb, last.id, recognition.candidates[0]) : undefined;
    if (pointedSibling) return this.answer(this.kb.itemById.get(pointedSibling)!, recognition, now);
    // "它的文号", "这个归哪个部门管": the entity just named.
    // (Not the tier of what it stands for: "国家级小巨人…能加几分？另外它算几类企业".)
    const tierOfIt = ASKS_TIER.test(recognition.normalized) && canDecideTier(recognition.entities);
    if (recognition.reference && last && !recognition.topicFromMessage && !tierOfIt && this.canAnswerOf(last, recognition)) {
      // ("服务专窗是干什么用的" → "那它跟服务专员有什么区别": 它 is the part just answered — both parts are said.)
      const before = COMPARES.test(recognition.normalized) ? askedOf(last, context.lastFacetIds) : [];
      const compared = before.length ? { ...recognition, normalized: `${before.join(' ')} ${recognition.normalized}` } : recognition;
      return this.answer(last, compared, now, recognition.aspect);
    }
    // "深度诊断…" → "企业沙龙…" → "前面那个要收费吗" / "这两个分别由哪些单位负责": the topic before the last, or both.
    const earlier = context.earlierItemId ? this.kb.itemById.get(context.earlierItemId) : undefined;
    if (earlier && last && !recognition.namesTopic && !recognition.offTopicRequest) {
      if (BOTH_TOPICS.test(recognition.normalized)) return this.both(earlier, last, recognition, now, context);
      if (EARLIER_TOPIC.test(recognition.normalized)) {
        const built = this.answer(earlier, recognition, now, recognition.aspect);
        return { ...built, context: { ...built.context, earlierItemId: last.id } };
      }
    }
    // "那二类呢", "三类有没有" after a measure: a tier named alone stands for the honours (or the pool) that make it.
    const standing = last?.kind === 'measure' ? this.tierNamedAlone(recognition.normalized) : undefined;
    if (last && standing) return this.answer(last, { ...recognition, entities: { ...entities, ...standing } }, now, recognition.aspect ?? context.lastAspect);
    // ("企业沙龙是什么" → "主要内容是什么": words that name the programme only without another topic ask of the last one.)
    const leading = recognition.candidates[0] ? this.kb.itemById.get(recognition.candidates[0].id) : undefined;
    if (last && !recognition.followUp && last.id !== leading?.id && namedOnlyByContextWords(leading, recognition.normalized, this.kb.programmeWords)) return this.answer(last, recognition, now, recognition.aspect);
    // "一类企业包括哪些" → "二类呢" → "还有吗": what else the last topic says — all of it, no longer one part or one class.
    if (recognition.followUp && last && MORE_ASKED.test(recognition.normalized) && (last.resolver === 'tier' || (context.lastFacetIds?.length ?? 0) > 0 || context.lastAspect !== undefined)) {
      return this.answer(last, { ...recognition, entities: {} }, now, undefined);
    }
    if (recognition.followUp && last) {
      const top = recognition.candidates[0] ? this.kb.itemById.get(recognition.candidates[0].id) : undefined;
      // "哪个单位发的" after the 文号: another attribute of the document.
      const sibling = documentSibling(this.kb, last.id, recognition.candidates[0]);
      if (sibling) return this.answer(this.kb.itemById.get(sibling)!, recognition, now);
      // "那标杆学习呢": a new topic, the aspect asked before.
      // ("上市培育是什么" → "具体能享受哪些服务": a 汇 named only by its field's word is no new topic.)
      // ("人才方面呢", "那金融这块呢": the field itself, elliptical, is the new topic.)
      const byFieldOnly = top !== undefined && !FIELD_ASKED_INSTEAD.test(recognition.normalized) && (namedOnlyByField(top, recognition.normalized) || namedOnlyByContextWords(top, recognition.normalized, this.kb.programmeWords));
      if (recognition.namesTopic && top && top.id !== last.id && top.resolver !== 'tier' && !byFieldOnly) return this.answer(top, recognition, now, recognition.aspect ?? context.lastAspect);
      // "牵头单位呢" after the 文号: units asked of what has none — the question's own topic answers it.
      if (recognition.aspect === 'responsible' && !last.responsible?.length && top && top.id !== last.id && top.resolver !== 'tier' && recognition.confidence === 'high') return this.answer(top, recognition, now);
      // "要钱吗", "谁负责": an aspect of the last topic; "那市级呢": the last topic and aspect for another honour.
      if (!recognition.namesTopic || top?.id === last.id || byFieldOnly) {
        if (last.resolver === 'tier') {
          if (canDecideTier(entities)) return this.answer(last, recognition, now);
        } else return this.answer(last, recognition, now, recognition.aspect ?? (recognition.offerAsked ? undefined : context.lastAspect));
      }
    }
    if (recognition.followUp) {
      const fromContext = this.followUpAnswer(recognition, context, now);
      if (fromContext) return fromContext;
      if (recognition.confidence !== 'high') {
        if (canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
        const ofProgramme = this.programmeDetailAsked(recognition, now);
        if (ofProgramme) return ofProgramme;
        const contactItem = this.contactOf(recognition);
        if (contactItem) return this.answer(contactItem, recognition, now, undefined);
        return { reply: { kind: 'fallback', text: m.followUpWithoutTopic, suggestions: m.fallbackSuggestions, unanswered: 'no_topic' }, context };
      }
    }

    const top = recognition.candidates[0];
    const topItem = top ? this.kb.itemById.get(top.id) : undefined;
    if (recognition.intent === 'none' && recognition.offTopicRequest && m.scope) {
      return { reply: { kind: 'fallback', text: m.scope, suggestions: m.fallbackSuggestions, unanswered: 'out_of_scope' }, context };
    }
    // "经济大脑是做什么用的" → "除此之外，经济大脑还有什么用途": another item naming the same thing, not the one just answered.
    // ("…其他部分还提到它吗": 它 is what the last question named.)
    const named = recognition.topics ?? (recognition.reference || IT.test(recognition.normalized) ? context.lastNamed : undefined) ?? [];
    const other = context.lastItemId && named.includes(context.lastItemId) && ELSEWHERE.test(recognition.normalized) && !recognition.offTopicRequest ? named.find((id) => id !== context.lastItemId) : undefined;
    const otherItem = other ? this.kb.itemById.get(other) : undefined;
    if (otherItem) return this.answer(otherItem, recognition, now, recognition.aspect);
    if (recognition.intent === 'none' || recognition.confidence === 'low' || !topItem) {
      // "明年打算扩产": told about the enterprise, asked nothing — noted, and what can be asked offered.
      if (statesOnly(recognition)) return { reply: { kind: 'fallback', text: m.statementNoted, suggestions: m.fallbackSuggestions, unanswered: 'no_topic' }, context };
      // ("…优先推荐去参加": matched too weakly to decide, an aspect asked in the last topic's own words is of it.)
      const said = this.askedInLastTopicsWords(recognition, context);
      if (said && !recognition.inputProblem) return this.answer(said, recognition, now, recognition.aspect);
      // ("那我们市级的也能优先吗" after 人才对接: matched too weakly alone, and best by the topic just answered.)
      const continued = this.weakMatchOfLastTopic(recognition, context, now);
      if (continued) return this.answer(continued, recognition, now, recognition.aspect);
      const contactItem = recognition.offTopicRequest ? undefined : this.contactOf(recognition);
      if (contactItem) return this.answer(contactItem, recognition, now, undefined);
      // ("营收8000万够吗": a threshold of no topic named, which the programme never sets.)
      const ofProgramme = recognition.offTopicRequest || recognition.inputProblem ? undefined : this.programmeDetailAsked(recognition, now, true);
      if (ofProgramme) return ofProgramme;
      return this.fallback(context, recognition);
    }
    if (recognition.confidence === 'ambiguous') {
      // Which topic is meant does not matter when none of them gives the detail asked for (截止日期).
      if (this.noneGivesDetail(recognition)) return this.answer(topItem, recognition, now);
      // "苗圃计划是什么" → "什么样的企业会被优先推荐": an aspect asked in the words the last topic itself uses.
      const said = this.askedInLastTopicsWords(recognition, context);
      if (said) return this.answer(said, recognition, now, recognition.aspect);
      return this.clarify(recognition, context);
    }
    // "苗圃计划是什么" → "哪些企业会被优先推荐": naming nothing, the question's words fit another item
    // better, but its phrase is the last topic's own — the last topic, when its words fit too.
    const said = topItem.id !== context.lastItemId ? this.askedInLastTopicsWords(recognition, context) : undefined;
    if (said && recognition.candidates.some((c) => c.id === said.id)) return this.answer(said, recognition, now, recognition.aspect);
    return this.answer(topItem, recognition, now);
  }

  /**
   * Several aspects asked in one clause ("是线上还是线下、一年办几场、哪个部门牵头"): the part answering each,
   * in the order asked; undefined when fewer than two aspects are asked or fewer than two parts answer.
   */
  private eachAspectAsked(item: KnowledgeItem, asked: string, recognition: Recognition): FacetAnswer | undefined {
    const found = this.kb.aspects
      .map((a) => ({ at: Math.min(...a.cues.map((c) => asked.indexOf(cleanText(c))).filter((i) => i >= 0)), cue: a.cues.map(cleanText).filter((c) => asked.includes(c)).sort((x, y) => y.length - x.length)[0] }))
      .filter((a) => a.cue !== undefined)
      .sort((x, y) => x.at - y.at);
    if (found.length < 2) return undefined;
    return severalParts(found.map(({ cue }) => selectFacets(item, cue!, recognition.entities, this.kb.messages.genericFacets)));
  }

  /**
   * "资源集约利用评价里，国家级和省级的待遇怎么区分": several honour levels asked about, none of them told
   * as ours — each level's own part, in the order they were named.
   */
  private eachLevelAsked(item: KnowledgeItem, asked: string, recognition: Recognition): FacetAnswer | undefined {
    const levels = [...new Set(recognition.entities.honourLevels ?? [])];
    // (Levels told of an enterprise — "我们是省级和市级", "客户有国家级也有省级" — are its honours: its highest decides.)
    const ofAnEnterprise = recognition.frame?.clauses.some((c) => c.kind === 'fact' && (c.firstPerson || ENTERPRISE_TOLD.test(c.text))) ?? false;
    if (levels.length < 2 || ofAnEnterprise) return undefined;
    if (!item.facets.some((f) => f.when?.honourLevels)) return undefined;
    return severalParts(levels.map((level) => selectFacets(item, asked, { ...recognition.entities, honourLevels: [level] }, this.kb.messages.genericFacets)));
  }

  /** The same question of the two topics talked about last, each with its source, in the order they came. */
  private both(earlier: KnowledgeItem, last: KnowledgeItem, recognition: Recognition, now: number, context: QaContext): BuiltReply {
    const aspect = recognition.aspect ?? context.lastAspect;
    const first = this.answer(earlier, recognition, now, aspect);
    const second = this.answer(last, recognition, now, aspect);
    return {
      reply: { ...second.reply, text: `${first.reply.text}\n${second.reply.text}`, facetIds: [...(first.reply.facetIds ?? []), ...(second.reply.facetIds ?? [])] },
      context: { ...second.context, earlierItemId: earlier.id },
    };
  }

  /** Answers the previous topic with the entities of an elliptical follow-up ("那市级呢"). */
  private followUpAnswer(recognition: Recognition, context: QaContext, now: number): BuiltReply | undefined {
    const last = context.lastItemId ? this.kb.itemById.get(context.lastItemId) : undefined;
    if (!last) return undefined;
    if (last.resolver === 'tier' && canDecideTier(recognition.entities)) return this.answer(last, recognition, now);
    const facet = selectFacets(last, recognition.normalized, recognition.entities, this.kb.messages.genericFacets);
    if (!facet || facet.ids.every((id) => context.lastFacetIds?.includes(id))) return undefined;
    return this.answer(last, recognition, now);
  }

  /**
   * The answer; for several enterprises the message describes one by one ("甲公司是国家级…，乙公司是
   * 省级…，分别属于哪类"), once per enterprise when their facts make the answers differ.
   */
  private answer(item: KnowledgeItem, recognition: Recognition, now: number, aspectId: string | undefined = recognition.aspect): BuiltReply {
    // ("文号是多少？它跟高新技术企业认定是一回事吗": what is compared with another thing is the programme, not its document's detail.)
    const programme = recognition.comparedWith && item.kind === 'document' ? this.kb.itemById.get(HUI_LIST.item) : undefined;
    if (programme) return this.answer(programme, recognition, now, undefined);
    const listed = recognition.enterprises;
    if (!listed || listed.length < 2) return this.answerOne(item, recognition, now, aspectId);
    // ("…会优先推荐给哪几家子公司": which of those described, not a list of names the policy would have to give.)
    const whichOfThem = WHICH_OF_THEM.test(recognition.normalized);
    const asked = whichOfThem ? { ...recognition, normalized: recognition.normalized.replace(WHICH_OF_THEM, '') } : recognition;
    const built = this.answerOne(item, asked, now, aspectId);
    if (built.reply.kind !== 'answer') return built;
    const source = `\n${fillTemplate(this.kb.messages.source, { source: item.source })}`;
    const withoutSource = (r: BuiltReply) => (r.reply.text.endsWith(source) ? r.reply.text.slice(0, -source.length) : r.reply.text);
    const each = listed.map((e) => {
      const served = whichOfThem ? this.reasoner?.served?.(item, e.entities, asked.normalized, true) : undefined;
      if (served) return served;
      const frame = { clauses: recognition.frame?.clauses ?? [], factText: '', questions: [], facts: e.facts };
      // (Each enterprise is asked of alone: "各属于几类" compares nothing within one that holds two honours.)
      return withoutSource(this.answerOne(item, { ...asked, normalized: asked.normalized.replace(EACH_TIER_WORDS, ''), entities: e.entities, frame, message: undefined, enterprises: undefined }, now, aspectId));
    });
    if (each.every((t) => t === each[0])) return built;
    // What is said of the tiers or rules themselves (二类为…, 方案规定：…) is said once, after the enterprises:
    // of each only its verdict (the tier: its first sentence).
    const sentences = each.map((t) => t.split(/(?<=。)/u).filter(Boolean));
    const verdicts = sentences.map((list) => (item.resolver === 'tier' ? list.slice(0, 1) : list.filter((x) => !RULE_STATED.test(x))));
    const once = [...new Set(sentences.flatMap((list, i) => list.filter((x) => !verdicts[i].includes(x))))];
    const lines = listed.map((e, i) => ANSWER_TEXT.forEnterprise(e.name, verdicts[i].join('')));
    // (Which of them: the rule first, then each.)
    const text = [...(whichOfThem ? [withoutSource(built)] : []), ...lines, ...(once.length ? [once.join('')] : [])].join('\n');
    return { ...built, reply: { ...built.reply, text: `${text}${source}` } };
  }

  private answerOne(item: KnowledgeItem, recognition: Recognition, now: number, aspectId: string | undefined = recognition.aspect): BuiltReply {
    const m = this.kb.messages;
    // ("这个实施方案是哪天印发的，到现在执行多长时间了": counted from the date it was issued to today.)
    if (item.kind === 'document' && ELAPSED_ASKED.test(recognition.normalized)) {
      const date = this.kb.document.date;
      const text = `${ANSWER_TEXT.sinceIssued(this.kb.document.dateText, calendarDate(new Date(now)), monthsSince(date, new Date(now)))}\n${fillTemplate(m.source, { source: item.source })}`;
      return { reply: { kind: 'answer', text, itemId: item.id, facetIds: ['since-issued'], suggestions: followUps(this.kb, item, [], recognition.text) }, context: { lastItemId: item.id, lastFacetIds: ['since-issued'], at: now } };
    }
    const today = new Date(now);
    let text = item.answer;
    let facetIds: string[] = [];
    const aspect = aspectId ? this.aspects.get(aspectId) : undefined;
    // An aspect carried from the previous question is read as if asked now ("那标杆学习呢" → 收费?).
    // So is one the message's background stated ("听说诊断是收费的，好像要几万").
    const unsaid = aspect && (aspectId !== recognition.aspect || !aspect.cues.some((c) => recognition.normalized.includes(cleanText(c))));
    const asked = unsaid ? `${recognition.normalized} ${cleanText(aspect.cues[0])}` : recognition.normalized;
    // "企业沙龙怎么报名": how to join an activity, which the policy states once for all of them.
    const carrier = (item.eligibility?.activityType || item.joinedAsActivity) && aspect?.activitiesAnsweredBy ? this.kb.itemById.get(aspect.activitiesAnsweredBy) : undefined;
    if (carrier && carrier.id !== item.id && !aspect!.evidence.some((e) => item.text.includes(e)) && !selectFacets(item, asked, recognition.entities, m.genericFacets)) {
      const built = this.answer(carrier, recognition, now, undefined);
      return { ...built, context: { ...built.context, lastItemId: item.id, ...(aspectId && !NOT_CARRIED.has(aspectId) ? { lastAspect: aspectId } : {}) } };
    }
    // "三类培育对象分别是哪些企业", "入库培育企业的门槛是什么" describe the tiers; a verdict answers only which tier an enterprise is.
    // Outside the park or a large enterprise, the programme's scope answers before any tier.
    const outside = recognition.entities.outsidePark === true || recognition.entities.large === true;
    // "区级专精特新是几类？跟市级一样吗": the levels of the whole message compared.
    // ("省级和市级分别属于哪一类": each level's tier, said together.)
    const compared =
      item.resolver === 'tier' && !outside && (COMPARES.test(recognition.normalized) || ASKS_EACH_TIER.test(recognition.normalized))
        ? tierComparison([...(recognition.frame?.facts?.update.honours ?? []).map((h) => h.level), ...(recognition.entities.honourLevels ?? [])], this.kb, recognition.entities.inPool === true)
        : undefined;
    // "入库培育企业申报什么时候截止" asks a detail the policy does not give, not which tier.
    // (Asked which tier, only a detail the whole message tells decides it: "上海市的专精特新…我们算哪一类", a merger.)
    const unlistedAsked = m.unlistedDetails && (ASKS_TIER.test(recognition.normalized) ? m.unlistedDetails.details.filter((d) => d.fromMessage) : m.unlistedDetails.details);
    const asksUnlisted = item.resolver === 'tier' && unlistedAsked ? unlistedDetail(item, asked, unlistedAsked, [], recognition.message) : undefined;
    // "要往上升到二类需要满足什么条件": the tier aimed at, as the policy defines it — not the tier held.
    // ("这样算二类还是会升到一类" asks which tier we are: only what it takes to get there is asked of the tier aimed at.)
    const aimedTier = item.resolver === 'tier' && !outside && !compared && ASKS_WHAT_IT_TAKES.test(recognition.normalized) ? this.kb.tiers.find((x) => aimsAtTier(recognition.normalized, x.name)) : undefined;
    const verdict = item.resolver === 'tier' && !outside && !compared && !aimedTier && !asksUnlisted && !describesTiers(recognition.normalized) ? tierVerdict(recognition.entities, this.kb) : undefined;
    const units = item.resolver === 'unit' ? unitsIn(`${recognition.text} ${recognition.normalized}`, this.kb) : [];
    // ("…算第几类？跟我们的二类医疗器械注册证有关系吗": a class of another system, asked whether it is related.)
    const otherClassing = item.resolver === 'tier' && m.tierOtherClassing && RELATION_ASKED.test(recognition.normalized) ? OTHER_CLASSING.exec(recognition.message ?? recognition.text) : null;
    // ("一类企业和二类企业的区别是什么": tiers named by their numerals, compared — each as the policy defines it.)
    const tiersCompared = item.resolver === 'tier' && !compared && COMPARES.test(recognition.normalized) ? tiersNamedIn(recognition.normalized, this.kb) : [];
    if (otherClassing) {
      text = fillTemplate(m.tierOtherClassing!, { other: otherClassing[0] });
      facetIds = ['tier-other-classing'];
    } else if (tiersCompared.length >= 2) {
      text = tiersCompared.map((x) => ANSWER_TEXT.tierDefined(x.name, x.definition)).join('');
      facetIds = ['tier-compared'];
    } else if (compared) {
      text = compared;
      facetIds = ['tier-compared'];
    } else if (aimedTier) {
      text = ANSWER_TEXT.tierDefined(aimedTier.name, aimedTier.definition);
      facetIds = [`tier-aimed-${aimedTier.id}`];
    } else if (verdict) {
      // "如获评省级，培育类别将如何变化": the tier held now first, then the one supposed.
      const held = [...new Set((recognition.frame?.facts?.update.honours ?? []).map((h) => h.level))];
      const supposedLevels = recognition.entities.honourLevels ?? [];
      // (No honour held, in the pool: the pool's tier now — "还没拿过称号…进了培育库…如果明年评上市级，会变成第几类".)
      const inPoolNow = held.length === 0 && recognition.frame?.facts?.update.inPool === true;
      const tierNow = (held.length || inPoolNow) && SUPPOSING.test(recognition.normalized) && TIER_CHANGE_ASKED.test(recognition.normalized) && supposedLevels.some((l) => !held.includes(l)) ? tierForHonours(held, this.kb) : undefined;
      text = tierNow && tierNow.id !== verdict.tier.id ? `${ANSWER_TEXT.tierNowThen(tierNow.name, supposedLevels)}${verdict.text}` : verdict.text;
      // ("…是不是二类？": a tier guessed and missed is said to be missed first, with what that tier is.)
      const guessed = tierNow ? undefined : GUESSED_TIER.exec(recognition.normalized);
      const guess = guessed ? tierNamedIn(guessed, this.kb) : undefined;
      const outsidePool = !(recognition.entities.honourLevels?.length ?? 0) && !recognition.entities.inPool && recognition.entities.notInPool === true;
      if (guess && (guess.id !== verdict.tier.id || outsidePool)) text = `${ANSWER_TEXT.tierGuessMissed(guess.name, guess.definition)}${text}`;
      // ("属于哪一类？跟二类企业差在哪": our tier, then the other tier it is compared with, as the policy defines it.)
      if (COMPARES.test(recognition.normalized)) {
        const others = this.kb.tiers.filter((x) => x.id !== verdict.tier.id && namesTier(recognition.normalized, x.name));
        text += others.map((x) => ANSWER_TEXT.tierDefined(x.name, x.definition)).join('');
      }
      // ("为啥不是一类": the tier asked about is what it is for — that is why.)
      const whyNot = WHY_NOT_TIER.exec(recognition.normalized)?.[0];
      if (whyNot) {
        const others = this.kb.tiers.filter((x) => x.id !== verdict.tier.id && namesTier(whyNot, x.name) && !text.includes(x.definition));
        text += others.map((x) => ANSWER_TEXT.tierDefined(x.name, x.definition)).join('');
      }
      facetIds = [`tier-${verdict.tier.id}`];
    } else if (units.length) {
      text = units.map((u) => fillTemplate(m.unitMeasures, { unit: u.unit, measures: ANSWER_TEXT.list(u.measures.map((x) => x.title)) })).join('');
      facetIds = units.map((u) => `unit-${u.unit}`);
    } else {
      // "三类培育对象？": the three classes the policy names, not the third one.
      const allClasses = item.resolver === 'tier' && THREE_CLASSES.test(recognition.normalized);
      // ("各级…加分规则是怎么规定的": every level's rule — no honour of ours picks one.)
      const byRule = RULE_ASKED.test(recognition.normalized) ? { ...recognition.entities, honourLevels: undefined } : recognition.entities;
      const facet = allClasses ? undefined : (this.eachAspectAsked(item, asked, recognition) ?? this.eachLevelAsked(item, asked, recognition) ?? selectFacets(item, asked, byRule, m.genericFacets));
      if (facet) {
        // "…的原文表述以及责任单位": what the item says is asked too, beside the aspect.
        text = ALSO_CONTENT.test(recognition.normalized) && !facet.text.includes(item.answer) ? `${item.answer}${facet.text}` : facet.text;
        // "金鸡湖人才计划，哪些企业能得到重点辅导": an aspect of the measure, asked of a thing it names — say which measure.
        const named = facet.ids.some((id) => m.genericFacets.some((g) => g.id === id)) ? namedSubject(item, [recognition.normalized, ...(recognition.frame?.clauses.map((c) => cleanText(c.text)) ?? [])].join(' ')) : undefined;
        // (Asked whom it serves, what the measure says of the thing named tells: "帮代办重点企业名单，哪些企业能列进去".)
        const said = facet.ids.includes('audience') ? saidOf(item, named ?? '') : undefined;
        if (named && named !== item.title && !text.includes(named)) text = `${ANSWER_TEXT.partOf(named, item.title, said)}${text}`;
        // ("国家级的评级提升和省级的加分是一回事吗": two parts asked whether they are one — no, then each.)
        if (facet.ids.length >= 2 && SAME_THING.test(recognition.normalized)) text = `${ANSWER_TEXT.partsDiffer}${text}`;
        facetIds = facet.ids;
      }
    }
    // Conditions the question states: a dated honour against 近三年内, an enterprise outside the programme.
    const reasoned = verdict || units.length ? undefined : this.reasoned(item, recognition, today);
    if (reasoned) {
      text = reasoned;
      facetIds = ['conditions'];
    }
    // Whether an enterprise the question describes may take part: the verdict, then what the measure is.
    // ("我们是市级的" … "海外人才对接是怎么弄的" → "我们能享受吗": our honours told before are what is judged.)
    const toldBefore = recognition.frame?.facts?.update;
    const ownHonours = !recognition.entities.honourLevels?.length && recognition.entities.inPool !== true && speaksOfOwn(recognition) && toldBefore ? [...new Set((toldBefore.honours ?? []).map((h) => h.level))] : [];
    const judged = ownHonours.length ? { ...recognition.entities, honourLevels: ownHonours } : recognition.entities;
    const served = verdict || units.length || reasoned ? undefined : this.reasoner?.served?.(item, judged, recognition.normalized);
    // ("人才政策宣讲能参加吗": the verdict, then which measure the thing asked of belongs to.)
    const servedPart = served ? namedSubject(item, recognition.normalized) : undefined;
    // (Not a longer name of the measure itself: "资源集约利用综合评价" is 资源集约利用评价.)
    const partNote = servedPart && !sharesWords(servedPart, item.title) && !served?.includes(servedPart) ? ANSWER_TEXT.partOf(servedPart, item.title) : '';
    if (served) text = `${served}${partNote}${text}`;
    // "我们是国家级的，评价能提档吗": the answer for that level, then the years that count and the year asked
    // ("我们评价能加分吗": the level and the year asked).
    // (Asked of an honour in general — "市级专精特新能加几分" — no year is wanted.)
    // ("我们想引进海外人才，对接这块是哪个部门牵头": who is responsible is the same at every level — no level asked.)
    const levelFree = facetIds.length > 0 && facetIds.every((id) => LEVEL_FREE_FACETS.has(id));
    const undated = verdict || units.length || reasoned || levelFree || !speaksOfOwn(recognition) ? undefined : this.reasoner?.undated?.(item, recognition.frame?.facts, today);
    if (undated) text = `${text}${undated}`;
    let unlisted = verdict || units.length || reasoned || served || !m.unlistedDetails ? undefined : unlistedDetail(item, asked, m.unlistedDetails.details, facetIds, recognition.message);
    // The aspect asked is stated of another part of the measure only: say so, and what the policy does say.
    const otherPart = unlisted || reasoned || !aspect?.unlisted || !m.aspectOfOtherPart ? undefined : partStatingAspect(item, facetIds, aspect.evidence);
    // ("…是线上还是线下、一年办几场、哪个部门牵头": several aspects asked, the parts chosen answer the others —
    // the part that states this one is added, not said to be missing.)
    const severalAsked = this.kb.aspects.filter((x) => x.cues.some((c) => recognition.normalized.includes(cleanText(c)))).length >= 2;
    if (otherPart && severalAsked && facetIds.length) {
      text = `${text}${otherPart.answer}`;
      facetIds = [...facetIds, otherPart.id];
    } else if (otherPart && m.aspectOfOtherPart) {
      text = fillTemplate(m.aspectOfOtherPart, { label: aspect?.label ?? '', title: item.title, other: otherPart.answer });
      facetIds = [otherPart.id];
    }
    // An aspect the item neither answers with a facet nor mentions (培训辅导 收费?) is not in the policy.
    // ("定制化培训班收费吗": a part chosen by its name, not by the aspect's words, that says nothing of the cost either.)
    const partsSilent = facetIds.every((id) => {
      const facet = item.facets.find((f) => f.id === id);
      const byAspect = facet?.cues.some((c) => aspect?.cues.some((x) => cleanText(x) === cleanText(c)) && recognition.normalized.includes(cleanText(c)));
      return facet !== undefined && !byAspect && !aspect?.evidence.some((e) => facet.answer.includes(e));
    });
    // (The aspect's words only describing what else is asked — "那个线上的专区叫啥名" — ask no aspect.)
    const asksOtherwise = aspect ? OTHER_ASKING.test(aspect.cues.reduce((t, c) => t.split(cleanText(c)).join(' '), recognition.normalized)) : false;
    let aspectUnlisted = false;
    if (!unlisted && !reasoned && !served && aspect?.unlisted && (facetIds.length === 0 || (partsSilent && !asksOtherwise)) && !aspect.evidence.some((e) => item.text.includes(e))) {
      unlisted = `“${item.title}”${aspect.label ?? ''}`;
      aspectUnlisted = true;
    }
    // ("服务专员多久上门走访一次": "定期" is the policy's whole answer — that no figure is given is said too.)
    if (!unlisted && !reasoned && aspect?.vagueNote && aspect.vague.some((v) => text.includes(v)) && !FIGURE.test(text) && !NOT_GIVEN_SAID.test(text)) text = `${text}${aspect.vagueNote}`;
    if (unlisted && m.unlistedDetails) {
      // ("金鸡湖人才计划今年申报截止是哪天": the answer names what was asked about.)
      const named = unlisted.includes('“') ? undefined : namedSubject(item, recognition.normalized);
      // (A detail that names the thing itself — "资源集约利用综合评价本身的评分指标" — needs no subject before it.)
      const subject = named && !unlisted.includes(named) && !unlisted.startsWith(named.slice(0, 4)) ? named : undefined;
      text = fillTemplate(m.unlistedDetails.template, { detail: subject ? ANSWER_TEXT.detailOf(subject, unlisted) : unlisted });
      // ("听说每年都给50万奖励，是真的吗": a value claimed is answered with what the policy says instead.)
      // ("有免费的诊断吗" → "那培训呢": the aspect carried over is not stated of the new topic — what the policy
      // does say of that topic follows, since the user named it and nothing else.)
      // ("首次认定荣誉的奖补标准是多少": the standard of something the item itself gives — 奖补 — is not listed; what
      // the policy says of it follows.)
      const standardOf = STANDARD_OF.exec(recognition.normalized)?.[1];
      const ofItsOwn = standardOf !== undefined && item.answer.includes(standardOf);
      // (The programme's overview is no clause on what was asked: "营收8000万够吗" gets the threshold alone.)
      const saysPolicy = item.id !== HUI_LIST.item && m.unlistedDetails.details.some((d) => d.detail === unlisted && d.saysPolicy);
      // ("入选的人才回国后多久能入职": no time is given, but the policy's words on what was asked about are.)
      const onWhatAsked = aspectUnlisted && aspect ? clauseOnWhatAsked(item, recognition.normalized, aspect.cues) : undefined;
      // (The programme's overview is no clause on what was asked: "安家补贴能给多少" gets the detail alone.)
      const ofProgramme = item.id === HUI_LIST.item;
      if (!ofProgramme && (claimsValue(m.unlistedDetails.details, unlisted, asked) || (aspectUnlisted && unsaid) || ofItsOwn || saysPolicy)) text = `${text}${ANSWER_TEXT.policySays(item.answer)}`;
      else if (onWhatAsked) text = `${text}${ANSWER_TEXT.policySays(onWhatAsked)}`;
      facetIds = [];
    }
    // A reasoned answer that leaves part of the question to a detail the policy does not give ("能叠加吗").
    const alsoUnlisted = reasoned && m.unlistedDetails ? unlistedDetail(item, asked, m.unlistedDetails.details, [], recognition.message) : undefined;
    if (alsoUnlisted && m.unlistedDetails) text = `${text}${fillTemplate(m.unlistedDetails.template, { detail: alsoUnlisted })}`;
    text = fillTemplate(text, { recentYears: recentYearsText(RECENT_YEARS, today) });
    // ("听说国家级直接加3分，是这样吗": points claimed that the answer does not give — said to be wrong first.)
    const claimed = CLAIMED_POINTS.exec(recognition.normalized);
    const pointsWrong = claimed && !unlisted && ![...text.matchAll(GIVEN_POINTS)].some((g) => g[1] === claimed[1]);
    if (pointsWrong) text = `${ANSWER_TEXT.claimedPointsWrong(claimed[1])}${text.replace(LEADING_YES, '')}`;
    // ("判断一下：专场招聘每年举办3~4场，对不对？": a statement asked to be judged — right or wrong first.)
    const whole = recognition.message ?? recognition.text;
    // (An answer that opens with its own yes or no — "不能。…" — needs no second verdict.)
    if (!unlisted && !pointsWrong && !OWN_VERDICT.test(text) && judgeAsked(`${whole} ${recognition.normalized}`)) {
      const tier = verdict?.tier.id;
      const tierOf = (level: HonourLevel) => tierForHonours([level], this.kb).id;
      const source = cleanText(item.text);
      const judged = claimVerdict(recognition.normalized, text, tier, tierOf, source) ?? ((recognition.frame?.questions.length ?? 1) <= 1 ? claimVerdict(whole, text, tier, tierOf, source) : undefined);
      if (judged) text = `${judged === 'right' ? ANSWER_TEXT.claimRight : ANSWER_TEXT.claimWrong}${text.replace(LEADING_YES, '')}`;
    }
    // ("凭什么省级能加2分，市级只能加1分": why a rule is so — the rule, then that the policy gives no reason; an
    // item whose own text says what it is for — 旨在, 为了 — answers why itself.)
    if (!unlisted && WHY_ASKED.test(recognition.normalized) && !GIVES_ITS_PURPOSE.test(`${item.text}${item.answer}`)) text = `${text}${ANSWER_TEXT.reasonNotGiven}`;
    // ("汇计划是不是就是高新技术企业认定那个政策": no — what it is; the other thing is not in the programme.)
    if (recognition.comparedWith && !unlisted) text = `${ANSWER_TEXT.notTheSameAs(recognition.comparedWith)}${text.replace(LEADING_YES, '')}`;
    // ("这个措施的责任单位里有人社局吗": whether the list asked for holds something — yes or no, then the list.)
    const member = !unlisted && facetIds.length ? LIST_HOLDS_ASKED.exec(recognition.normalized)?.[1] : undefined;
    if (member) text = `${text.includes(member) ? ANSWER_TEXT.listHolds(member) : ANSWER_TEXT.listLacks(member)}${text}`;
    const source = fillTemplate(m.source, { source: item.source });
    return {
      reply: {
        kind: 'answer',
        text: `${text}\n${source}`,
        suggestions: followUps(this.kb, item, facetIds, recognition.text),
        itemId: item.id,
        facetIds,
        // Officials see what people ask that the policy does not say.
        ...(unlisted ? { unanswered: 'out_of_scope' as const } : {}),
      },
      context: { lastItemId: item.id, lastFacetIds: facetIds, ...(aspectId && !NOT_CARRIED.has(aspectId) ? { lastAspect: aspectId } : {}), at: now },
    };
  }

  /**
   * The items the last answer named, in the order it names them (the 汇 of the programme, the measures of a 汇): of
   * the part answered ("第四部分…包括（一）…"), or else of the whole item.
   */
  private listedIn(item: KnowledgeItem, facetIds: readonly string[] = []): KnowledgeItem[] {
    const parts = item.facets.filter((f) => facetIds.includes(f.id)).map((f) => f.answer);
    const text = parts.length ? parts.join('') : item.answer;
    return this.kb.items
      .filter((other) => other.id !== item.id && ['hui', 'measure', 'implementation', 'safeguard'].includes(other.kind) && text.includes(other.title))
      .sort((a, b) => text.indexOf(a.title) - text.indexOf(b.title));
  }

  /**
   * The entity just named answers a question that refers to it unless the question names another
   * topic the entity says nothing about ("汇计划哪年发布的" → "它的发文单位是谁": 发文单位).
   */
  private canAnswerOf(last: KnowledgeItem, recognition: Recognition): boolean {
    // A 汇 named only by a word of its field ("它里面都有啥服务" names 服务, not 服务汇) is no other topic.
    const others = (recognition.topics ?? []).filter((id) => id !== last.id && !namedOnlyByField(this.kb.itemById.get(id), recognition.normalized));
    if (others.length === 0) return true;
    return selectFacets(last, recognition.normalized, recognition.entities, this.kb.messages.genericFacets) !== undefined;
  }

  /** The rule engine on the conditions the question states, or undefined when it states none that matter. */
  private reasoned(item: KnowledgeItem, recognition: Recognition, now: Date): string | undefined {
    const e = recognition.entities;
    if (!this.reasoner) return undefined;
    const scope = this.reasoner.scope(item, e, recognition.normalized);
    if (scope) return scope;
    // "我们不是制造业，评价能加分吗": a required trait our enterprise lacks decides before any year.
    const denied = speaksOfOwn(recognition) ? this.reasoner.denied?.(item, recognition.frame?.facts, recognition.normalized, now) : undefined;
    if (denied) return denied;
    const message = recognition.message ?? recognition.text;
    // "如果我们明年评上国家级，评价能拿到什么": an honour supposed, not held — the rule for that level, not our years.
    const held = new Set((recognition.frame?.facts?.update.honours ?? []).map((h) => h.level));
    if (SUPPOSING.test(recognition.normalized) && (e.honourLevels ?? []).some((l) => !held.has(l))) {
      // ("要是他们是2020年认定的市级呢": one honour supposed with one past year, nothing held — judged by that year.)
      const [level] = e.honourLevels ?? [];
      const [year] = e.years ?? [];
      const dated = held.size === 0 && e.honourLevels?.length === 1 && e.years?.length === 1 && year <= now.getUTCFullYear();
      if (!dated) return undefined;
      const facts = recognition.frame?.facts ?? statedFactsOf({});
      return this.reasoner.dated(item, { text: message, facts: { ...facts, update: { ...facts.update, honours: [{ level, year }] } } }, now);
    }
    // (Years told before — "我们评价能加分吗" after "我们是省级的，2024年认定" — count as stated.)
    // ("那19年评的省级呢": a year written short is read with its honour, not among the entities' years.)
    const dated = (recognition.frame?.facts?.update.honours ?? []).some((h) => h.year !== undefined);
    const datedBefore = dated && (speaksOfOwn(recognition) || SHORT_YEAR.test(message));
    if (!(e.years?.length || RELATIVE_YEAR.test(message) || datedBefore)) return undefined;
    // ("资源集约利用评价的加分归哪个部门管？国家级小巨人怎么加？2021年认定的今年还算吗？": the years answer the
    // question that asks of them; who is responsible, or the rule of a level, is answered as asked.)
    if (recognition.aspect && !DATED_ASPECTS.has(recognition.aspect)) return undefined;
    const others = (recognition.frame?.questions ?? []).filter((q) => q.text !== recognition.text);
    if (others.some((q) => DATE_ASKED.test(q.text)) && !DATE_ASKED.test(recognition.text)) return undefined;
    // ("国家级（2025年认定）怎么支持？省级（2025年认定）呢？区级（2024年认定）呢？": each question of the
    // honour it names, not of the best the message holds.)
    const facts = recognition.frame?.facts;
    const own = e.honourLevels ?? [];
    // ("…市级和省级在这个评价里到底各加几分": levels named side by side, each asked — the rule for each, not our verdict.)
    if (own.length >= 2 && EACH_LEVEL_ASKED.test(recognition.normalized)) return undefined;
    // ("方案里各级专精特新企业在这个评价里的加分规则是怎么规定的": the rule itself, for every level.)
    if (RULE_ASKED.test(recognition.normalized)) return undefined;
    const honours = facts?.update.honours ?? [];
    const ownOnly = own.length > 0 && honours.some((h) => own.includes(h.level)) && honours.some((h) => !own.includes(h.level));
    if (facts && ownOnly) return this.reasoner.dated(item, { text: recognition.text, facts: { ...facts, update: { ...facts.update, honours: honours.filter((h) => own.includes(h.level)) } } }, now);
    return this.reasoner.dated(item, { text: message, facts }, now);
  }

  /** The question asks for a detail the policy never gives, and no close candidate answers it. */
  private noneGivesDetail(recognition: Recognition): boolean {
    const details = this.kb.messages.unlistedDetails?.details;
    if (!details || recognition.candidates.length === 0) return false;
    return recognition.candidates.every((c) => {
      const item = this.kb.itemById.get(c.id);
      if (!item) return false;
      const facet = selectFacets(item, recognition.normalized, recognition.entities, this.kb.messages.genericFacets);
      return unlistedDetail(item, recognition.normalized, details, facet?.ids ?? []) !== undefined;
    });
  }

  private clarify(recognition: Recognition, context: QaContext): BuiltReply {
    const asks = recognition.candidates
      .slice(0, 3)
      .map((c) => this.kb.itemById.get(c.id)?.ask)
      .filter((a): a is string => !!a);
    return { reply: { kind: 'clarify', text: this.kb.messages.clarify, suggestions: asks }, context };
  }

  /** The last topic, when an aspect is asked of nothing named in a phrase of that topic's own text. */
  /**
   * "X也在里面吗", "包括X吗" right after a list was answered: yes, with the list, when the part just answered
   * names X; otherwise that the list given does not name it — the list again, so the user sees it.
   */
  private memberOfLastAnswer(last: KnowledgeItem, recognition: Recognition, context: QaContext, now: number): BuiltReply | undefined {
    const asked = IN_IT.exec(recognition.normalized) ?? IN_IT_FIRST.exec(recognition.normalized);
    const named = asked?.[1]?.replace(/^(?:那|那么)/u, '');
    if (!named || [...named].length < 2 || OF_OURS_SUBJECT.test(named) || !isFresh(context, now)) return undefined;
    // (What was answered last: a part of the item, or the aspect asked — its units — or the item itself.)
    const parts = last.facets.filter((f) => context.lastFacetIds?.includes(f.id)).map((f) => f.answer);
    const built = this.answer(last, { ...recognition, normalized: '', aspect: undefined }, now, parts.length ? undefined : context.lastAspect);
    if (built.reply.kind !== 'answer') return undefined;
    const text = parts.length ? `${parts.join('')}\n${fillTemplate(this.kb.messages.source, { source: last.source })}` : built.reply.text;
    const verdict = text.includes(named) ? ANSWER_TEXT.listHolds(named) : ANSWER_TEXT.listLacks(named);
    return { reply: { ...built.reply, text: `${verdict}${text}` }, context: { ...built.context, lastFacetIds: context.lastFacetIds } };
  }

  /**
   * A short question naming nothing, matched too weakly to answer alone, whose best match is the topic just
   * answered: it goes on asking of that topic ("会优先推给哪些企业", "那俺们市级的能优先推荐不").
   */
  private weakMatchOfLastTopic(recognition: Recognition, context: QaContext, now: number): KnowledgeItem | undefined {
    const last = context.lastItemId ? this.kb.itemById.get(context.lastItemId) : undefined;
    const top = recognition.candidates[0];
    if (!last || !top || top.id !== last.id || top.score < WEAK_OF_LAST_SCORE || !isFresh(context, now)) return undefined;
    if (recognition.namesTopic || recognition.offTopicRequest || recognition.inputProblem || recognition.intentScore >= 1) return undefined;
    return [...withoutClosingMarks(recognition.normalized)].length <= WEAK_OF_LAST_LENGTH ? last : undefined;
  }

  private askedInLastTopicsWords(recognition: Recognition, context: QaContext): KnowledgeItem | undefined {
    const said = context.lastItemId ? this.kb.itemById.get(context.lastItemId) : undefined;
    if (!said || !recognition.aspect || recognition.namesTopic) return undefined;
    // ("谁负责搭建的" after the 供需专区: every word besides the aspect is one the last topic says of itself.)
    // ("对接的是哪个单位啊": nothing besides the aspect names anything — the aspect alone, of the last topic.)
    const ownWords = recognition.wordsBeyondAspect;
    return sharesPhrase(said.text, recognition.normalized) || (ownWords !== undefined && ownWords.every((w) => said.text.includes(w))) ? said : undefined;
  }

  /**
   * A detail of the programme's scope it does not give, asked of no topic ("个体户适用吗"; `nothingMatched`: of
   * nothing the knowledge knows, "营收8000万够吗"): said of the programme.
   */
  private programmeDetailAsked(recognition: Recognition, now: number, nothingMatched = false): BuiltReply | undefined {
    const m = this.kb.messages;
    const programme = this.kb.itemById.get(HUI_LIST.item);
    if (!programme || !m.unlistedDetails) return undefined;
    // (A detail of what the policy does not cover — "研发费用加计扣除比例多少" — is no detail of the programme.)
    if (this.kb.outOfScope.some((t) => recognition.normalized.includes(cleanText(t)))) return undefined;
    const details = m.unlistedDetails.details.filter((d) => d.ofProgramme && (!nothingMatched || d.withoutTopic));
    const asked = unlistedDetail(programme, recognition.normalized, details, [], recognition.message);
    return asked ? this.answer(programme, recognition, now, undefined) : undefined;
  }

  /** ("企业平时找谁对接", "落户企业先找谁": whom to contact, of nothing named — the part of the policy whose own words say it.) */
  private contactOf(recognition: Recognition): KnowledgeItem | undefined {
    // (Whom to ask about what the policy does not cover — "社保问题找谁" — is no question of it.)
    if (this.kb.outOfScope.some((t) => recognition.normalized.includes(cleanText(t)))) return undefined;
    const contact = recognition.aspect === 'responsible' ? CONTACT_ASKED.exec(recognition.normalized)?.[0] : undefined;
    return contact ? this.kb.items.find((i) => i.facets.some((f) => f.cues.some((c) => cleanText(c) === contact))) : undefined;
  }

  private fallback(context: QaContext, recognition: Recognition): BuiltReply {
    const m = this.kb.messages;
    // ("汇计划对企业所得税有没有减免": a topic the policy is known not to cover is said to be outside it, not misread.)
    // ("听说有个人所得税减免 汇计划支持吗": the topic may be in the message's background.)
    const said = `${recognition.normalized} ${cleanText(recognition.message ?? '')}`;
    const outside = this.kb.outOfScope.some((t) => said.includes(cleanText(t)));
    const text = (outside ? m.outsideProgramme : undefined) ?? m.fallback;
    return { reply: { kind: 'fallback', text, suggestions: m.fallbackSuggestions, unanswered: recognition.intent === 'none' ? 'out_of_scope' : 'low_confidence' }, context };
  }
}

/** The message speaks of our own enterprise (我们, 我司…) in some clause. */
function speaksOfOwn(recognition: Recognition): boolean {
  return recognition.frame?.clauses.some((c) => c.firstPerson) ?? false;
}

/** A clause without 我们 that still tells a plan or a state of the enterprise ("明年打算扩产"); "独角兽标准" does not. */
const PLAN_STATED = /^(?:明年|今年|后年|下半年|年底)?(?:打算|准备|正在|已经|计划[要在])/u;

/** The message tells about the enterprise and asks nothing (no asking clause, no request). */
function statesOnly(recognition: Recognition): boolean {
  const clauses = recognition.frame?.clauses ?? [];
  const tells = clauses.some((c) => c.kind === 'fact' || (c.kind === 'context' && PLAN_STATED.test(c.text)));
  return !recognition.offTopicRequest && tells && clauses.every((c) => c.kind !== 'ask');
}

/** The content asked beside an aspect, coordinated with it ("具体内容和责任单位", "牵头单位及原文"). */
const ALSO_CONTENT = /(?:具体内容|主要内容|哪些内容|什么内容|原文表述|原文|具体表述|具体规定|内容)(?:以及|[和与及、,])|(?:以及|[和与及、,])(?:具体内容|主要内容|原文表述|原文|具体规定|内容)/u;

/** A sentence stating the rule itself, not a verdict ("方案规定：…"). */
const RULE_STATED = /^方案规定/u;

/** Which of the enterprises the message described ("哪几家子公司"). */
const WHICH_OF_THEM = /哪几家(?:子公司|公司|企业)?|哪些(?:子公司|公司)|哪家(?:子公司|公司|企业)?/u;

/** Which 汇 has the most or fewest measures ("哪个汇措施最多", "措施最少的是哪个汇"). */
const MOST_MEASURES = /哪(?:个|一个)?汇[^，,。？?]{0,8}?(?:措施|举措|内容|项目)?[^，,。？?]{0,4}最(?:多|少)|(?:措施|举措)最(?:多|少)的?(?:是)?(?:哪个|哪一个)?汇/u;

/** What it takes to reach something: conditions, requirements, how. */
const ASKS_WHAT_IT_TAKES = /需要|条件|要求|标准|门槛|资格|怎么|如何|怎样|咋|才能|满足|具备|要(?:什么|啥|做)/u;

/** Fewest two-character pieces of the question a clause of the policy must share to be on what was asked. */
const MIN_SHARED_PIECES = 3;

/**
 * The clause of the item's policy text that speaks of what the question asks about, its aspect's words aside
 * ("入选的人才回国后多久能入职" → "入选人才回国后可直接入职"), when one clause shares clearly more with it than the title.
 */
function clauseOnWhatAsked(item: KnowledgeItem, question: string, cues: readonly string[]): string | undefined {
  const rest = cues.reduce((t, c) => t.split(cleanText(c)).join(' '), question);
  const pieces = new Set<string>();
  for (const run of rest.match(/\p{Script=Han}{2,}/gu) ?? []) for (let i = 0; i + 2 <= run.length; i++) pieces.add(run.slice(i, i + 2));
  for (const p of [...pieces]) if (item.title.includes(p)) pieces.delete(p);
  let best: { clause: string; shared: number } | undefined;
  for (const clause of item.text.split(/[，,。；;]/u)) {
    const shared = [...pieces].filter((p) => clause.includes(p)).length;
    if (shared >= MIN_SHARED_PIECES && (!best || shared > best.shared)) best = { clause, shared };
  }
  return best?.clause;
}

/** A move to a tier: "升到二类", "成为一类企业", "晋升为二类". */
const MOVE_TO = /(?:升到|升为|升级到|升级为|晋升到|晋升为|晋升|成为|进入|进到|变成|达到|够到|评上|冲)(?:第)?$/u;

/** The question aims at the tier named (a move to it, not a tier held: "三类怎么升到二类"). */
function aimsAtTier(text: string, name: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return false;
    if (MOVE_TO.test(text.slice(Math.max(0, at - 4), at))) return true;
    from = at + name.length;
  }
}

function namesTier(text: string, name: string): boolean {
  return [...text.matchAll(new RegExp(name, 'gu'))].some((m) => !ASKING_CLASS.test(text.slice(Math.max(0, (m.index ?? 0) - 1), m.index)));
}
const ASKING_CLASS = /[哪几]/u;

/** Points claimed in a question that checks a claim ("能加3分吗", "直接加3分是吧"). */
const CLAIMED_POINTS = /加\s*(\d+)\s*分(?=吗|么|嘛|是吧|对吧|对吗|是不是|没错吧|靠谱|[?？]|$)/u;
/** Points an answer gives ("加 2 分"). */
const GIVEN_POINTS = /加\s*(\d+)\s*分/gu;
/** A verdict's leading yes ("可以，"), dropped after a claim is said to be wrong. */
const LEADING_YES = /^可以[，,]/u;
/** The rule itself asked, not our verdict ("各级…怎么规定的", "加分规则"). */
const RULE_ASKED = /各级|规则|怎么规定|如何规定|是怎么定的/u;
/** Honour levels asked side by side, each for itself ("各加几分", "分别是多少", "是一回事吗"). */
const EACH_LEVEL_ASKED = /分别|各自|各加|各是|各有|区别|不同|一回事|一样/u;
/** Aspects asked once, never carried to the next question: where an item stands in the document ("那有没有贴息" asks its content). */
const NOT_CARRIED: ReadonlySet<string> = new Set(['source']);
/** Compared with something not named — the last topic ("和上市培育那条的…一样吗", "跟X比呢"). */
const COMPARED_WITH_LAST = /^(?:那|那么)?(?:和|跟|与|同)/u;
/** An item's name in the answer ("“金融支持”的责任单位"): left out when two answers are compared. */
const QUOTED_NAME = /“[^”]*”/gu;
/** Whether two things are one ("是一回事吗", "是同一个活动吗", "是一样的吗"; formally "是否完全一致"). */
const SAME_THING = /一回事|同一(?:个|项|种|回|类)|是一个(?:东西|活动|事)|一样的?(?:吗|么|嘛|不)|相同(?:吗|么)|(?:是否|是不是)(?:完全)?(?:一致|相同|一样)|一致(?:吗|么|不)/u;
/** A question this short, best matched (at least this well) by the topic just answered, asks on of it. */
const WEAK_OF_LAST_LENGTH = 16;
const WEAK_OF_LAST_SCORE = 0.2;
/** Why something is so ("为什么省级算一类", "凭什么市级只加1分", "有什么讲究"). */
/** A year said relative to this one ("去年", "五年前", "6年前"). */
/** The questions (cleaned) of an item's parts that were answered: what is not suggested or is said again. */
function askedOf(item: KnowledgeItem | undefined, facetIds: readonly string[] = []): string[] {
  return (item?.facets ?? []).filter((f) => f.ask && facetIds.includes(f.id)).map((f) => cleanText(f.ask!));
}

/** Whom to contact asked ("找谁对接", "联系谁"), of no topic. */
const CONTACT_ASKED = /找谁|联系谁|对接谁/u;
/** An answer that already says the policy does not give it ("方案未规定固定频次"). */
const NOT_GIVEN_SAID = /未(?:规定|列明|明确|写明)/u;
/** A figure an answer gives (1~2场, 每年两次, 3个月). */
const FIGURE = /\d|[一二两三四五六七八九十]\s*(?:场|次|回|个月|周|天|年一次)/u;
/** Aspects a year of recognition can decide (the points, who qualifies); not who is responsible, cost or form. */
const DATED_ASPECTS: ReadonlySet<string> = new Set(['bonus', 'conditions', 'audience']);
/** A question that itself asks of a year ("2021年认定的今年还算吗", "去年评的还能加吗"). */
const DATE_ASKED = /(?:19|20)?\d{2}\s*年|今年|去年|前年|年前|还算|还能|还可以|仍|依然|还有效|还加/u;
const RELATIVE_YEAR = /今年|去年|前年|(?:\d{1,2}|[一二两三四五六七八九十])\s*年(?:以)?前/u;
/** A tier named with nothing else but a follow-up's words ("那二类呢", "三类有没有", "二类加几分"). */
const TIER_ALONE = /^(?:那|那么|还有|那要是)?(?:(一)|(二)|(三))类(?:企业|的|培育对象|客户|会员|公司)?(?:的话)?(?:呢|怎么样|怎么算|怎么加|加几分|加多少|能加吗|能加分吗|有没有|有吗|也有吗|也能加吗|(?:也)?(?:能|可以)(?:享受|参加)吗|有份吗|有没有份|(?:也)?算吗|算不算)?[？?。！!]*$/u;
/** A name of the 汇 form ("市场汇", "政策汇"): two characters before 汇, not the programme's 汇计划 or a verb (汇集). */
const HUI_NAMED = /[\u4e00-\u9fff]{2}汇(?!计划|计化|集|聚|总|报|编|率|款|合|入|出|成|到|演|丰|资源|算|兑|票|寄|流|给)/gu;
/** Words that end in 汇 and name no 汇 ("五个汇", "哪个汇", "词汇", "外汇"). */
const NOT_A_HUI = /^(?:[一二三四五六七八九十几哪这那每各大]个汇|.[个的些类大几五各]汇|词汇|外汇|创汇|交汇|结汇|换汇|购汇|收汇|付汇|用汇)$/u;
/** What comes before 汇 when it is the programme's own title (专精特新 汇计划): "专精特新汇". */
const BEFORE_PROGRAMME_HUI = /专精$/u;
/** Where the programme's overview lists its five 汇. */
const HUI_LIST = { item: 'overview.what', facet: 'count' } as const;
/** The words that ask each of several to be told (分别, 各属…), taken out when each is answered alone. */
const EACH_TIER_WORDS = new RegExp(ASKS_EACH_TIER.source, 'gu');
const WHY_ASKED = /为什么|为啥|凭什么|什么原因|原因是|啥原因|理由是|有什么讲究|有啥讲究|依据是什么|怎么会/u;
/** A policy text that states what it is for. */
const GIVES_ITS_PURPOSE = /旨在|为了|目的|以便|从而/u;
/** The standard of something asked ("奖补标准", "补贴标准"): that thing. */
const STANDARD_OF = /(\p{Script=Han}{2})标准/u;
/** An answer's own yes or no at its start ("不能。", "可以，"). */
const OWN_VERDICT = /^(?:不能|不可以|不行|不是|不属于|不会|可以|能|是的|包括|不包括)[。，,]/u;
/** A list asked whether it holds a name ("责任单位里有人社局吗", "牵头单位包括科创委吗"). */
// ("责任单位有几个" counts them: a quantity is no member.)
const LIST_HOLDS_ASKED = /(?:单位|部门|机构|对象|措施)(?:里|中|里面|当中)?(?:有没有|有|包括|包含|含)(?![几多哪])(\p{Script=Han}{2,8}?)(?:吗|么|嘛|不|没有?)?[?？]?$/u;
/** "苏相合作区也在里面吗", "经发委算在内吗": whether the list just answered holds what is named. */
const IN_IT = /^(?:那|那么)?(\p{Script=Han}{2,12}?)(?:也|都|还)?(?:在(?:里面|里头|其中|内|里边|名单里|之列|列)|包括在内|算在(?:里面|内|其中))(?:吗|么|嘛|不|没有?|呢)?$/u;
/** "包括苏相合作区吗", "是否包括科技局": the same, asked the other way round. */
const IN_IT_FIRST = /^(?:那|那么)?(?:是否|也)?(?:包括|包含|含)(\p{Script=Han}{2,12}?)(?:在内)?(?:吗|么|嘛|不|呢)$/u;
/** A subject that is the enterprise itself ("我们也在里面吗" asks whether we qualify, not a list). */
const OF_OURS_SUBJECT = /我|咱|贵|本公司|企业|公司|[一二三]类|国家级|省级|市级|区级/u;
/** Longest answer kept for "再说一遍" (an answer is far shorter; a cap keeps conversation state small). */
const MAX_KEPT_ANSWER = 2000;
/** Longest policy text quoted under a doubted answer (a measure's paragraph, not a whole section). */
const MAX_QUOTED_POLICY = 300;
/** Both topics talked about last ("这两个分别…", "两个都…", "分别找哪个部门"). */
/** "还有吗", "还有别的吗", "其他的呢": what else there is, of the topic just talked about. */
const MORE_ASKED = /^(?:那)?(?:还有(?:吗|么|呢|没有|别的吗|别的呢|其他的?吗|其他的?呢|啥|什么)|(?:其他|别)的呢)[?？]*$/u;
const BOTH_TOPICS = /这两个|那两个|这两项|那两项|两个都|两项都|两者|它们俩|这俩|两个分别|二者|^(?:那|那么)?(?:它们|它俩)?(?:分别|各自)/u;
/** The topic before the last ("前面那个要收费吗"). */
const EARLIER_TOPIC = /前面那个|前面那项|前一个|之前那个|上一个|第一个问的|刚开始那个|最开始那个/u;

/** Something else asked of what was just answered ("除此之外…还有什么用途"). */
const ELSEWHERE = /除此之外|除此以外|除了这个|除了这些|除了上面|除了刚才|还有(?:什么|哪些|啥)?(?:别的|其他|其它)|还有(?:什么|哪些|啥)(?:用途|作用|用处)|还在哪|(?:其他|其它|其余|别的)(?:部分|地方|章节|条款|内容)|别处/u;
/** The thing just named, pointed at ("还提到它吗"). */
const IT = /它|该(?:平台|系统|机构|事项)|这个(?:平台|系统|东西)/u;

/** What the tiers are or take, asked of no enterprise in particular. */
const DESCRIBES_TIERS = /^(?:第)?[一二三]类(?:培育)?(?:对象|企业)?(?:就)?(?:是|为|指)|指的是|是指|指什么|指哪些|是什么企业|是哪些企业|分别|分类|划分|怎么分|如何分|分几类|分成几类|分成哪|分为几|一共|共有|总共|都是哪些|包括哪些|分为|哪几类|哪三类|哪些企业|门槛|条件|要求|标准|怎么入库|如何入库|怎样入库|什么意思|定义|多少|多久|第一步|先做什么|先干啥|从哪开始|从哪入手|怎么起步|该干啥|该做什么|要做什么|需要什么/u;
/** A fact clause telling of some enterprise ("客户是…", "那家公司…", "他们…"). */
const ENTERPRISE_TOLD = /我们|我司|本公司|客户|这家|那家|该企业|他们|它们|公司|企业(?:是|为|拿|获|评)/u;
/** "三类培育对象" as the policy uses it, the three classes — not "第三类", not "属于三类". */
const THREE_CLASSES = /^(?:汇计划的?|方案的?|这)?三类培育对象(?:是什么|是啥|有哪些|指什么|分别是)?[？?。!！]*$/u;
const OF_AN_ENTERPRISE = /我们|我司|我公司|咱|贵司|贵企业|属于|算[几哪]|(?:是|算|归)[^，,。？?]{0,8}?(?:几|哪一?|第几)类|(?:标注|标出|标明|注明|判定|判断)[^，,。？?]{0,10}?类/u;

/** Words that ask something of their own ("叫啥名", "是什么"), outside an aspect's cues. */
const OTHER_ASKING = /啥|什么|哪|谁|几|多少|怎么|如何|为什么/u;

/** Shortest phrase a question must share with a topic's text to be read as asked in its words. */
const SHARED_PHRASE = 4;

/** Whether the question holds a phrase of the text ("优先推荐"), the programme's own name aside. */
function sharesPhrase(text: string, question: string): boolean {
  const chars = [...cleanText(question)];
  for (let i = 0; i + SHARED_PHRASE <= chars.length; i++) {
    const phrase = chars.slice(i, i + SHARED_PHRASE).join('');
    if (/^\p{Script=Han}+$/u.test(phrase) && !/专精特新|汇计划/u.test(phrase) && text.includes(phrase)) return true;
  }
  return false;
}

/** A proper name of the item the question uses ("金鸡湖人才计划", five characters or more), the longest, if any. */
function namedSubject(item: KnowledgeItem, question: string): string | undefined {
  if (item.kind !== 'measure') return undefined;
  const names = [item.title, ...item.keywords].filter((k) => [...k].length >= PROPER_NAME && question.includes(cleanText(k)));
  return names.sort((a, b) => b.length - a.length)[0];
}

/** Facets whose answer is the same whatever the enterprise's honours (who is responsible, which 汇, where written). */
const LEVEL_FREE_FACETS: ReadonlySet<string> = new Set(['responsible', 'hui', 'source']);

/** Whether two names share three characters in a row (one is a longer form of the other). */
function sharesWords(a: string, b: string): boolean {
  const chars = [...a];
  return chars.some((_, i) => i + 3 <= chars.length && b.includes(chars.slice(i, i + 3).join('')));
}

const PHRASE_END = /[，,；;。]/u;
const SENTENCE_END = /[；;。]/u;

/**
 * What the measure's text says of a thing it names ("帮代办重点企业名单" → "将“专精特新”企业列入“帮代办”重点企业名单，
 * 为企业提供便捷化服务"): the phrase naming it and the one after, within its sentence.
 */
function saidOf(item: KnowledgeItem, named: string): string | undefined {
  const text = item.text;
  const at = text.indexOf(named);
  if (at < 0) return undefined;
  let start = at;
  while (start > 0 && !PHRASE_END.test(text[start - 1])) start--;
  let end = at + named.length;
  let commas = 0;
  while (end < text.length && !SENTENCE_END.test(text[end]) && !(PHRASE_END.test(text[end]) && ++commas > 1)) end++;
  return text.slice(start, end);
}

/** Longest part of a question quoted back. */
const QUOTED_PART = 20;

/** A question quoted back, cut short with "…". */
function shortened(text: string): string {
  const chars = [...text.replace(/^(?:还有|另外|此外|顺便|那么|那|还)[，,：:]?/u, '').replace(/[？?。！!\s]+$/u, '')];
  return chars.length > QUOTED_PART ? `${chars.slice(0, QUOTED_PART).join('')}…` : chars.join('');
}

/** Parts chosen one by one, each said once, as one answer — when at least two differ. */
function severalParts(chosen: Array<FacetAnswer | undefined>): FacetAnswer | undefined {
  const parts: FacetAnswer[] = [];
  for (const part of chosen) if (part && !parts.some((p) => p.text === part.text)) parts.push(part);
  return parts.length >= 2 ? { ids: parts.flatMap((p) => p.ids), text: parts.map((p) => p.text).join('') } : undefined;
}

function describesTiers(text: string): boolean {
  return DESCRIBES_TIERS.test(text) && !OF_AN_ENTERPRISE.test(text);
}

/**
 * The one facet that states an aspect (its evidence words) when the facets chosen for the question
 * do not: "培训班是线上还是线下" chose the classes, and only the application guidance says 线上.
 */
function partStatingAspect(item: KnowledgeItem, chosen: string[], evidence: string[]): { id: string; answer: string } | undefined {
  if (chosen.length === 0) return undefined;
  const states = (answer: string) => evidence.some((e) => answer.includes(e));
  const parts = item.facets.filter((f) => chosen.includes(f.id));
  if (parts.length === 0 || parts.some((f) => states(f.answer))) return undefined;
  const others = item.facets.filter((f) => !chosen.includes(f.id) && states(f.answer));
  return others.length === 1 ? others[0] : undefined;
}

/** A field alone, asked in place of the last topic ("人才方面呢", "那金融这块呢"). */
const FIELD_ASKED_INSTEAD = /^(?:那|那么)?(?:在)?\p{Script=Han}{2}(?:方面|这块|这一块|领域|上面)(?:呢|的话呢?)[?？。]*$/u;
/** An enterprise pointed at by a pronoun, asked whether it may take part or get something. */
const THEY_MAY = /^(?:那|那么)?(?:它|他们|她们|这家|这家企业|这家公司|该企业|该公司)(?:也|还)?(?:能|可以|可)(?:享受|参加|申请|拿到|获得|得到|加分)/u;
/** A thing pointed at, asked its name ("那个中心全称是啥", "这个平台叫什么名字"): the thing's word. */
const POINTED_NAME_ASKED = /^(?:那|那么)?(?:那|这)个(\p{Script=Han}{1,4}?)(?:的)?(?:全称|全名|名称|名字|具体名称|叫什么|叫啥|(?:是|指)(?:哪个|哪家|哪一个|什么)(?:[?？吗呢啊呀]*$))/u;

/** Entities that stand for the tier a tier answer named (its facet `tier-N`): its honours, or the pool. */
function classEntities(facetIds: readonly string[] | undefined): Partial<Entities> | undefined {
  const tier = (facetIds ?? []).map((id) => /^tier-(\d)$/u.exec(id)?.[1]).find(Boolean);
  if (tier === '1') return { honourLevels: ['national', 'provincial'] };
  if (tier === '2') return { honourLevels: ['city', 'district'] };
  if (tier === '3') return { inPool: true };
  return undefined;
}
