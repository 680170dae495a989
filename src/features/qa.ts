/**
 * Q&A feature: routes policy questions (and anything no other flow takes) to QaDialog.
 */
import { QaDialog } from '../../dialogs/qaDialog';
import { AnswerBuilder } from '../answers/answerBuilder';
import { ConditionJudge } from '../advisor/conditions';
import { ENTERPRISE_PROFILE_PROPERTY, knownFactsFrom } from '../advisor/profile';
import { loadKnowledge } from '../knowledge/loader';
import { UnansweredStore } from '../stats/unansweredStore';
import type { TurnContext } from 'botbuilder';
import type { Feature, Services } from '../contracts/feature';
import type { Entities } from '../nlu/types';
import type { SignUpOffers } from '../../dialogs/activities/signUpOffers';

/** What the Q&A takes from other features; it works without them. */
export interface QaFeatureServices {
  /** the activities feature's offers: a how-to-sign-up answer to someone who wants to take part offers the form */
  offers?: SignUpOffers;
}

export interface QaFeature extends Feature {
  /** the class of enterprise the conversation's last answer judged, while fresh (what "那它能享受啥" points at) */
  classJudgedLast(context: TurnContext): Promise<Partial<Entities> | undefined>;
}

export const qaFeature = async (services: Services, from: QaFeatureServices = {}): Promise<QaFeature> => {
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
    offers: from.offers,
  });
  return {
    name: 'qa',
    routes: [{ intents: ['policy_question', 'none'], dialog }],
    // A topic another flow answered is what a later "它" refers to.
    observeRecognition: (context, recognition) => dialog.observe(context, recognition),
    knownFacts,
    classJudgedLast: (context) => dialog.classJudgedLast(context),
  };
};
