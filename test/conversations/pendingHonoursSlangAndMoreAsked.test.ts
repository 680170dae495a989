/**
 * Round 136c (from the tuned half of batch g3): an honour "今年刚报上去还没批下来" is not held, so a correction saying so
 * leaves only the honour held; slang for getting support ("有啥能蹭的") asks what we get and "没啥荣誉" is no question;
 * "贷款有贴息不" asks; "多少年以内认定的才算" after the evaluation asks its window; "还有吗" after parts of a topic is all of
 * it; "…这块能享受什么，先说我们是几类" answers the tier first, then that 汇 for us.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a correction saying the other honour was only just applied for leaves the honour held', async () => {
  const chat = await bot.chat();
  await chat.say('我们公司2019年成立，做微创手术器械，40人左右，2025年评上了省级专精特新。我们算几类企业呀？资源集约利用评价能加几分？');
  const again = await chat.say('不好意思，我说错了 领导刚跟我说我们2025年评上的是市级的，省级那个是今年刚报上去还没批下来。那我们算几类，能加几分呀？');
  expect(again).toMatch(/属于二类/);
  expect(again).toMatch(/加 1 分/);
  expect(again).not.toMatch(/属于一类|加 2 分/);
});

test('slang for the support we can get, with "没啥荣誉" told, is asked after the tier', async () => {
  const reply = await (await bot.chat()).say('我们刚进培育库 没啥荣誉 做AI视觉的 40人 明年想扩招 算几类 有啥能蹭的');
  expect(reply).toMatch(/三类/);
  expect(reply).toMatch(/专场招聘/);
});

test('"贷款有贴息不" after a client described asks, and is answered', async () => {
  const reply = await (await bot.chat()).say('客户做环保设备的 14年成立 150人 23年市级zjtx 最近缺钱想贷款 园区zjtx贷款有贴息不');
  expect(reply).toMatch(/贴息/);
  expect(reply).not.toMatch(/已了解贵企业的情况/);
});

test('how recent the recognition must be, asked after the evaluation, is its window', async () => {
  const chat = await bot.chat();
  await chat.say('请问资源集约利用评价对专精特新企业有什么支持呀？');
  expect(await chat.say('那要多少年以内认定的才算呀？')).toMatch(/近三年内/);
});

test('"还有吗" after two classes is the whole classification', async () => {
  const chat = await bot.chat();
  await chat.sayAll('一类企业包括哪些？', '二类呢');
  expect(await chat.say('还有吗')).toMatch(/三类为其他优质中小企业/);
});

test('the tier asked to be answered first comes first; the 汇 asked with our honour told is judged for us', async () => {
  const reply = await (await bot.chat()).say('区级专精特新，600人，半导体设备，主要看融资和上市这块能享受什么，先说我们是几类');
  expect(reply).toMatch(/^属于二类/);
  expect(reply).toMatch(/【金融汇】贵企业可享受/);
  expect(reply).not.toMatch(/我再了解几项情况/);
});
