/**
 * "入库培育企业算哪一类" → "那它能享受啥": the class the last answer judged is what 它 / 这类企业 / a bare 那 points at,
 * and its support is told as the policy gives it for that class (nothing asked of our own enterprise); with our own
 * honour told, "那能享受哪些服务" answers first what that honour gets. Through Direct Line with the whole product.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('它 after a tier verdict of a class: that class’s support', async () => {
  const chat = await bot.chat();
  expect(await chat.say('入库培育企业算哪一类')).toMatch(/^属于三类/);
  const reply = await chat.say('那它能享受啥');
  expect(reply).toMatch(/^三类企业（[^）]*）可享受以下 \d+ 项支持/);
  expect(reply).not.toMatch(/获得过哪一级/);
});

test('a bare 那 after a verdict of an honour in general: that tier’s support in the 汇 asked', async () => {
  const chat = await bot.chat();
  expect(await chat.say('市级专精特新算第几类')).toMatch(/^属于二类/);
  const reply = await chat.say('那能享受哪些服务');
  expect(reply).toMatch(/二类企业（[^）]*）可享受 \d+ 项/);
  expect(reply).toMatch(/深度诊断/);
  expect(reply).not.toMatch(/获得过哪一级/);
});

test('with our own honour told, one 汇’s support is answered before its missing fact is asked', async () => {
  const chat = await bot.chat();
  await chat.say('我们市级专精特新算第几类');
  const reply = await chat.say('那能享受哪些服务');
  expect(reply).toMatch(/贵企业属于二类。已可享受：深度诊断、培训辅导、定向服务、企业沙龙/);
  expect(reply).toMatch(/哪一年认定/);
});
