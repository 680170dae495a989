/**
 * Facts given on their own after a question whose answer they change ("我们是省级的，去年认定") answer
 * that question again, even with another question asked in between; facts that say less than before
 * ("目前只是进了培育库") withdraw what they replace; an honour named without the year a dated rule needs
 * gets the years that count and the year asked; a message that only tells about the enterprise is
 * noted, not met with "没有找到".
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();
const thisYear = new Date().getFullYear();

test('facts alone answer the question asked before them again', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们企业在综合评价里能加几分')).toMatch(/省级企业加 2 分/);
  const reply = await chat.say(`我们是省级的，${thisYear - 1}年认定`);
  expect(reply).toMatch(/^好的，已记下/);
  expect(reply).toMatch(/加 2 分/);
});

test('a question the facts do not change, asked in between, is not the one they answer', async () => {
  const chat = await bot.chat();
  await chat.say('亩均评价对我们有什么加分');
  expect(await chat.say('对了，企业沙龙多久开一次')).toMatch(/企业沙龙|分批分次/);
  const reply = await chat.say('好的。我们是区级的 去年评上的');
  expect(reply).toMatch(/加 1 分/);
  expect(reply).not.toMatch(/分批分次/);
});

test('being in the pool, said after an honour, keeps the honour', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们拿了省级专精特新，属于哪一类')).toMatch(/一类/);
  const reply = await chat.say('已入库');
  expect(reply).toMatch(/一类/);
  expect(reply).not.toMatch(/三类/);
});

test('"目前只是进了培育库" withdraws the honour said before', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们评上了市级专精特新 属于哪类')).toMatch(/二类/);
  expect(await chat.say('搞错了 市级还在公示 我们目前只是进了培育库')).toMatch(/三类/);
});

test('an honour not yet obtained ("国家级还没评") is not held', async () => {
  const chat = await bot.chat();
  const reply = await chat.say(`我们${thisYear - 1}年拿了区级专精特新，国家级还没评，算哪一类`);
  expect(reply).toMatch(/二类/);
  expect(reply).not.toMatch(/一类/);
});

test('an honour without its year: the years that count and the year asked; the year given next decides', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们是省级专精特新，资源集约利用评价能加分吗')).toMatch(/加 2 分[\s\S]*请问贵企业是哪一年认定的？/);
  expect(await chat.say(`${thisYear - 5}年`)).toMatch(/不能/);
});

test('a general question about a level is answered without asking a year', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('区级专精特新在资源集约利用评价里加几分');
  expect(reply).toMatch(/^市级和区级.{0,12}加 1 分/);
  expect(reply).not.toMatch(/认定年份/);
});

test('a message that only tells about the enterprise is noted and what can be asked offered', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('下半年准备扩建厂房');
  expect(reply).toMatch(/已了解/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('a class of enterprises described before "政策怎么说的" is the topic, not a fact about us', async () => {
  const chat = await bot.chat();
  expect(await chat.say('区级专精特新企业申报更高级别的荣誉，政策是怎么说的')).toMatch(/优先推荐/);
  expect(await chat.say('我们属于哪一类')).not.toMatch(/二类/);
});

test('facts told in an earlier turn are reasoned with, not asked again', async () => {
  const chat = await bot.chat();
  await chat.say(`我们是市级专精特新，${thisYear - 1}年认定的，属于哪一类`);
  const reply = await chat.say('那我们在资源集约利用评价里能加几分');
  expect(reply).toMatch(/加 1 分/);
  expect(reply).not.toMatch(/荣誉级别|认定年份/);
});

test('our own bonus asked with nothing told: the rule, then the level and year asked; the reply decides', async () => {
  const chat = await bot.chat();
  expect(await chat.say('想了解下我们厂在亩均评价里有没有加分')).toMatch(/哪一级“专精特新”荣誉、哪一年认定的？/);
  expect(await chat.say(`国家级，${thisYear - 6}年评的`)).toMatch(/不能/);
});

test('an answer another one of the same message already gives is not repeated; a fee not in the policy is said so', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('园区给专精特新办的招聘会是怎么搞的？一年几场？参会要交报名费吗');
  expect(reply.match(/1~2场/g)?.length).toBe(1);
  expect(reply).toMatch(/未列明[^\n]*收费/);
});

test('several questions, one answered by the advisor: each answer short, the last still within reach', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们已经入库了，属于几类？企业沙龙我们能参加吗？培训辅导呢？');
  expect(reply).toMatch(/三类/);
  expect(reply).not.toMatch(/责任单位：/);
  expect(reply.indexOf('培训')).toBeLessThan(300);
});

test('a factory or a product made says manufacturing, not asked again', async () => {
  const chat = await bot.chat();
  const reply = await chat.say(`我们是做汽车零部件的，车间有两百人，${thisYear - 1}年评上省级专精特新，想搞数字化改造，园区有什么支持`);
  expect(reply).not.toMatch(/是否属于工业（制造业）企业/);
  expect(reply).toMatch(/智改数转|转型升级/);
});

test('English words mixed in are read as the Chinese ones', async () => {
  const chat = await bot.chat();
  expect(await chat.say('园区有没有contact person专门对接专精特新企业')).toMatch(/服务专员/);
  expect(await chat.say('deep diagnosis要交fee吗')).toMatch(/免费/);
});
