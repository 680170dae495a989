/**
 * Q&A feature: routes policy questions (and anything no other flow takes) to QaDialog.
 */
import { QaDialog } from '../../dialogs/qaDialog';
import { AnswerBuilder } from '../answers/answerBuilder';
import { ConditionJudge } from '../advisor/conditions';
import { ENTERPRISE_PROFILE_PROPERTY, knownFactsFrom } from '../advisor/profile';
import { loadKnowledge } from '../knowledge/loader';
import { UnansweredStore } from '../stats/unansweredStore';
import type { FeatureFactory } from '../contracts/feature';

export const qaFeature: FeatureFactory = async (services) => {
  const kb = await loadKnowledge();
  // The Q&A reasons on stated conditions (years, 大型企业) with the advisor's rule engine.
  const builder = new AnswerBuilder(kb, Date.now, new ConditionJudge(kb));
  const unanswered = new UnansweredStore(services.db);
  // What the user told before (kept by the advisor): the Q&A reasons with it instead of asking again.
  const knownFacts = knownFactsFrom(services.userState.createProperty(ENTERPRISE_PROFILE_PROPERTY));
  const dialog = new QaDialog({
    builder,
    recognizer: services.recognizer,
    conversationState: services.conversationState,
    unanswered,
    logger: services.logger,
    knownFacts,
  });
  return {
    name: 'qa',
    routes: [{ intents: ['policy_question', 'none'], dialog }],
    // A topic another flow answered is what a later "它" refers to.
    observeRecognition: (context, recognition) => dialog.observe(context, recognition),
    knownFacts,
  };
};
