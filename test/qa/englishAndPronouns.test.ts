/**
 * Written for the tests (not taken from an evaluation set): everyday English around the programme's
 * words ("which category", "can we join the 沙龙"), a letter-spelled middle of a word ("深度zhen断"),
 * a verb before 它 ("组建它是为了什么"), and two overview topics asked side by side.
 */
import { conversation } from './conversation';
import { recognizer } from '../nlu/fixture';

test('everyday English around the programme\'s words', async () => {
  const reply = (await (await conversation())('Our company got the provincial level 专精特新 in 2024, which category are we?')).text;
  expect(reply).toMatch(/一类/);
});

test('a word whose middle is spelled in letters', async () => {
  const r = await recognizer();
  expect(r.analyzer.analyze('专场zhao聘几场').clean).toBe('专场招聘几场');
});

test('a verb before 它 still points back', async () => {
  const chat = await conversation();
  await chat('工作专班是谁组建的');
  expect((await chat('成立它是为了干什么')).text).toMatch(/落实到位/);
});

test('two overview topics asked side by side', async () => {
  const reply = (await (await conversation())('方案的指导思想和主要目标各是什么')).text;
  expect(reply).toMatch(/习近平/);
  expect(reply).toMatch(/全市保持领先/);
});
