/**
 * "能享受哪些支持" once the tier is known: the answer comes before the advisor's questions — what the facts
 * already give, and what waits on a fact still unknown with the condition and outcome the policy attaches —
 * so a user who stops answering has still been answered. Written for the tests.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('tier and support asked together: after the honour, the tier once and the support at once', async () => {
  const chat = await bot.chat();
  expect(await chat.say('请帮我看下我们属于哪一类，可以享受哪些扶持？')).toMatch(/哪一级/);
  const reply = await chat.say('省级');
  expect(reply.match(/属于一类/g)).toHaveLength(1);
  expect(reply).toMatch(/已可享受：[^\n]*人才对接[^\n]*深度诊断/);
  expect(reply).toMatch(/视情况而定：[^\n]*资源集约利用评价（[^）]*工业（制造业）[^）]*加 2 分）/);
  // Then only what is still missing is asked.
  expect(reply).toMatch(/工业（制造业）企业？/);
});

test('facts up front for a client: the tier, what it gets now and the bonus point waiting on the year', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('替客户问一下，他们去年评的市级专精特新小企业，有哪些政策能享受');
  expect(reply).toMatch(/属于二类。已可享受：[^\n]*企业沙龙/);
  expect(reply).not.toMatch(/已可享受：[^\n]*人才对接/);
  expect(reply).toMatch(/资源集约利用评价（如[^。；]*加 1 分）/);
  expect(reply).not.toMatch(/获得过哪一级/);
});

test('the whole support still follows once the questions are answered', async () => {
  const chat = await bot.chat();
  await chat.say('我们2025年评上省级专精特新，能享受什么支持');
  await chat.say('是');
  const last = await chat.say('没有上市计划');
  expect(last).toMatch(/可享受以下 \d+ 项支持/);
  expect(last).toMatch(/资源集约利用评价（加 ?2 ?分）/);
});
