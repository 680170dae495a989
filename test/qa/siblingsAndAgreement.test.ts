/**
 * Another attribute of the document after one was asked ("文号呢…谁发的"), a background and a question
 * that name the same topic in everyday words, a thing described after 想问问 and the aspect asked of it
 * next, 几 after 引/挖 (a few), a long A-not-A question, and Suzhou (Wu) words. Written for the tests,
 * not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

describe('another attribute of the document', () => {
  test('in one message: each attribute answered', async () => {
    const ask = await conversation();
    const reply = await ask('汇计划啥时候出的 哪个部门出的');
    expect(reply.text).toMatch(/2022年6月17日/);
    expect(reply.text).toMatch(/经济发展委员会/);
  });

  test('two attributes joined by 和, after a background naming the document, are both answered', async () => {
    const ask = await conversation();
    const reply = await ask('同事让我核对方案的制定依据，请告诉我方案的印发日期和文号');
    expect(reply.text).toMatch(/2022年6月17日/);
    expect(reply.text).toMatch(/11号/);
  });

  test('in the next turn', async () => {
    const ask = await conversation();
    await ask('这个方案的发文字号是多少');
    expect((await ask('是哪个单位发的')).text).toMatch(/经济发展委员会/);
  });

  test('an aspect of a measure after it is still the measure', async () => {
    const ask = await conversation();
    await ask('深度诊断是做什么的');
    expect((await ask('哪个单位负责')).text).toMatch(/深度诊断/);
  });
});

describe('background and question naming the same topic', () => {
  test('a colloquial question is decided by the background that named its topic', async () => {
    const ask = await conversation();
    const reply = await ask('我们明年打算冲刺上市，园区有没有什么帮着上市的路子？');
    expect(reply.text).toMatch(/苗圃/);
  });
});

describe('a thing described, then asked about', () => {
  test('想问问 + a description, then an aspect', async () => {
    const ask = await conversation();
    const reply = await ask('我们是市级的，想问问那个每年给企业评级打分的综合评价，能加几分？');
    expect(reply.text).toMatch(/加 ?1 ?分/);
  });

  test('想问问 + a topic, then a question with its own topic: both answered', async () => {
    const ask = await conversation();
    const reply = await ask('想问问企业沙龙，另外深度诊断收费吗');
    expect(reply.text).toMatch(/企业沙龙/);
    expect(reply.text).toMatch(/免费/);
  });
});

describe('clauses', () => {
  test('几 after 引 or 挖 is a few: the plan lends its topic to the question after it', async () => {
    const frame = (await recognizer()).recognizeSync('我们想从国外挖几个工程师回来 园区这方面有啥支持').frame!;
    expect(frame.clauses.filter((c) => c.kind === 'ask')).toHaveLength(1);
    expect(frame.questions[0].candidates[0].id).toBe('tal.talent-matching');
  });

  test('a long A-not-A question ending in 不 asks', async () => {
    const frame = (await recognizer()).recognizeSync('海外人才回国以后可以直接到我们企业入职不').frame!;
    expect(frame.clauses.every((c) => c.kind === 'ask')).toBe(true);
  });

  test('Suzhou words: 伲, 搿个, 勿', async () => {
    const r = await recognizer();
    expect(r.recognizeSync('伲勿晓得搿个深度诊断要钞票伐').normalized).toMatch(/我们不知道这个深度诊断要钱吗/);
  });
});
