/**
 * Builds the Q&A reply for a recognised message: a short, specific answer from knowledge/
 * (answer first, then the source section, then related follow-ups), a "您是想问" choice when
 * two topics are close, or an honest fallback. Keeps the last topic for "那市级呢".
 */
import type { Recognition } from '../../nlu/types';
import { canDecideTier, tierVerdict } from '../tiers';
import type { KnowledgeItem } from '../schema';
import type { KnowledgeBase } from '../types';
import { fillTemplate } from '../template';
import { unitsIn } from '../units';
import { isFresh, type QaContext } from './context';
import { selectFacets, unlistedDetail } from './facets';
import { followUps } from './followUps';
import type { QaReply } from './reply';

export interface BuiltReply {
  reply: QaReply;
  context: QaContext;
}

export class AnswerBuilder {
  private readonly tierItem: KnowledgeItem;

  constructor(
    readonly kb: KnowledgeBase,
    private readonly clock: () => number = Date.now,
  ) {
    const tierItem = kb.items.find((i) => i.resolver === 'tier');
    if (!tierItem) throw new Error('knowledge has no tier item');
    this.tierItem = tierItem;
  }

  build(recognition: Recognition, previous: QaContext = {}): BuiltReply {
    const now = this.clock();
    const context = isFresh(previous, now) ? previous : {};
    const m = this.kb.messages;

    if (recognition.inputProblem === 'empty') return { reply: { kind: 'empty', text: m.empty, suggestions: m.fallbackSuggestions }, context };
    if (recognition.inputProblem === 'unreadable') {
      return { reply: { kind: 'unreadable', text: m.unreadable, suggestions: m.fallbackSuggestions, unanswered: 'unreadable' }, context };
    }

    const entities = recognition.entities;
    // The tier: asked before, or asked now without the honour.
    if (context.awaitingTier && canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
    if (recognition.intent === 'which_tier') {
      if (canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
      return {
        reply: { kind: 'prompt', text: m.tierPrompt, suggestions: m.tierPromptSuggestions, itemId: this.tierItem.id },
        context: { lastItemId: this.tierItem.id, awaitingTier: true, at: now },
      };
    }

    if (recognition.followUp) {
      const fromContext = this.followUpAnswer(recognition, context, now);
      if (fromContext) return fromContext;
      if (recognition.confidence !== 'high') {
        if (canDecideTier(entities)) return this.answer(this.tierItem, recognition, now);
        return { reply: { kind: 'fallback', text: m.followUpWithoutTopic, suggestions: m.fallbackSuggestions, unanswered: 'no_topic' }, context };
      }
    }

    const top = recognition.candidates[0];
    const topItem = top ? this.kb.itemById.get(top.id) : undefined;
    if (recognition.intent === 'none' && recognition.offTopicRequest && m.scope) {
      return { reply: { kind: 'fallback', text: m.scope, suggestions: m.fallbackSuggestions, unanswered: 'out_of_scope' }, context };
    }
    if (recognition.intent === 'none' || recognition.confidence === 'low' || !topItem) {
      return this.fallback(context, recognition.intent === 'none' ? 'out_of_scope' : 'low_confidence');
    }
    if (recognition.confidence === 'ambiguous') {
      // Which topic is meant does not matter when none of them gives the detail asked for (截止日期).
      if (this.noneGivesDetail(recognition)) return this.answer(topItem, recognition, now);
      return this.clarify(recognition, context);
    }
    return this.answer(topItem, recognition, now);
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

  private answer(item: KnowledgeItem, recognition: Recognition, now: number): BuiltReply {
    const m = this.kb.messages;
    let text = item.answer;
    let facetIds: string[] = [];
    const verdict = item.resolver === 'tier' ? tierVerdict(recognition.entities, this.kb) : undefined;
    const units = item.resolver === 'unit' ? unitsIn(`${recognition.text} ${recognition.normalized}`, this.kb) : [];
    if (verdict) {
      text = verdict.text;
      facetIds = [`tier-${verdict.tier.id}`];
    } else if (units.length) {
      text = units.map((u) => fillTemplate(m.unitMeasures, { unit: u.unit, measures: u.measures.map((x) => x.title).join('、') })).join('');
      facetIds = units.map((u) => `unit-${u.unit}`);
    } else {
      const facet = selectFacets(item, recognition.normalized, recognition.entities, m.genericFacets);
      if (facet) {
        text = facet.text;
        facetIds = facet.ids;
      }
    }
    const unlisted = verdict || units.length || !m.unlistedDetails ? undefined : unlistedDetail(item, recognition.normalized, m.unlistedDetails.details, facetIds);
    if (unlisted && m.unlistedDetails) {
      text = fillTemplate(m.unlistedDetails.template, { detail: unlisted });
      facetIds = [];
    }
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
      context: { lastItemId: item.id, lastFacetIds: facetIds, at: now },
    };
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

  private fallback(context: QaContext, reason: 'out_of_scope' | 'low_confidence'): BuiltReply {
    const m = this.kb.messages;
    return { reply: { kind: 'fallback', text: m.fallback, suggestions: m.fallbackSuggestions, unanswered: reason }, context };
  }
}
