/**
 * Every case of eval/shared/dev.jsonl and eval/*.jsonl, through the recognizer and the Q&A
 * answer builder in process: an answer that regresses fails here.
 */
import path from 'node:path';
import { checkReply, defaultEvalFiles, loadCases } from '../../src/eval/cases';
import { createLocalBot } from '../../src/eval/localBot';
import { advisorStandIn } from '../../src/eval/advisorStandIn';
import { createRecognizer } from '../../src/nlu';
import type { HuiRecognizer } from '../../src/nlu/recognizer';

const cases = loadCases(defaultEvalFiles(path.resolve(__dirname, '..', '..')));

// On today's clock, as `npm run eval -- --local` and the bot: the answer builder reasons on today, and
// the facts it is given ("去年评上的省级") must be read on the same day.
let shared: Promise<HuiRecognizer> | undefined;
const recognizer = () => (shared ??= createRecognizer());

test('the dev set is there', () => {
  expect(cases.filter((c) => c.file === 'dev.jsonl').length).toBeGreaterThanOrEqual(39);
  expect(cases.filter((c) => c.file !== 'dev.jsonl').length).toBeGreaterThanOrEqual(60);
});

describe.each([...new Set(cases.map((c) => c.file))])('%s', (file) => {
  test.each(cases.filter((c) => c.file === file).map((c) => [c.id, c.turns.join(' → '), c] as const))('%s %s', async (_id, _turns, c) => {
    const r = await recognizer();
    const conversation = createLocalBot(r.kb, (t) => r.recognizeSync(t), advisorStandIn(r.kb)).conversation();
    let reply = '';
    for (const turn of c.turns) reply = await conversation.send(turn);
    expect({ reply, problems: checkReply(c, reply) }).toEqual({ reply, problems: [] });
  });
});
