/**
 * Honour levels compared ("省级和区级有啥不一样") and an honour supposed for a question ("要是以后拿到
 * 省级…"): the comparison answers with each level's tier; a supposed honour is not held, and the question
 * is answered for it. Written for the tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

describe('honour levels compared', () => {
  test('two levels of different tiers', async () => {
    const ask = await conversation();
    const reply = await ask('省级和区级有啥不一样');
    expect(reply.text).toMatch(/^在培育类别上，省级属于一类，区级属于二类/);
  });

  test('a level compared with the one stated before', async () => {
    const ask = await conversation();
    expect((await ask('我们是区级的，跟市级是一回事吗')).text).toMatch(/区级和市级同属二类/);
  });

  test('after a tier question, the comparison is answered too', async () => {
    const ask = await conversation();
    const reply = await ask('国家级算哪一类？和省级相同吗');
    expect(reply.text).toMatch(/属于一类/);
    expect(reply.text).toMatch(/国家级和省级同属一类/);
  });

  test('a measure compared across levels is still the measure', async () => {
    const ask = await conversation();
    expect((await ask('国家级和市级在资源集约利用评价上有啥区别')).text).toMatch(/资源集约利用/);
  });
});

describe('an honour supposed for the question', () => {
  test('is not held', async () => {
    const x = (await recognizer()).recognizeSync('我们现在是区级，将来拿到省级的话属于哪类');
    expect(x.frame!.facts!.update.honours?.map((h) => h.level)).toEqual(['district']);
  });

  test('the question is answered for it', async () => {
    const ask = await conversation();
    const reply = await ask('我们是区级的，要是以后评上省级，资源集约利用评价加几分');
    expect(reply.text).toMatch(/省级.{0,30}加 ?2 ?分/);
  });

  test('the tier asked of the enterprise as it is stays its own', async () => {
    const ask = await conversation();
    expect((await ask('我们是区级的，属于哪类？如果将来评上国家级，资源集约利用评价有啥变化')).text).toMatch(/^属于二类/);
  });

  test('after a tier answer, a supposed honour asks the tier it would give', async () => {
    const ask = await conversation();
    await ask('我们是区级的，算第几类');
    expect((await ask('那假如将来拿下省级呢')).text).toMatch(/^属于一类/);
  });

  test('asked how to get there, it is a goal', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('我们现在是市级，要是想评上国家级需要啥条件').frame!.questions[0].candidates[0].id).toBe('safe.honour-application');
  });
});
