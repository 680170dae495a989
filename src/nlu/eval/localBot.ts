/**
 * In-process stand-in for the running bot: recognizer + Q&A answer builder, routed like
 * MainDialog does (greeting/help/thanks answered by it, other flows by their dialogs).
 * Used by `npm run eval -- --local`, bench/nlu.ts and the tests.
 */
import { AnswerBuilder } from '../../knowledge/answer/answerBuilder';
import type { QaContext } from '../../knowledge/answer/context';
import { replyText } from '../../knowledge/answer/reply';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Intent, Recognition } from '../types';

/** Intents the Q&A dialog answers (which_tier: stand-in for the tier dialog). */
const QA_INTENTS: ReadonlySet<Intent> = new Set(['policy_question', 'none', 'which_tier']);

export interface LocalConversation {
  send(text: string): Promise<string>;
}

export type RecognizeFn = (text: string) => Promise<Recognition> | Recognition;

export function createLocalBot(kb: KnowledgeBase, recognize: RecognizeFn) {
  const builder = new AnswerBuilder(kb);
  return {
    builder,
    conversation(): LocalConversation {
      let context: QaContext = {};
      return {
        async send(text: string): Promise<string> {
          const recognition = await recognize(text);
          if (!QA_INTENTS.has(recognition.intent)) return `[${recognition.intent}]`;
          const built = builder.build(recognition, context);
          context = built.context;
          return replyText(built.reply);
        },
      };
    },
  };
}
