/**
 * Support asked through Direct Line with the whole product, of an enterprise the user asks for and calls 他们 after
 * its facts, and of an honour only supposed ("假如评上国家级小巨人"): the advisor answers for those facts, or for the
 * tier of the supposed honour — never "nothing" for an honour not yet held. Written for the tests.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('an enterprise asked on behalf of: its facts are kept, and 他们 asks what it may get', async () => {
  const chat = await bot.chat();
  const first = await chat.say('帮一家客户企业问问：他们2025年评上区级专精特新，做精密模具的');
  expect(first).not.toMatch(/没有找到相关内容/);
  expect(await chat.say('我的企业信息')).toMatch(/区级（2025年认定）/);
  const reply = await chat.say('那他们可以享受哪些支持？');
  // (The honour told is used: only what is still missing is asked.)
  expect(reply).toMatch(/贵企业属于二类。已可享受：[^\n]*企业沙龙/);
  expect(reply).not.toContain('获得过哪一级');
  expect(reply).not.toMatch(/不确定您指的是哪项内容/);
});

test('an honour supposed before a support question: the support of its tier', async () => {
  const chat = await bot.chat();
  const reply = await chat.say('假如评上国家级小巨人，能享受哪些支持');
  expect(reply).toMatch(/^一类企业（获得国家级、省级“专精特新”荣誉的企业）可享受/);
  expect(reply).not.toMatch(/暂无可/);
  const chat2 = await bot.chat();
  const talent = await chat2.say('要是我们评上省级，人才方面能享受什么？');
  expect(talent).toMatch(/^【人才汇】一类企业/);
  expect(talent).not.toContain('请问贵企业获得过哪一级');
});
