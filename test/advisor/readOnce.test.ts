/**
 * A message is read for facts once, by the recognizer (its frame carries them): the advisor's fact
 * observer, its dialogs and the Q&A's reasoning on dated honours read the frame, not the text again.
 */
import { FactReader } from '../../src/nlu/statedFacts';
import { recognizer } from '../nlu/fixture';
import { buildBot, say, type TestBot } from './helpers';

describe('facts read once per message', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await buildBot({ recognizer: await recognizer() });
  });
  afterEach(() => bot.close());

  test('the frame holds what the message says about the enterprise', async () => {
    const r = (await recognizer()).recognizeSync('您好，我们2024年评上的省级专精特新，做精密铸件的，暂无上市计划，想问能享受什么');
    expect(r.frame?.facts?.update).toMatchObject({ honours: [{ level: 'provincial', year: 2024 }], planningIpo: false });
  });

  test.each([
    ['the advisor, with facts up front', '我们是2025年认定的市级专精特新，属于制造业，能享受哪些支持'],
    ['the Q&A, reasoning on a dated honour', '我们是2021年认定的省级专精特新，资源集约利用评价今年还能加分吗'],
  ])('%s: the recognizer reads the message, nothing reads it again', async (_flow, text) => {
    const cleaned = jest.spyOn(FactReader.prototype, 'readCleaned');
    const raw = jest.spyOn(FactReader.prototype, 'read');
    const replies = await say(bot.adapter, text);
    expect(replies.length).toBeGreaterThan(0);
    expect(cleaned).toHaveBeenCalledTimes(1);
    expect(raw).not.toHaveBeenCalled();
    cleaned.mockRestore();
    raw.mockRestore();
  });
});
