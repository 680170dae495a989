/**
 * A tier's support asked in general ("二类企业能享受什么支持", "我们是一类企业，有啥支持", "3类有啥"), through
 * Direct Line with the whole product: the advisor's one rule engine run for each honour level the tier is made of,
 * side by side — nothing asked, the tier's own rules named (一类: 国家级评级提升 1 级 and 省级加 2 分).
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a tier asked of in general: what it gets, what depends on what, what it does not get', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('二类企业能享受什么支持');
  expect(reply).toMatch(/^二类企业（获得市级、区级“专精特新”荣誉的企业）可享受以下 \d+ 项支持/);
  expect(reply).toMatch(/资源集约利用评价（[^\n]*近三年内认定的市级和区级“专精特新”企业加 1 分/);
  expect(reply).toMatch(/暂不适用 1 项：人才对接/);
  expect(reply).not.toContain('请问贵企业获得过哪一级');
});

test('our own tier named without our honours: both levels of 一类, each with its own points', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们是1类企业，能享受什么支持');
  expect(reply).toMatch(/^一类企业（获得国家级、省级“专精特新”荣誉的企业）/);
  expect(reply).toMatch(/国家级“专精特新”企业评级提升 1 级[^\n]*省级“专精特新”企业加 2 分/);
  expect(reply).toContain('人才对接');
  expect(reply).not.toContain('请问贵企业获得过哪一级');
});

test('三类 asked tersely, and a tier in one 汇', async () => {
  const chat = await bot.chat();
  expect(await chat.say('3类有啥')).toMatch(/^三类企业（其他优质中小企业，即入库培育企业）可享受以下 \d+ 项支持[\s\S]*企业沙龙/);
  const chat2 = await bot.chat();
  const finance = await chat2.say('一类企业在金融方面有什么支持');
  expect(finance).toMatch(/^【金融汇】一类企业[^\n]*可享受/);
  expect(finance).toContain('金融支持');
  expect(finance).not.toContain('【人才汇】');
});

test('honours stated with the tier: the enterprise is judged on its honours, as before', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们2025年评上了市级专精特新，属于二类，能享受什么支持');
  expect(reply).toMatch(/贵企业属于二类/);
});

test('the tier named in a clause before the question, or the support asked in words a measure also uses', async () => {
  const chat = await bot.chat();
  expect(await chat.say('作为一类企业，园区给哪些支持')).toMatch(/^一类企业（获得国家级、省级“专精特新”荣誉的企业）可享受/);
  const chat2 = await bot.chat();
  expect(await chat2.say('二类企业有啥好处')).toMatch(/^二类企业（获得市级、区级“专精特新”荣誉的企业）可享受/);
});
