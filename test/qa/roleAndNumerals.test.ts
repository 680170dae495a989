/**
 * Years written in Chinese digits, "怎么" that aims at nothing, a clause about an enterprise without
 * honours among level questions, "这服务" pointing back, a question naming only a word the background's
 * measure holds, "只有…才有" asking of the topic just asked about, and the programme itself asked beside
 * its document. Written for the tests, not taken from an evaluation set.
 */
import { cleanText } from '../../src/text/normalize';
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

test('a year in Chinese digits is read as the year', async () => {
  expect(cleanText('二〇二三年评的，二零二五年又评了一次')).toBe('2023年评的,2025年又评了一次');
  expect(cleanText('一二三年')).toBe('一二三年');
  const ask = await conversation('2026-12-04T02:00:00Z');
  expect((await ask('我们二零二一年评的市级，资源集约利用评价现在还加分吗')).text).toMatch(/^不能/);
});

test('"怎么加" after one level aims at no level named after it', async () => {
  const ask = await conversation();
  const reply = await ask('资源集约利用评价 省级的怎么算 国家级的呢');
  expect(reply.text).toMatch(/省级.{0,30}加 ?2 ?分/);
  expect(reply.text).not.toMatch(/优先推荐园区本级/);
});

test('among level questions, a clause about a pooled enterprise without honours is 三类', async () => {
  const ask = await conversation();
  const reply = await ask('国家级的是几类？没评上只入库的呢？');
  expect(reply.text).toMatch(/属于一类/);
  expect(reply.text).toMatch(/属于三类/);
});

test('"这服务" points at the plan before it; "这服务汇" names the 汇', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('老板想请外面的专家到厂里帮忙查查问题，你们有这服务不').frame!.questions[0].candidates[0].id).toBe('svc.deep-diagnosis');
  expect(r.recognizeSync('老板想请外面的专家到厂里帮忙查查问题，这服务汇里还有啥').frame!.questions[0].candidates[0].id).toBe('hui.service');
});

test('a word the named measure holds, and "只有…才有", ask about that measure', async () => {
  const frame = (await recognizer()).recognizeSync('打算申报金鸡湖人才计划，园区能提供辅导不？是不是只有省级以上才给').frame!;
  expect(frame.questions.map((q) => q.candidates[0].id)).toEqual(['tal.talent-application', 'tal.talent-application']);
});

test('the programme itself asked beside its document', async () => {
  const ask = await conversation();
  const reply = await ask('方案文号是多少？总共分了几个汇？');
  expect(reply.text).toMatch(/11号/);
  expect(reply.text).toMatch(/五个|产业汇、金融汇/);
});

test('after a question (not a background) naming a measure, another question keeps its own topic', async () => {
  const frame = (await recognizer()).recognizeSync('公共服务平台能帮忙做工业设计吗？另外专精特新定制培训班有没有').frame!;
  expect(frame.questions.map((q) => q.candidates[0].id)).toEqual(['tech.platform-services', 'svc.training']);
});
