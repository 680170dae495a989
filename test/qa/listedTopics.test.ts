/**
 * Topics listed one after another and one question shared by all of them ("1.产业链那块 2.人才那块
 * 分别能提供啥"), and a clause that only announces how many things follow ("问三个事"). Written for the
 * tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

async function questionTopics(text: string): Promise<string[]> {
  const frame = (await recognizer()).recognizeSync(text).frame!;
  return frame.questions.map((q) => q.candidates[0]?.id ?? '');
}

describe('topics listed before one shared question', () => {
  test('numbered topics with 分别 each get the question, in order', async () => {
    expect(await questionTopics('想了解三块 1.人才那块 2.产业链那块 3.融资那块 分别能提供啥')).toEqual(['hui.talent', 'hui.industry', expect.stringMatching(/^(hui\.finance|fin\.financial-support)$/)]);
  });

  test('topics listed with 、 share a later 各自 question and its aspect', async () => {
    const frame = (await recognizer()).recognizeSync('专场招聘、深度诊断 这俩各自归哪个部门管').frame!;
    expect(frame.questions.map((q) => q.candidates[0].id)).toEqual(['tal.job-fair', 'svc.deep-diagnosis']);
    expect(frame.questions.every((q) => q.aspect === 'responsible')).toBe(true);
  });

  test('each listed topic is answered', async () => {
    const ask = await conversation();
    const reply = await ask('深度诊断和培训辅导 这两个分别收不收费');
    expect(reply.text).toMatch(/诊断/);
    expect(reply.text).toMatch(/培训|辅导/);
  });

  test('needs described between 、 share a later 分别 question, each its own measure', async () => {
    expect(await questionTopics('想要两样东西：请专家上门给企业做个诊断、帮忙对接银行贷款，分别是哪项措施')).toEqual(['svc.deep-diagnosis', 'fin.financial-support']);
  });

  test('without 分别 the question asks of the last topic named only', async () => {
    expect(await questionTopics('听说有专场招聘，还有深度诊断，这个谁负责')).toHaveLength(1);
  });
});

describe('a clause announcing how many questions follow', () => {
  test.each(['问三个事', '有两个问题想请教', '想了解以下几点'])('"%s" asks nothing itself', async (lead) => {
    const frame = (await recognizer()).recognizeSync(`${lead}：专场招聘一年几场？培训辅导要钱吗`).frame!;
    expect(frame.questions.map((q) => q.candidates[0].id)).toEqual(['tal.job-fair', 'svc.training']);
  });
});
