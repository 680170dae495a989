/**
 * A wrong premise heard before the question ("听说…要收费"), a correction within the message ("市级 哦不对
 * 是省级"), asking whether we are in the pool (nothing to look up), subsidy words that are no fee (贴钱),
 * English "support", KPI as a plan, a topic without responsible units, and a 汇's support asked by its
 * field. Written for the tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

test('a fee heard of before the question: the question asks whether it costs, and the answer says 免费', async () => {
  const ask = await conversation();
  expect((await ask('有人说深度诊断要交钱的 大概得好几万吧')).text).toMatch(/^免费/);
});

test('a correction within the message: the honour after it stands, with the year said before', async () => {
  const r = await recognizer();
  const x = r.recognizeSync('我们2023年评的区级 不对 是市级');
  expect(x.frame!.facts!.update.honours).toEqual([{ level: 'city', year: 2023 }]);
  const ask = await conversation();
  expect((await ask('去年拿的国家级 哦不对 其实是省级 我们算哪类 综合评价加几分')).text).toMatch(/一类[\s\S]*加 ?2 ?分/);
  expect((await (await conversation())('去年拿的省级 说错了不对 是区级 属于哪一类')).text).toMatch(/^属于二类/);
});

test('asking whether we are in the pool states nothing, and is answered honestly', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('麻烦查一下我们有没有入库').frame!.facts!.update.inPool).toBeUndefined();
  expect(r.recognizeSync('我们是不是在培育库里').entities.inPool).toBeUndefined();
  const ask = await conversation();
  expect((await ask('麻烦查一下我们有没有入库')).text).toMatch(/无法查询/);
});

test('贴钱 is a subsidy, not a fee; support is 支持', async () => {
  const ask = await conversation();
  expect((await ask('银行贷款这块园区贴钱不')).text).toMatch(/贴息/);
  const x = (await recognizer()).recognizeSync('海外人才回国就业 园区有什么support');
  expect(x.frame!.questions[0].intent).not.toBe('none');
});

test('a target in the KPI lends its topic to the question after it', async () => {
  const frame = (await recognizer()).recognizeSync('我们今年的KPI是引进海外高层次人才，园区在这方面能帮什么忙').frame!;
  expect(frame.questions[0].candidates[0].id).toBe('tal.talent-matching');
});

test('who leads, after a topic without responsible units, is asked of itself', async () => {
  const ask = await conversation();
  const reply = await ask('培育对象怎么划分的？那牵头单位是哪个？');
  expect(reply.text).toMatch(/三类/);
  expect(reply.text).toMatch(/经发委牵头/);
});

test('the support of one field, asked of no enterprise, is its 汇', async () => {
  const ask = await conversation();
  expect((await ask('专精特新企业在技术方面有哪些支持')).text).toMatch(/^技术汇/);
});

test('two measures side by side without a joiner, with 分别, are each asked; a word in quotation marks is the word', async () => {
  const frame = (await recognizer()).recognizeSync('深度诊断培训辅导分别收费吗').frame!;
  expect(frame.questions.map((q) => q.candidates[0].id)).toEqual(['svc.deep-diagnosis', 'svc.training']);
  expect((await recognizer()).recognizeSync('方案里的“汇”一共有几个').frame!.questions[0].candidates[0].id).toBe('overview.what');
});
