/** A Q&A conversation with the real recognizer and answer builder, on a given day (the clock decides 近三年内). */
import { ConditionJudge } from '../../src/advisor/conditions';
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import type { QaContext } from '../../src/answers/context';
import type { QaReply } from '../../src/answers/reply';
import { recognizer } from '../nlu/fixture';

export async function conversation(day = '2026-12-03T02:00:00Z'): Promise<(text: string) => Promise<QaReply>> {
  const r = await recognizer();
  const builder = new AnswerBuilder(r.kb, () => Date.parse(day), new ConditionJudge(r.kb));
  let context: QaContext = {};
  return async (text: string): Promise<QaReply> => {
    const recognition = r.recognizeSync(text);
    const built = builder.buildAll(recognition.frame?.questions ?? [recognition], context);
    context = built.context;
    return built.reply;
  };
}
