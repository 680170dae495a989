/**
 * Round 126, through Direct Line with the whole product: a tier's support in one 汇 asked with 优先 and 在…上
 * ("二类企业在人才上有啥优先的") — the 汇's measures for that tier, not every 汇's and not the 汇's overview; a question
 * about the service staff themselves after wanting one ("想找服务专员对接 服务专员是谁定的") is answered, not a hand-off.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a tier’s support in one 汇, asked with 优先 and 在…上', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('二类企业在人才上有啥优先的');
  expect(reply).toMatch(/【人才汇】/);
  expect(reply).not.toMatch(/【产业汇】|包括人才对接、人才申报、专场招聘三项措施/);
});

test('a question about the service staff themselves is answered, not taken as a request for one', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('2025年评的市级专精特新 想找服务专员对接 服务专员是谁定的');
  expect(reply).toMatch(/服务专员由各功能区及苏相合作区明确/);
  expect(reply).not.toMatch(/转接/);
});

test('round 128: right after our tier, "这类企业" in one 汇 is our enterprise — that 汇’s measures for us', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们是省级专精特新，属于哪一类')).toMatch(/一类/);
  const reply = await chat.say('这类企业在人才上有啥优先的');
  expect(reply).toMatch(/【人才汇】/);
  expect(reply).toMatch(/人才对接/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('round 130b: our honour told in an earlier turn is what "我们能享受吗" of a measure is judged by', async () => {
  const chat = await bot.chat();
  await chat.say('我们是2025年区级专精特新');
  await chat.say('海外人才对接是怎么做的');
  expect(await chat.say('我们能享受吗')).toMatch(/二类企业不在优先列/);
});
