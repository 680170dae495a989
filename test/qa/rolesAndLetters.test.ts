/**
 * Written for the tests (not taken from an evaluation set): who the writer is ("我是…的工作人员", "我是HR")
 * opens a message and hides no request nor asks for a human; a request for an enterprise described
 * ("帮辖区一家企业报名") is a sign-up; "请简要说明…" asks; the end of a word spelled in letters after its
 * start in characters ("沙龙shoufei吗") and aspect words in letters ("xianxia") are read.
 */
import { conversation } from './conversation';
import { recognizer } from '../nlu/fixture';

test('who the writer is hides no request and asks for no one', async () => {
  const r = await recognizer();
  expect((await r.recognize('我是园区某街道的工作人员，想问问企业沙龙是谁组织的')).intent).not.toBe('handoff');
  expect((await r.recognize('我是人事部的小李，想报名专精特新培训班')).intent).toBe('sign_up');
  expect((await r.recognize('你好，我是服务办的，替辖区两家企业报名沙龙')).intent).toBe('sign_up');
});

test('"请简要说明…" asks, after background', async () => {
  const reply = (await (await conversation())('我们是区级专精特新，正在准备申报市级。请简要说明培训辅导的内容和责任单位。')).text;
  expect(reply).toMatch(/培训班|申报辅导/);
  expect(reply).toMatch(/责任单位/);
});

test('words spelled in letters: the end of a word after its start, and aspect words', async () => {
  const r = await recognizer();
  expect(r.analyzer.analyze('企业沙龙shoufei吗').clean).toBe('企业沙龙收费吗');
  const reply = (await (await conversation())('专场招聘是xianxia还是线上')).text;
  expect(reply).toMatch(/线上\+线下/);
});
