/**
 * Written for the tests (not taken from an evaluation set), through the whole product: facts told with
 * "到今年还在那个期限里吗" ask the last fact-answered question again; "适合我们吗" with facts asks the
 * last topic's fit; the fee of the activity asked in the middle of its sign-up.
 */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('facts and "到今年还在那个期限里吗" ask the last fact-answered question again, a question in between or not', async () => {
  const chat = await bot.chat();
  await chat.say('我们是省级专精特新，资源集约利用评价能加分吗');
  await chat.say('我们属于哪一类');
  const reply = await chat.say('我们是2021年评上的省级 到今年还在那个期限里吗');
  expect(reply).toMatch(/不在近三年内|不再享受/);
});

test('"适合我们吗" with facts asks whether the last topic fits us', async () => {
  const chat = await bot.chat();
  await chat.say('苗圃计划是干什么的');
  const reply = await chat.say('适合我们吗？我们是市级专精特新，准备两年内上市');
  expect(reply).toMatch(/苗圃/);
  expect(reply).not.toContain('是否属于工业');
});

test('the fee asked in the middle of a sign-up: not stated, and the sign-up goes on', async () => {
  const chat = await bot.chat();
  expect(await chat.say(`报名：${SALON}`)).toContain('个人信息告知');
  const reply = await chat.say('先问一下，参加这个活动收费吗');
  expect(reply).toContain('没有注明费用');
  expect(reply).toMatch(/确认是否同意/);
});
