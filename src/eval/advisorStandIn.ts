/**
 * The advisor for the in-process stand-in of the bot (src/eval/localBot.ts: `npm run eval --
 * --local`, bench/nlu.ts, the tests): condition reasoning for the Q&A, and support answers from the
 * facts stated so far, as if every fact the advisor would still ask were answered "不清楚" (the
 * running bot asks them).
 */
import { buttonTitle } from '../domain/buttons';
import type { KnowledgeBase } from '../knowledge/types';
import type { LocalAdvisor } from './localBot';
import type { Recognition } from '../nlu/types';
import { getAdvisorKnowledge } from '../knowledge/advisorFile';
import { ConditionJudge } from '../advisor/conditions';
import { FACT_ORDER, FactReader } from '../nlu/statedFacts';
import { applyUpdate, emptyProfile, type ProfileUpdate } from '../advisor/profile';
import type { HonourLevel } from '../domain/vocabulary';
import { AdvisorReplies } from '../advisor/replies';
import { SupportRequestReader } from '../advisor/requests';
import { evaluateAll, judgedItems } from '../advisor/ruleEngine';
import { factsStatedByAsking } from '../advisor/statedByAsking';
import { judgeTier, tiersAskedOf } from '../advisor/tierSupport';

export function advisorStandIn(kb: KnowledgeBase): LocalAdvisor {
  const knowledge = getAdvisorKnowledge(kb.dir);
  const facts = new FactReader(kb, knowledge);
  const requests = new SupportRequestReader(kb);
  const replies = new AdvisorReplies(kb, knowledge.texts);
  return {
    reasoner: new ConditionJudge(kb),
    conversation() {
      let profile = emptyProfile(new Date());
      // (The last message and what it stated: a tier asked of in general is answered as the dialog does.)
      let last = { text: '', stated: {} as ProfileUpdate, supposed: [] as HonourLevel[], before: profile };
      return {
        read(text: string) {
          const read = facts.read(text, new Date());
          const stated = read.update;
          last = { text, stated, supposed: read.supposed ?? [], before: profile };
          profile = applyUpdate(profile, stated, new Date());
        },
        async answer(question: Recognition): Promise<string> {
          const request = requests.fromTopic(question) ?? requests.read(question.normalized);
          const tiers = request.kind === 'overview' || request.kind === 'hui' ? tiersAskedOf(kb, last.text, last.stated, last.before, last.supposed, question.kindTier) : [];
          if (tiers.length) {
            const hui = request.kind === 'hui' ? request.hui : undefined;
            return tiers.flatMap((t) => replies.tierOverview(t, judgeTier(kb, t, judgedItems(kb), new Date()), hui)).map((r) => [r.text, ...r.buttons.map(buttonTitle)].join('\n')).join('\n');
          }
          // ("我们能参加专场招聘吗" states the need the measure serves, as the dialog takes it.)
          const asked = request.kind === 'item' ? judgedItems(kb).filter((i) => i.id === request.itemId) : [];
          profile = applyUpdate(profile, factsStatedByAsking(asked, profile), new Date());
          const verdicts = evaluateAll(kb, profile, { now: new Date(), settled: new Set(FACT_ORDER) });
          const item = request.kind === 'item' ? verdicts.find((v) => v.item.id === request.itemId) : undefined;
          const answer =
            request.kind === 'hui'
              ? await replies.hui(request.hui, profile, verdicts)
              : item
                ? [await replies.item(item, profile, { asked: question.normalized })]
                : request.kind === 'whyNot'
                  ? replies.whyNot(profile, verdicts)
                  : await replies.overview(profile, verdicts);
          return answer.map((r) => [r.text, ...r.buttons.map(buttonTitle)].join('\n')).join('\n');
        },
      };
    },
  };
}
