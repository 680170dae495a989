/**
 * Recognition happens once per turn: the question statistics read the Recognition MainDialog
 * produced (turn state), they do not recognise the text again.
 */
import { ActivityTypes, TestAdapter, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { TurnRecorder } from '../../src/stats/turnRecorder';
import type { QuestionStats } from '../../src/stats/stats';
import type { TranscriptLog } from '../../src/handoff/transcript';
import { TURN_RECOGNITION } from '../../src/nlu/frame';
import type { Recognition, Recognizer } from '../../src/nlu/types';
import { recognizer } from './fixture';

test('the statistics count the topic of the router’s recognition, recognised once', async () => {
  const real = await recognizer();
  let calls = 0;
  const counting: Recognizer = { recognize: async (t) => (calls++, real.recognize(t)) };
  const topics: string[] = [];
  const stats = { record: async (_channel: string, topic: string) => void topics.push(topic), flush: async () => undefined } as unknown as QuestionStats;
  const transcript = { record: async () => undefined } as unknown as TranscriptLog;
  const recorder = new TurnRecorder(transcript, stats, pino({ level: 'silent' }), () => undefined);
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await recorder.observe(context);
    // What MainDialog does: recognise once, keep it for the turn, answer.
    const recognition: Recognition = await counting.recognize(context.activity.text ?? '');
    context.turnState.set(TURN_RECOGNITION, recognition);
    await context.sendActivity({ type: ActivityTypes.Message, text: 'ok' });
  });
  await adapter.send('我们是省级专精特新，深度诊断收费吗').assertReply('ok');
  await recorder.idle();
  expect(calls).toBe(1);
  expect(topics).toEqual(['深度诊断']);
});

test('a turn MainDialog did not route (an answer to a prompt) is not counted', async () => {
  const topics: string[] = [];
  const stats = { record: async (_channel: string, topic: string) => void topics.push(topic) } as unknown as QuestionStats;
  const transcript = { record: async () => undefined } as unknown as TranscriptLog;
  const recorder = new TurnRecorder(transcript, stats, pino({ level: 'silent' }), () => undefined);
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await recorder.observe(context);
    await context.sendActivity({ type: ActivityTypes.Message, text: 'ok' });
  });
  await adapter.send('13912345678').assertReply('ok');
  await recorder.idle();
  expect(topics).toEqual([]);
});
