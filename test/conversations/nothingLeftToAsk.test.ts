/**
 * Written for the tests (not taken from an evaluation set), through the whole product: when the facts
 * told already rule a measure out (an honour outside 近三年内), the advisor says so at once instead of
 * asking a trait that could not change it.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('an honour outside the window rules the rating out: industry is not asked', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们公司2020年拿的省级专精特新，资源集约利用评价现在还能享受吗');
  expect(reply).toMatch(/不符合|不在近三年内|不在此列/);
  expect(reply).not.toMatch(/是否属于工业/);
});
