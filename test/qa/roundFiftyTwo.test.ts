/**
 * Written for the tests (not taken from an evaluation set), one case per mechanism of round 52: particles
 * glued to a word, a short name of a measure, an enterprise moving into the park, a member of a group,
 * a trait lacked with what the honours would bring, the next activity asked, unlisted details named,
 * the three classes, greetings before a request, and "还能算吗" of the facts just reasoned on.
 */
import { conversation } from './conversation';
import { createRecognizer } from '../../src/nlu';
import { Segmenter } from '../../src/nlu/segmenter';

const ask = async (q: string) => (await (await conversation())(q)).text;
const recognizer = createRecognizer({ now: () => new Date('2026-12-04T02:00:00Z') });

test('a sentence-final particle glued to a word by the segmenter leaves the word matched', async () => {
  const words = new Segmenter([]).cut('汇计划里有哪五个汇呀');
  expect(words).toContain('汇');
  expect(words).not.toContain('汇呀');
  expect(new Segmenter([]).cut('哈哈')).toEqual(['哈哈']);
});

test('"那金鸡湖的呢" after the 汇 answers its measure', async () => {
  const chat = await conversation();
  await chat('人才汇包括什么');
  expect((await chat('那金鸡湖的呢')).text).toMatch(/金鸡湖人才计划/);
});

test('an enterprise elsewhere asking as it would be once moved into the park gets its tier', async () => {
  expect(await ask('我们现在在昆山，2024年评的区级专精特新，打算搬到园区来，到时候算哪一类')).toMatch(/^属于二类/);
});

test('a member of a larger group: the policy draws no line, said honestly', async () => {
  expect(await ask('我们是某上市集团旗下的分公司，自己只有80人，能参加汇计划吗')).toMatch(/未说明集团下属企业/);
});

test('a required trait lacked: not applicable, and what the honours would bring with it', async () => {
  const reply = await ask('我们是软件企业不是制造业，2024年评了省级，资源集约利用评价用得上吗');
  expect(reply).toMatch(/^不适用：贵企业不是工业（制造业）企业/);
  expect(reply).toMatch(/如为工业（制造业）企业，按贵企业的荣誉可加 2 分/);
});

test('the next activity asked for its date or place is the activity list', async () => {
  const r = await recognizer;
  for (const text of ['下一期培训班是哪天', '最近一场招聘会在哪里办']) expect((await r.recognize(text)).intent).toBe('list_activities');
});

test('details the policy does not give: the evaluation\'s scoring, and a named plan\'s deadline with its name', async () => {
  expect(await ask('资源集约利用综合评价总分多少 按什么指标')).toMatch(/^抱歉，汇计划未列明资源集约利用综合评价本身的评分指标/);
  expect(await ask('金鸡湖人才计划什么时候截止申报')).toMatch(/^抱歉，汇计划未列明“金鸡湖人才计划”的具体申报时间/);
});

test('"三类培育对象" alone is the three classes', async () => {
  expect(await ask('三类培育对象有哪些')).toMatch(/^培育对象分为三类/);
  expect(await ask('第三类培育对象是什么')).toMatch(/^三类为其他优质中小企业/);
});

test('a greeting before a request, and "订阅一下", keep the request', async () => {
  const r = await recognizer;
  expect((await r.recognize('您好，我想帮公司报名参加企业沙龙')).intent).toBe('sign_up');
  expect((await r.recognize('好的，那麻烦帮我订阅一下活动通知')).intent).toBe('subscribe');
});

test('"2022年那个国家级的还能算吗" after a dated answer asks it for those facts', async () => {
  const chat = await conversation();
  await chat('我们2024年评了市级，2021年评了省级，资源集约利用评价能加几分');
  expect((await chat('2021年那个省级的还算吗')).text).toMatch(/^不能。2021年认定的省级/);
});
