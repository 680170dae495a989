/**
 * The topic a follow-up refers to, whichever flow answered it: "企业沙龙我们可以参加吗" is answered by the
 * advisor, and "那它多久搞一次" after it asks about the salon, not the tier asked before. Also a later question pointing at
 * a part of the background ("改造这块") in a message the advisor and the Q&A answer together.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a measure the advisor answered is what "它" refers to next, not the tier asked before', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们是入库企业，算第几类')).toMatch(/三类/);
  expect(await chat.say('企业沙龙我们可以参加吗')).toMatch(/企业沙龙/);
  const reply = await chat.say('那它多久搞一次');
  expect(reply).toMatch(/企业沙龙/);
  expect(reply).not.toMatch(/培育对象分类/);
});

test('"改造这块" points at the background that said 改造, not at the question answered just before', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们是市级专精特新，制造业，明年准备搞智能化改造。资源集约利用评价能加几分？改造这块园区能帮啥忙？');
  expect(reply).toMatch(/加 ?1 ?分/);
  expect(reply).toMatch(/智改数转|智能化改造/);
});
