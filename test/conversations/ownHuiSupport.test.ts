/**
 * "我们是区级专精特新，人才方面能享受哪些支持": one 汇's support for our own enterprise, through Direct Line
 * with the whole product — the advisor judges each measure of that 汇 with the facts given.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('facts up front and one 汇 asked: that 汇, each measure judged, what does not apply and why', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('你好，我们是区级专精特新企业，想问下人才方面我们能享受哪些支持');
  expect(reply).toContain('根据您提供的信息（区级专精特新）');
  expect(reply).toContain('【人才汇】');
  expect(reply).toMatch(/暂不适用：人才对接/);
  expect(reply).not.toContain('【金融汇】');
});

test('asked of no enterprise of ours, the 汇 is described', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('专精特新企业人才方面有哪些支持');
  expect(reply).toMatch(/^人才汇（网聚英才）包括人才对接、人才申报、专场招聘/);
});

test('one 汇 is answered at once: a measure waiting on a trait (拟上市) shows it as its condition instead of asking it', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们公司2025年评上了省级专精特新，想了解一下我们在金融方面能享受哪些支持');
  expect(reply).toContain('【金融汇】');
  expect(reply).toMatch(/上市培育（苗圃计划）[\s\S]*如贵企业拟上市/);
  expect(reply).not.toContain('是否有上市计划');
});
