/**
 * Round 138c (from the tuned half of batch i3 and the gaps h3 left): the policy text asked for beside a question
 * ("要什么条件？政策原文怎么写的") is no question of its own; an enterprise called by its short name before what is asked
 * ("恒铸精工在融资贷款方面能享受什么支持") is the enterprise asked of, while a word of the language in that place
 * ("人工智能在…") is not taken for a name. Round 138d (from the tuned half of batch j3): "没有获得任何级别的专精特新荣誉"
 * says no honour is held.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('the policy text asked for beside a question leaves the question\'s topic', async () => {
  const chat = await bot.chat();
  await chat.say('资源集约利用评价是怎么回事');
  const reply = await chat.say('要满足什么条件？政策原文怎么写的');
  expect(reply).toMatch(/近三年内/);
  expect(reply).not.toMatch(/苏园经〔2022〕11号/);
});

test('an enterprise named by its short name before the question is asked of', async () => {
  const reply = await (await bot.chat()).say('华拓精工在融资贷款方面能享受什么支持');
  expect(reply).toMatch(/专精特新贷|风险补偿/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('a word of the language where a name could stand is not read as one', async () => {
  const reply = await (await bot.chat()).say('人工智能在汇计划里有专门的支持吗');
  expect(reply).not.toMatch(/贵企业/);
});

test('no honour of any level obtained, told in a letter, is no honour', async () => {
  const reply = await (await bot.chat()).say('背景：我司成立于2015年，员工70人，做精密检测仪器，有ISO9001体系。目前没有获得任何级别的专精特新荣誉。问题：我们属于哪一类？');
  expect(reply).toMatch(/三类/);
  expect(reply).not.toMatch(/获得过哪一级/);
});
