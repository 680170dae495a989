/**
 * Contract between the language-understanding layer and the dialogs.
 * The recognizer is injected into MainDialog, so tests can replace it.
 */

import type { ActivityType, HonourLevel, Intent, TierFacts } from '../domain/vocabulary';
import type { ButtonValue } from '../domain/buttons';
import type { StatedFacts } from '../domain/enterprise';
import type { AgainAsked } from './againAsked';

export interface DateRange {
  /** ISO date-time, inclusive */
  from: string;
  /** ISO date-time, exclusive */
  to: string;
}

export interface Entities extends TierFacts {
  /** honours the text mentions, e.g. 省级专精特新 → ['provincial'] */
  honourLevels?: HonourLevel[];
  /** honours named as a goal (准备申报省级, 想冲国家级): not held */
  aimedHonourLevels?: HonourLevel[];
  /** the text says the enterprise holds no honour (没拿过称号, 没有荣誉) */
  noHonour?: boolean;
  /** the text says the enterprise is in the cultivation pool (入库培育) */
  inPool?: boolean;
  /** the text says the enterprise is NOT in the cultivation pool (没入库, 不在培育库); inPool is then absent */
  notInPool?: boolean;
  /** the enterprise is large (true: 大型企业, 链主) or small/medium (false: 中小企业) */
  large?: boolean;
  /** the enterprise belongs to a larger group (集团的全资子公司) */
  groupMember?: boolean;
  /** the enterprise is outside the park (外地企业, 不在园区): the programme is the park's */
  outsidePark?: boolean;
  /** four-digit years mentioned (2021, 2022年) */
  years?: number[];
  activityType?: ActivityType;
  /** every activity type the text names, when it names more than one (first named first) */
  activityTypes?: ActivityType[];
  dateRange?: DateRange;
  /** the text is a correction (不对, 其实是, 改成) */
  correction?: boolean;
  /** the text says the user does not know (不清楚, 不知道) */
  unknown?: boolean;
}

export interface KnowledgeCandidate {
  /** id of a knowledge item (see knowledge/) */
  id: string;
  title: string;
  /** fused retrieval score in [0, 1] */
  score: number;
}

export interface Recognition {
  text: string;
  /** text after normalisation (full-width → half-width, synonyms, typo fixes) */
  normalized: string;
  intent: Intent;
  intentScore: number;
  entities: Entities;
  /** a clicked button's value: the intent came from it, not from the text (see src/domain/buttons.ts) */
  button?: ButtonValue;
  /** best knowledge items for a policy question, best first */
  candidates: KnowledgeCandidate[];
  /** how sure the knowledge retrieval is: answer / ask which one / honest fallback */
  confidence?: 'high' | 'ambiguous' | 'low';
  /** an elliptical follow-up ("那市级呢") that refers to the previous topic */
  followUp?: boolean;
  /** a request outside what the assistant does (chit-chat, 翻译, 你叫什么名字, another region's policy): intent none */
  offTopicRequest?: boolean;
  /** asks nothing new but the last answer again: once more ("再说一遍") or doubted ("你确定吗") — see againAsked.ts */
  againAsked?: AgainAsked;
  /** the message carries no question: nothing typed, or only punctuation/emoji */
  inputProblem?: 'empty' | 'unreadable';
  /** what the question asks about its topic (knowledge/nlu/aspects.yaml: cost, responsible, frequency…) */
  aspect?: string;
  /**
   * Support asked in general after plans or needs told ("想引进海外人才，也有融资需求，…能享受哪些支持"): the
   * measures they named, in order — what the overview points out first.
   */
  needs?: string[];
  /**
   * Support asked of a kind of enterprise named by its honour or the pool, of no enterprise of ours
   * ("市级专精特新企业有什么支持", "入库培育的企业能享受哪些政策"): the tier (id) that kind belongs to.
   */
  kindTier?: number;
  /** the question names a topic of its own (a measure, 汇, document…), not only an aspect */
  namesTopic?: boolean;
  /** asks what one gets once in what was just talked about ("进去以后有哪些服务"): no earlier aspect carries */
  offerAsked?: boolean;
  /** a short aspect question naming no item: its words besides the aspect ("谁负责搭建的": 搭建) */
  wordsBeyondAspect?: string[];
  /** ids of the knowledge items the text names by one of their own keywords */
  topics?: string[];
  /** the question refers to the entity just named (它, 这个, 那个计划) */
  reference?: boolean;
  /** the question asks about the 汇 of the measure just talked about ("那同一个汇里还有啥") */
  sameHui?: boolean;
  /** the question picks the n-th of what the last answer listed ("上面说的第二个具体有啥"): n */
  ordinal?: number;
  /** asked whether it is something the programme does not name ("汇计划是不是就是高新技术企业认定那个政策"): that thing */
  comparedWith?: string;
  /** the topic was lent by an earlier clause of the same message ("听说有个苗圃计划，这个是面向谁的") */
  topicFromMessage?: boolean;
  /**
   * the answer changes with the enterprise's facts (its tier, honours, years): facts given next answer it
   * again (set by the recognizer; absent from hand-built recognitions, which are treated as depending)
   */
  dependsOnFacts?: boolean;
  /** the whole message this question is part of (its facts: "我们2019年评上的省级…") */
  message?: string;
  /**
   * Several enterprises the message describes one after another, each with its own facts ("甲公司是
   * 国家级…，乙公司是省级…"): a question whose answer depends on the facts is answered for each.
   */
  enterprises?: ListedEnterprise[];
  /** the whole message as a frame: its clauses, the facts stated and every question, in order */
  frame?: Frame;
}

export interface FrameClause {
  text: string;
  kind: 'filler' | 'fact' | 'context' | 'ask';
  /** the clause speaks of our own enterprise (我们, 我司…) */
  firstPerson?: boolean;
}

/**
 * A message as the dialogs answer it: facts about the user's enterprise (fact clauses, never
 * searched) and one or more questions, each a Recognition with its own topic and aspect.
 */
export interface Frame {
  clauses: FrameClause[];
  /** the fact clauses, joined: what the message says about the enterprise */
  factText: string;
  /** every question of the message, in order (the top-level Recognition is the first) */
  questions: Recognition[];
  /**
   * What the whole message says about the user's enterprise (honours with their years, pool, size,
   * traits), read once here for everyone: the advisor keeps it, the Q&A reasons with it. Absent
   * only from test recognizers that build frames by hand.
   */
  facts?: StatedFacts;
}

export interface ListedEnterprise {
  /** how the message names it (甲公司, A公司, 第2家) */
  name: string;
  entities: Entities;
  facts: StatedFacts;
}

export interface Recognizer {
  recognize(text: string): Promise<Recognition>;
}
