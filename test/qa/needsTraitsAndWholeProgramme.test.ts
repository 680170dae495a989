/**
 * Written for the tests (not taken from an evaluation set): a need told before "X这块怎么支持" picks
 * the measure of that field; a required trait our enterprise lacks ("不是制造业") decides whether a
 * measure applies; with a plan told, "汇计划里我们能享受哪些" still asks for all of the support; an
 * enterprise with several honours stands by its highest.
 */
import { conversation } from './conversation';
import { createRecognizer } from '../../src/nlu';

test('"…想从海外引进一位教授，人才方面怎么支持" is the measure for that need', async () => {
  const reply = await (await conversation())('我们是省级专精特新 最近想从新加坡引进一位教授回国 人才方面园区怎么支持');
  expect(reply.text).toMatch(/^有意向回国的海外人才/);
});

test('a required trait we lack: whether it applies is answered no, and why; what it is, is still described', async () => {
  const ask = async (q: string) => (await (await conversation())(q)).text;
  expect(await ask('我们公司不属于制造业，资源集约利用评价的提档我们适用吗')).toMatch(/^不适用：贵企业不是工业（制造业）企业/);
  expect(await ask('我们现在不招人，能参加专场招聘会吗')).toMatch(/^不适用：贵企业暂无招聘需求/);
  expect(await ask('我们暂时没有招人的计划，专场招聘是怎么回事')).toMatch(/^根据“专精特新”企业及培育库企业需求/);
});

test('with one plan told, "汇计划里我们能享受哪些" asks for all of the support; "有什么支持" asks of the plan', async () => {
  const r = await createRecognizer({ now: () => new Date('2026-12-04T02:00:00Z') });
  const all = (await r.recognize('我们是市级专精特新 2024年评的 准备明年上市 请问汇计划中我们可以享受哪些')).frame!.questions.at(-1)!;
  expect(all.intent).toBe('what_support');
  expect(all.namesTopic).toBeFalsy();
  const plan = (await r.recognize('我们是市级专精特新 2024年评的 准备明年上市 有什么支持')).frame!.questions.at(-1)!;
  expect(plan.candidates[0].id).toBe('fin.ipo-cultivation');
});

test('"我司可以享受哪些", the noun left out and nothing named, asks what our enterprise may get', async () => {
  const r = await createRecognizer({ now: () => new Date('2026-12-04T02:00:00Z') });
  for (const text of ['我们是区级专精特新，汇计划里我们可以享受哪些', '我司能享受啥']) {
    expect((await r.recognize(text)).frame!.questions.at(-1)!.intent).toBe('what_support');
  }
});

test('an enterprise with several honours stands by its highest; levels asked side by side are each answered', async () => {
  const reply = await (await conversation())('我们前年评了区级，今年又评上了国家级小巨人，想引进海外专家有什么政策');
  expect(reply.text).not.toMatch(/不在优先推荐之列/);
  expect(reply.text).toMatch(/^有意向回国的海外人才/);
  const each = await (await conversation())('资源集约利用评价 市级和区级分别怎么加分');
  expect(each.text).toMatch(/市级/);
});
