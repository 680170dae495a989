/**
 * Picks the specific answer (facet) an item gives to a specific sub-question:
 * item facets by cue words and entity conditions, then the generic facets
 * (责任单位, 面向对象) every item with that field has.
 */
import type { Entities } from '../nlu/types';
import { DELIVERED_BY } from '../nlu/questionWords';
import type { Condition, GenericFacet, KnowledgeItem } from '../knowledge/schema';
import { cleanText } from '../text/normalize';
import { findCue } from '../text/cues';
import { HONOUR_LEVELS } from '../domain/vocabulary';
import { fillTemplate } from '../knowledge/template';
import { ANSWER_TEXT } from './copy';

export interface FacetAnswer {
  ids: string[];
  text: string;
}

interface Candidate {
  id: string;
  text: string;
  score: number;
  /** matched on an entity condition */
  byEntity: boolean;
  /** selected by the entity condition alone (no cue words) */
  entityOnly?: boolean;
  /** a generic facet (责任单位, 面向对象) */
  generic?: boolean;
  /** found by a cue that asks something (哪个…, 什么…) */
  asks?: boolean;
  /** found only by cues standing inside a longer name of the item in the text ("专家" in "专家诊断") */
  inNames?: boolean;
}

/** Every place the cue stands in the text is inside a longer name of the item that stands there too. */
function onlyInNames(text: string, cue: string, names: string[]): boolean {
  const longer = names.filter((n) => n.length > cue.length && n.includes(cue));
  if (text.indexOf(cue) < 0 || longer.length === 0) return false;
  for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
    const covered = longer.some((n) => {
      const offset = n.indexOf(cue);
      return text.startsWith(n, at - offset);
    });
    if (!covered) return false;
  }
  return true;
}

const ENTITY_MATCH = 2;

/** Entity conditions a message can show; advisor-only ones (recognisedWithinYears, firstRecognition) are not checked here. */
function conditionHolds(when: Condition, entities: Entities, text: string): boolean {
  // An enterprise stands by its highest honour: "2024年评上市级，2025年又拿了省级" is not a 市级 enterprise.
  // (Levels asked side by side — "国家级 省级 分别怎么加" — are each asked about.)
  const levels = EACH_LEVEL.test(text) ? (entities.honourLevels ?? []) : HONOUR_LEVELS.filter((l) => entities.honourLevels?.includes(l)).slice(0, 1);
  if (when.honourLevels && !when.honourLevels.some((l) => levels.includes(l))) return false;
  if (when.noHonour !== undefined && (entities.noHonour === true) !== when.noHonour) return false;
  if (when.inPool !== undefined && (entities.inPool === true) !== when.inPool) return false;
  return true;
}

/** Two things set side by side ("A和B有什么区别"). */
const COMPARES_PARTS = /区别|不同|差别|差异|异同|有何不一样|有什么不一样|一回事|同一个|一个东西|一样吗|相同吗/u;
/** "经发委和企服中心各自负责什么": several parts, each asked for */
const EACH_PART = /各自|分别|各负责|各管/u;
/** whether things are the same (一样吗, 相同吗, 有区别吗) */
const SAME_ASKED = /一样|相同|同样|区别|不同|差别/u;
/** Honour levels asked about side by side, each for itself. */
const EACH_LEVEL = /分别|各自|各(?!种|类|个|位|方|项|部门|单位|功能区)|区别|不同|对比|比较|一样|一回事|相同/u;

/**
 * A cue that asks for a quantity (多少钱, 几场, 多久) names what is asked; a plain topic word
 * (奖补, 首次) only what it is about: "首次认定奖补多少钱" asks for the amount.
 */
const QUESTION_CUE = /多少|几|多久|多长/u;
const QUESTION_CUE_WEIGHT = 2;
/** A cue holding a question word. */
const ASKING = /[哪谁几]|什么|多少/u;

/** Sum over the cues found in the text; longer cues weigh more, a cue inside a longer found cue does not count. */
function cueScore(cues: string[], text: string): number {
  const found = cues.map((c) => findCue(text, c)).filter((c): c is string => c !== undefined);
  return found
    .filter((c) => !found.some((o) => o !== c && o.includes(c)))
    .reduce((s, c) => s + (1 + 0.1 * c.length) * (QUESTION_CUE.test(c) || askedWord(text, c) ? QUESTION_CUE_WEIGHT : 1), 0);
}

/** A question word right before the cue ("贴息要什么条件": 条件 is what is asked, 贴息 what it is about). */
const ASKED_BEFORE = /(?:什么|啥|哪些|哪几|何种|哪种)(?:样的?)?$/u;
/** Nouns that name an aspect asked of a topic (not a topic themselves). */
const ASPECT_NOUN = /^(?:条件|要求|标准|门槛|流程|步骤|材料|资料|费用|方式|形式)$/u;

function askedWord(text: string, cue: string): boolean {
  if (!ASPECT_NOUN.test(cue)) return false;
  const at = text.indexOf(cue);
  return at > 0 && ASKED_BEFORE.test(text.slice(Math.max(0, at - 4), at));
}

/** What a part that says who does it gains when who is asked: more than any cue of the measure's units. */
const WHO_OF_PART = 10;
/** A part's answer that says who does it ("服务专员由各功能区及苏相合作区明确"). */
const STATES_WHO = /由[^，。；]{2,20}(?:明确|建立|负责|设立|组织|牵头|举办|派出)/u;
/** A part's answer that says which enterprises it is for ("鼓励符合园区产业发展方向的企业申报…"). */
const STATES_WHOM = /(?:鼓励|支持|面向|针对|推荐)[^，。；]{2,20}企业/u;

/** "是否包括培育库企业", "包不包括入库企业": what is asked to be included. */
const INCLUDES_ASKED = /(?:是否|包不)(?:包括|包含|涵盖|覆盖)([\p{Script=Han}]{2,8}?)(?:企业|公司|在内|吗|[？?。]|$)/u;

/**
 * The item's answer without the sentences saying what was set aside (the words its parts are found by, or its own
 * words): "除了定制化培训班还有别的吗" of 培训辅导 is its application guidance. Undefined when nothing, or everything,
 * is left.
 */
function answerWithout(item: KnowledgeItem, setAside: string): FacetAnswer | undefined {
  const cuedBy = item.facets.map((f) => f.cues.filter((c) => findCue(setAside, c) !== undefined));
  const cued = cuedBy.flat();
  const words = cued.length ? cued : [setAside];
  const otherCues = item.facets.filter((_f, i) => cuedBy[i].length === 0).flatMap((f) => f.cues);
  const sentences = item.answer.split(/(?<=[；;。])/u).map((x) => x.trim()).filter(Boolean);
  // (A sentence saying another part too — "风险补偿及贴息支持" — stays.)
  const kept = sentences.filter((x) => !words.some((w) => x.includes(w)) || otherCues.some((c) => findCue(x, c) !== undefined));
  if (!kept.length || kept.length === sentences.length) return undefined;
  // (The answer's own full stop ends what is left.)
  return { ids: [OTHER_PARTS], text: kept.join('').replace(/^(?:并|并且|同时|另外|此外)/u, '').replace(/[；;，,。]$/u, '') + item.answer.slice(-1) };
}

/** The facet id of an answer made of the parts not set aside. */
const OTHER_PARTS = 'other-parts';

/** A part set aside ("除了定制化培训班", "培训班之外"), before what else is asked. */
const EXCEPT = /(?:除了|除去|除)([^，,。？?]{1,16}?)(?:以外|之外|外)?(?=还|也|都|[，,]|另外|别的|其他|其它|呢|[？?]*$)|([^，,。？?]{2,16}?)(?:以外|之外)(?=还|也|都|[，,]|别的|其他|其它)/u;
/** What else is asked for: 还有, 别的, 其他, or nothing but 呢 ("那除了申报辅导呢"). */
const OTHERS_ASKED = /还有|别的|其他|其它|其余|另外|^(?:那|那么)?呢?[？?]*$/u;

/** Asked whom or what something is for, of things rather than enterprises. */
const OF_THINGS = /(?:针对|面向|适用于?)(?:哪些|哪类|什么|哪个|啥)(?:项目|内容|方面|领域|课程|事项|主题|问题|行业)/u;

export function selectFacets(item: KnowledgeItem, asked: string, entities: Entities, generic: GenericFacet[]): FacetAnswer | undefined {
  // "除了定制化培训班还有别的辅导吗": the part set aside is not what is asked; the item's other parts are.
  const exception = EXCEPT.exec(asked);
  const setAside = exception?.[1] ?? exception?.[2];
  const text = setAside ? asked.replace(EXCEPT, '') : asked;
  // ("除了风险补偿还有贴息吗": what else is named is asked of itself.)
  const others = setAside && OTHERS_ASKED.test(text) && !item.facets.some((f) => f.cues.some((c) => findCue(text, c) !== undefined)) ? answerWithout(item, setAside) : undefined;
  if (others) return others;
  const candidates: Candidate[] = [];
  const keywords = item.keywords.map(cleanText);
  // The item's own names end as its title does ("专家诊断" of 深度诊断); "国家知识产权保护中心" names another thing.
  const head = cleanText(item.title).slice(-2);
  const ownNames = keywords.filter((k) => k.endsWith(head));
  for (const facet of item.facets) {
    const byCue = facet.cues.length ? cueScore(facet.cues, text) : 0;
    if (facet.cues.length && byCue === 0) continue;
    // "金鸡湖人才计划那条归谁负责": a facet found only by a word naming the item (金鸡湖) yields to
    // who is responsible, which is the measure's and never a part's.
    const onlyNames = facet.cues.map((c) => findCue(text, c)).filter((c): c is string => c !== undefined).every((c) => keywords.some((k) => k.includes(c)));
    // ("服务专员是由谁来明确的", "谁负责定期走访": a part that says itself who does it answers who.)
    const saysWho = STATES_WHO.test(facet.answer);
    if (onlyNames && !saysWho && item.responsible && generic.some((g) => g.field === 'responsible' && cueScore(g.cues, text) > 0)) continue;
    if (facet.when && !conditionHolds(facet.when, entities, text)) continue;
    const asks = facet.cues.some((c) => ASKING.test(c) && findCue(text, c) !== undefined);
    // (Asked who, of a part that says who does it, the part answers before the measure's units.)
    // (A part found by the who-words themselves — "谁负责" of 牵头 — is weighed as it was.)
    const responsible = generic.find((g) => g.field === 'responsible' && cueScore(g.cues, text) > 0);
    const byWhoWords = responsible !== undefined && facet.cues.some((c) => findCue(text, c) !== undefined && responsible.cues.some((r) => r.includes(c) || c.includes(r)));
    const whoOfPart = saysWho && responsible && !byWhoWords ? WHO_OF_PART : 0;
    // ("金鸡湖人才计划什么样的企业可以报": asked whom a part named is for, the part that says so answers.)
    const whomOfPart = onlyNames && !facet.when && STATES_WHOM.test(facet.answer) && generic.some((g) => g.field === 'audience' && cueScore(g.cues, text) > 0) ? WHO_OF_PART : 0;
    const inNames = byCue > 0 && facet.cues.every((c) => findCue(text, c) === undefined || onlyInNames(text, c, ownNames));
    candidates.push({ id: facet.id, text: facet.answer, score: byCue + whoOfPart + whomOfPart + (facet.when ? ENTITY_MATCH : 0), byEntity: !!facet.when, entityOnly: !!facet.when && facet.cues.length === 0, asks, inNames });
  }
  // ("专家诊断会给我们提点啥建议": 专家 is a word of the measure's name there, not who is asked of — a part found only
  // inside the item's names yields to one the question asks by a word of its own.)
  // (Parts compared — "它跟服务专员有什么区别" — are named to be compared.)
  if (!COMPARES_PARTS.test(text) && candidates.some((c) => !c.inNames && !c.entityOnly)) candidates.splice(0, candidates.length, ...candidates.filter((c) => !c.inNames));
  for (const g of generic) {
    // "线上解读是针对哪些项目的": what a part covers, not which enterprises it is for.
    if (g.field === 'audience' && OF_THINGS.test(text)) continue;
    // ("培训辅导由什么机构提供": who delivers it is what the item says, not its responsible units.)
    if (g.field === 'responsible' && DELIVERED_BY.test(text)) continue;
    const value = g.field === 'responsible' ? (item.responsible ? ANSWER_TEXT.list(item.responsible) : undefined) : g.field === 'hui' ? g.values?.[item.id] : g.field === 'source' ? item.source : item.audience;
    if (!value) continue;
    const score = cueScore(g.cues, text);
    // ("服务对象是否包括培育库企业": asked whether it includes what it does include — yes, first.)
    const included = g.field === 'audience' ? INCLUDES_ASKED.exec(text)?.[1] : undefined;
    const yes = included !== undefined && value.includes(included.slice(0, 3)) ? ANSWER_TEXT.included : '';
    if (score > 0) candidates.push({ id: g.id, text: `${yes}${fillTemplate(g.template, { title: item.title, [g.field]: value })}`, score, byEntity: false, generic: true });
  }
  if (candidates.length === 0) return undefined;
  // A facet found by a cue that asks (哪个人才计划, 哪些人) answers the question; one the stated honour
  // alone selects does not ("省级的…鼓励申报的是哪个人才计划").
  if (candidates.some((c) => !c.entityOnly && c.asks)) candidates.splice(0, candidates.length, ...candidates.filter((c) => !c.entityOnly));
  // "谁负责", "面向谁" are answered by the generic facets, not by what the honour alone selects.
  if (candidates.some((c) => c.generic)) candidates.splice(0, candidates.length, ...candidates.filter((c) => !c.entityOnly));
  // Stable: on equal scores the item's own facets (listed first) win.
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  // "服务专窗和服务专员有什么区别": two parts of one item compared — each of them, in the item's order.
  // (A facet that answers the comparison itself — its cue is 区别 — is the answer.)
  const comparedByFacet = item.facets.some((f) => f.cues.some((c) => COMPARES_PARTS.test(c) && findCue(text, c) !== undefined));
  const parts = candidates.filter((c) => !c.generic && !c.entityOnly);
  if (COMPARES_PARTS.test(text) && !comparedByFacet && parts.length > 1) return { ids: parts.map((c) => c.id), text: parts.map((c) => c.text).join('\n') };
  // "有没有专门的服务窗口或者专人对接": two parts named side by side, joined by 或者/和 — each of them, in order.
  const joined = joinedParts(item, parts, text);
  if (joined) return joined;
  // ("三类培育对象分别指什么": a part another part already says — 三类 within the three — is not said twice.)
  // (Only parts the text names — each found by a word its own answer says, 经发委 / 企服中心 — are "each" asked;
  // "五个汇分别叫啥" names no part.)
  const named = parts.filter((c) => item.facets.find((f) => f.id === c.id)?.cues.some((cue) => findCue(text, cue) !== undefined && c.text.includes(cue)));
  const each = EACH_PART.test(text) ? named.filter((c) => !named.some((o) => o !== c && o.text.includes(c.text))) : [];
  if (each.length > 1) return { ids: each.map((c) => c.id), text: each.map((c) => c.text).join('\n') };
  // "市级和区级加分一样吗": the levels asked about share the one facet chosen — said so first.
  const levels = entities.honourLevels ?? [];
  const shared = best.byEntity && levels.length >= 2 && SAME_ASKED.test(text) ? item.facets.find((f) => f.id === best.id && levels.every((l) => f.when?.honourLevels?.includes(l))) : undefined;
  if (shared) return { ids: [best.id], text: `${ANSWER_TEXT.sameForLevels(levels)}${best.text}` };
  if (item.facetMode === 'all' && best.byEntity) {
    const byEntity = candidates.filter((c) => c.byEntity);
    if (byEntity.length > 1) return { ids: byEntity.map((c) => c.id), text: byEntity.map((c) => c.text).join('') };
  }
  return { ids: [best.id], text: best.text };
}

/** Words joining two things asked together ("窗口或者专人", "诊断和培训"). */
const JOINS = /^(?:或者|或是|或|还是|以及|和|与|及|跟)$/u;
/** A list of like things, by 、 or nothing ("一类、二类、三类", "一类二类"): only names that end alike. */
const LISTS = /^(?:、|，|,|\/)?$/u;

/** Two of the item's parts whose cues stand side by side in the text, joined by 或者/和: both, in the text's order. */
function joinedParts(item: KnowledgeItem, parts: Candidate[], text: string): FacetAnswer | undefined {
  if (parts.length < 2) return undefined;
  const spans = parts
    .map((p) => {
      const facet = item.facets.find((f) => f.id === p.id);
      const found = facet?.cues.map((c) => findCue(text, c)).filter((c): c is string => c !== undefined).sort((a, b) => b.length - a.length)[0];
      const at = found ? text.indexOf(found) : -1;
      return { p, at, end: at + (found?.length ?? 0), cue: found ?? '' };
    })
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  // (A part whose own cue holds the others — "一类、二类、三类" of the three classes — answers them all itself.)
  if (spans.some((s) => spans.some((o) => o !== s && o.at >= s.at && o.end <= s.end && o.end - o.at < s.end - s.at))) return undefined;
  const joined = (i: number) => {
    const gap = text.slice(spans[i - 1].end, spans[i].at).replace(/\s/gu, '');
    const alike = spans[i - 1].cue.slice(-1) === spans[i].cue.slice(-1);
    return spans[i].at >= spans[i - 1].end && (JOINS.test(gap) || (alike && LISTS.test(gap)));
  };
  for (let i = 1; i < spans.length; i++) {
    if (!joined(i)) continue;
    // (The whole run of them: "一类、二类、三类".)
    let end = i;
    while (end + 1 < spans.length && joined(end + 1)) end++;
    const run = spans.slice(i - 1, end + 1).map((s) => s.p);
    return { ids: run.map((c) => c.id), text: run.map((c) => c.text).join('\n') };
  }
  return undefined;
}

/** An unlisted detail's `patterns` (knowledge/qa/messages.yaml), each compiled once. */
const PATTERNS = new Map<string, RegExp>();
function compiledPattern(source: string): RegExp {
  let re = PATTERNS.get(source);
  if (!re) PATTERNS.set(source, (re = new RegExp(source, 'u')));
  return re;
}

/** The unlisted detail was asked by a value the question claims ("每年都给50万"), not only by a cue. */
export function claimsValue(details: ReadonlyArray<{ detail: string; patterns?: string[] }>, detail: string, text: string): boolean {
  return details.some((d) => d.detail === detail && (d.patterns ?? []).some((p) => compiledPattern(p).test(text)));
}

/**
 * A detail the policy never gives (电话, 截止日期, 金额…) that the question asks for and the item
 * does not answer with a facet of its own: its wording, or undefined.
 */
export function unlistedDetail(
  item: KnowledgeItem,
  text: string,
  details: Array<{ detail: string; cues: string[]; fromMessage?: boolean; ofProgramme?: boolean; patterns?: string[]; with?: string[]; answeredBy?: string[]; namedNotGiven?: string[]; unless?: string[] }>,
  usedFacetIds: string[],
  /** the whole message the question is part of: its other clauses may hold a `with` word ("申报省级要啥条件 营收要到多少") */
  message = '',
): string | undefined {
  const own = cleanText(item.text);
  const around = `${text} ${cleanText(message)}`;
  for (const d of details) {
    if (d.with && !d.with.some((w) => around.includes(cleanText(w)))) continue;
    if (d.unless?.some((w) => text.includes(cleanText(w)))) continue;
    // What the policy itself mentions (帮代办重点企业名单) is not a detail it leaves out.
    const found = d.cues.map(cleanText).filter((c) => (d.fromMessage ? around : text).includes(c) && !own.includes(c));
    for (const p of d.patterns ?? []) {
      const claimed = compiledPattern(p).exec(text)?.[0];
      if (claimed && !own.includes(claimed)) found.push(claimed);
    }
    // ("小巨人的认定标准是什么": the policy names the standards, in 深度诊断, but never gives them.)
    if ((d.namedNotGiven ?? []).some((c) => text.includes(cleanText(c)))) return d.detail;
    if (found.length === 0) continue;
    // The facet answers the detail only if it was chosen for that very request: a facet on who does
    // the work (cue 哪些人) does not give the names asked for by "专家有哪些人".
    // ("诊断好像要几万": the facet saying 免费 answers the amount too.)
    const answered = item.facets.some(
      (f) => usedFacetIds.includes(f.id) && (f.cues.map(cleanText).some((c) => found.some((x) => c.includes(x))) || (d.answeredBy ?? []).some((w) => f.answer.includes(w))),
    );
    // ("深度诊断好像要几万": the policy's own text says 免费 — the answer gives it, no detail is missing.)
    if (!answered && !(d.answeredBy ?? []).some((w) => own.includes(cleanText(w)))) return d.detail;
  }
  return undefined;
}
