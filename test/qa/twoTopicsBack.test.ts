/**
 * Written for the tests (not taken from an evaluation set): after two topics, "前面那个" asks of the
 * first and "这两个" of both; "我们这种情况" is our situation, not a topic pointed back at; steady
 * customers are what 配套 gives.
 */
import { conversation } from './conversation';

test('"前面那个" asks of the topic before the last', async () => {
  const chat = await conversation();
  await chat('上市培育是什么');
  await chat('标杆学习呢，讲讲');
  expect((await chat('前面那个谁负责')).text).toMatch(/“上市培育”的责任单位/);
});

test('"这两个" asks of both', async () => {
  const chat = await conversation();
  await chat('知识产权保护是怎么支持的');
  await chat('那产业对接是干嘛的');
  const reply = (await chat('这两个分别归哪些单位管')).text;
  expect(reply).toMatch(/“知识产权保护”的责任单位[^\n]*科创委/);
  expect(reply).toMatch(/“产业对接”的责任单位/);
});

test('"我们这种情况" is our situation; the topic is named after it', async () => {
  const reply = (await (await conversation())('我们2025年评了市级，想了解一下标杆学习怎么搞。另外，我们这种情况资源集约利用评价加几分？')).text;
  expect(reply).toMatch(/加 ?1 ?分/);
});

test('steady customers are what 配套 gives', async () => {
  const reply = (await (await conversation())('生意越来越难做，园区能不能帮我们找到稳定的客户')).text;
  expect(reply).toMatch(/配套|链主/);
});
