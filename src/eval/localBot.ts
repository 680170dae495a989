/**
 * In-process stand-in for the running bot: recognizer + Q&A answer builder, routed like
 * MainDialog does (greeting/help/thanks answered by it, other flows by their dialogs). With the
 * advisor's stand-in (src/eval/advisorStandIn.ts) a support question gets the advisor's answer from the
 * facts stated so far. Used by `npm run eval -- --local`, bench/nlu.ts and the tests.
 */
import { AnswerBuilder, type ConditionReasoner } from '../answers/answerBuilder';
import type { QaContext } from '../answers/context';
import { replyText } from '../answers/reply';
import type { KnowledgeBase } from '../knowledge/types';
import { correctFacts } from '../nlu/correction';
import type { StatedFacts } from '../domain/enterprise';
import type { Recognition } from '../nlu/types';
import type { Intent } from '../domain/vocabulary';

/** Intents the Q&A dialog answers (which_tier: stand-in for the tier dialog). */
const QA_INTENTS: ReadonlySet<Intent> = new Set(['policy_question', 'none', 'which_tier']);

export interface LocalConversation {
  send(text: string): Promise<string>;
}

export type RecognizeFn = (text: string) => Promise<Recognition> | Recognition;

/** What the running bot's advisor adds (src/eval/advisorStandIn.ts): support answers and condition reasoning. */
export interface LocalAdvisor {
  reasoner: ConditionReasoner;
  /** a conversation's support answers; `read` is given every message, `answer` a support question */
  conversation(): { read(text: string): void; answer(question: Recognition): Promise<string> };
}

export function createLocalBot(kb: KnowledgeBase, recognize: RecognizeFn, advisor?: LocalAdvisor) {
  const builder = new AnswerBuilder(kb, Date.now, advisor?.reasoner);
  return {
    builder,
    conversation(): LocalConversation {
      let context: QaContext = {};
      // Like QaDialog: the message's facts over those earlier turns told.
      let known: StatedFacts | undefined;
      const support = advisor?.conversation();
      return {
        async send(text: string): Promise<string> {
          const recognition = await recognize(text);
          support?.read(text);
          const stated = recognition.frame?.facts;
          known = stated ? (known ? (correctFacts(known, stated) ?? stated) : stated) : known;
          // Like MainDialog: the Q&A answers its questions of the frame, in one reply; other flows are named.
          // (One question is the whole recognition, as planFrame leaves it.)
          const questions = (recognition.frame?.questions.length ?? 0) > 1 ? recognition.frame!.questions : [recognition];
          const parts: string[] = [];
          for (let i = 0; i < questions.length; ) {
            if (questions[i].intent === 'what_support' && support) {
              parts.push(await support.answer(questions[i]));
              i++;
              continue;
            }
            if (!QA_INTENTS.has(questions[i].intent)) {
              parts.push(`[${questions[i].intent}]`);
              i++;
              continue;
            }
            let j = i;
            while (j < questions.length && QA_INTENTS.has(questions[j].intent)) j++;
            const built = builder.buildAll(questions.slice(i, j), context, known);
            context = built.context;
            parts.push(replyText(j < questions.length ? { ...built.reply, suggestions: [] } : built.reply));
            i = j;
          }
          return parts.join('\n');
        },
      };
    },
  };
}
