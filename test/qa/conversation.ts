/** A Q&A conversation with the real recognizer and answer builder, on a given day (the clock decides 近三年内). */
import { ConditionJudge } from '../../src/advisor/conditions';
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import type { QaContext } from '../../src/answers/context';
import type { QaReply } from '../../src/answers/reply';
import { createRecognizer } from '../../src/nlu';
import type { HuiRecognizer } from '../../src/nlu/recognizer';

/** One recognizer per day: facts are read on the same day the answers reason on, as in the bot. */
const byDay = new Map<string, Promise<HuiRecognizer>>();

export async function conversation(day = '2026-12-03T02:00:00Z'): Promise<(text: string) => Promise<QaReply>> {
  if (!byDay.has(day)) byDay.set(day, createRecognizer({ now: () => new Date(day) }));
  const r = await byDay.get(day)!;
  const builder = new AnswerBuilder(r.kb, () => Date.parse(day), new ConditionJudge(r.kb));
  let context: QaContext = {};
  return async (text: string): Promise<QaReply> => {
    const recognition = r.recognizeSync(text);
    // As MainDialog routes it: one question with its whole message and frame; several with the message's facts.
    const questions = (recognition.frame?.questions.length ?? 0) > 1 ? recognition.frame!.questions : [recognition];
    const built = builder.buildAll(questions, context, recognition.frame?.facts);
    context = built.context;
    return built.reply;
  };
}

/** The reply to the last of `turns`, said in a new conversation on `day`. */
export async function lastReply(day: string, ...turns: string[]): Promise<string> {
  const chat = await conversation(day);
  let text = '';
  for (const t of turns) text = (await chat(t)).text;
  return text;
}
