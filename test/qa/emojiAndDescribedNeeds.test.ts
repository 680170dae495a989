/**
 * An emoji ends a sentence in WeChat text ("压力好大😭 园区有没有…"), and "这种活动" after a goal and a
 * described need points at the need described last, not at the goal. Written for the tests, not taken
 * from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

test('an emoji ends the complaint before the question', async () => {
  const r = await recognizer();
  const clauses = r.recognizeSync('我们做传感器的，人手太紧了🙃 园区有没有帮企业办招聘的活动').frame!.clauses;
  expect(clauses.map((c) => c.text)).toContain('园区有没有帮企业办招聘的活动');
  const ask = await conversation();
  expect((await ask('老板催得急🔥🔥 诊断要收费吗')).text).toMatch(/免费/);
});

test('"这种活动" after a goal is the activity described last', async () => {
  const ask = await conversation();
  const reply = await ask('我们是区级专精特新，正在冲市级。想组织管理层去优秀企业参观一下人家怎么做的，园区有这类活动吗');
  expect(reply.text).toMatch(/标杆/);
  // with nothing described after it, the goal is what is asked about
  expect((await (await conversation())('我们是区级，明年想冲市级，园区有这种支持吗')).text).toMatch(/优先推荐/);
});
