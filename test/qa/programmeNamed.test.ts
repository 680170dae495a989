/**
 * Written for the tests (not taken from an evaluation set): a measure asked of "in the programme"
 * (方案里…, 文件中…, 汇计划…) is as clear as the measure asked alone — the programme's own name
 * asks nothing the measure lacks. A 汇 asked "能帮我们…什么" after a background naming one of its
 * measures is that measure.
 */
import { conversation } from './conversation';

test.each([
  ['文件中“标杆学习”一项的具体支持内容为何', /现场看|标杆讲/],
  ['方案中“知识产权保护”这一项具体规定了什么', /知识产权保护中心/],
  ['方案所列“产业对接”一项的内容为何', /供需对接|产学研/],
  ['文件里“定向服务”一项具体指什么', /专窗|帮代办/],
])('%s', async (question, expected) => {
  const reply = await (await conversation())(question);
  expect(reply.text).toMatch(expected);
  expect(reply.text).not.toMatch(/没有找到相关内容/);
});

test('a 汇 asked what it can do for us, after a background that named one of its measures', async () => {
  const reply = await (await conversation())('我们是做储能设备的，省级专精特新，也想找几家投资机构聊聊融资。方案的金融这块能帮我们对接什么？');
  expect(reply.text.slice(0, 150)).toMatch(/投资机构|专精特新贷|风险补偿/);
});
