/**
 * Someone asking for another enterprise (a building's tenant, "他们"), through Direct Line with the whole product: a
 * sign-up asked for "那家租户" or "帮我给他们报名" starts the form; "找个人工" reaches a person; a tier supposed with
 * 那如果… after our own facts is the supposed one's; "我们是省级…能享受什么优惠" is the support overview, not one
 * measure a general word touched. Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a sign-up asked for a tenant or for "them" starts the form', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我在园区做物业的，帮我们三楼那家做传感器的租户报个名，参加专精特新企业沙龙')).toMatch(/个人信息告知/);
  const other = await bot.chat();
  expect(await other.say('隔壁那家做医疗器械的公司想参加专精特新培训，麻烦给他们报名')).toMatch(/个人信息告知/);
});

test('"找个人工" asks for a person', async () => {
  const chat = await bot.chat();
  expect(await chat.say('情况说不清楚，麻烦直接帮我找个人工对接')).toMatch(/转接(?:企服中心的)?“专精特新”服务专员|正在为您转人工/);
});

test('a tier supposed after our own facts is the supposed one’s', async () => {
  const chat = await bot.chat();
  await chat.say('我们是国家级专精特新小巨人，属于几类');
  expect(await chat.say('那如果是区级专精特新，属于几类？')).toMatch(/^属于二类/);
});

test('the support asked in a general word of benefit is the overview', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('我们是2025年评上的省级专精特新，能享受什么优惠？');
  expect(reply).not.toMatch(/^贵企业可以享受“人才对接”/);
  expect(reply).toMatch(/一类/);
});

test('a supposed honour of another enterprise, as a follow-up, is judged by its year', async () => {
  const chat = await bot.chat();
  await chat.say('市级专精特新在资源集约利用评价里加几分');
  expect(await chat.say('要是他们是2020年认定的市级呢')).toMatch(/^不能。2020年认定/);
});

test('a lead-in before a sign-up, a colleague signed up by the company, and notices asked whether they can be subscribed', async () => {
  expect(await (await bot.chat()).say('請問一下，我們公司這邊想報名專精特新企業沙龍')).toMatch(/個人信息告知|个人信息告知/);
  expect(await (await bot.chat()).say('公司这边想给两位同事报名专精特新培训')).toMatch(/个人信息告知/);
  expect(await (await bot.chat()).say('园区的专精特新活动通知能订阅吗')).toMatch(/订阅/);
});
