/**
 * Written for the tests (not taken from an evaluation set), through the whole product over Direct Line:
 * a question typed at the company-name prompt is answered and never stored as the name; a correction
 * typed at an advisor question ("不对，说错了，是…") updates the facts even when it asks something after
 * it, and a fact supplied after the answer replays it with the corrected facts; the activity named before
 * "我们要报名"; "转个人工"; domain words typed by their pinyin initials.
 */
import { SALON, botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a question at the company-name prompt is answered, and the name is asked again', async () => {
  const chat = await bot.chat();
  await chat.sayAll(`报名：${SALON}`, '同意');
  const reply = await chat.say('先问下哈，专家上门诊断收费不？');
  expect(reply).toMatch(/免费/);
  expect(reply).toMatch(/企业全称/);
  await chat.sayAll('苏州工业园区庚辛科技有限公司', '91320594MA1P6T4E3C', '吴晨', '13800003333');
  expect(await chat.say('1')).toMatch(/企业名称：苏州工业园区庚辛科技有限公司/);
});

test('a correction at an advisor question updates the facts, whatever it asks after it', async () => {
  const chat = await bot.chat();
  const first = await chat.say('我们是2024年评上的区级专精特新，做注塑件的制造企业，想知道能享受啥支持');
  expect(first).toMatch(/二类/);
  const corrected = await chat.say('哎不对，说错了，是2025年评的省级，那现在呢？');
  expect(corrected).toMatch(/一类/);
  const rest = await chat.say('没有上市计划');
  expect(rest).toMatch(/属于一类/);
  expect(rest).toMatch(/加 ?2 ?分/);
  // (A fact supplied after the answer replays it with the corrected facts, not the first message's.)
  const supplied = await chat.say('暂时不招人');
  expect(supplied).toMatch(/属于一类/);
  expect(supplied).not.toMatch(/区级专精特新，2024年认定/);
});

test('the activity named before "我们要报名" is signed up for; "转个人工" hands off', async () => {
  const chat = await bot.chat();
  expect(await chat.say('专精特新企业沙龙我们想报名，最近正好有空')).toMatch(/个人信息告知|企业沙龙/);
  const other = await bot.chat();
  expect(await other.say('麻烦帮我转个人工吧')).toMatch(/服务专员|人工/);
});

test('domain words typed by their initials', async () => {
  const chat = await bot.chat();
  expect(await chat.say('sdzd收费吗')).toMatch(/免费/);
  expect(await chat.say('jjdn上有什么')).toMatch(/专题|经济大脑/);
});
