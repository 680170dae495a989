/**
 * Round 135 (from batch e3's tuned half and the tuned pool): "暂时没计划" and "暂时还没定" answer the advisor's yes/no
 * questions (a no of now; not decided yet is not known) instead of being asked again and again; support asked after
 * needs told ("想引进海外人才，也有融资需求") says first what meets them; a correction said by voice ("不对不对我记错了是二四年评的
 * 勿是一九年") answers the question again with the year it gives; "我们想去招几个工程师" after how to sign up for the job
 * fair is the wish to take part, and the form is offered.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"暂时没计划" is a no to the IPO question; "暂时还没定" leaves it not known', async () => {
  const chat = await bot.chat();
  const first = await chat.say('我们是做工业视觉检测设备的工厂，2025年评上的省级专精特新，90个人，想多招几个算法工程师，我们有哪些支持');
  expect(first).toMatch(/是否有上市计划/);
  const no = await chat.say('暂时没计划');
  expect(no).toMatch(/可享受以下/);
  expect(no).toMatch(/暂无上市计划/);
  expect(no).not.toMatch(/没有理解/);
  const other = await bot.chat();
  await other.say('我们是做工业视觉检测设备的工厂，2025年评上的省级专精特新，90个人，想多招几个算法工程师，我们有哪些支持');
  const open = await other.say('还在考虑');
  expect(open).toMatch(/可享受以下/);
  expect(open).toMatch(/上市培育[^\n]*如贵企业拟上市/);
});

test('support asked after needs told says first what meets them', async () => {
  const chat = await bot.chat();
  expect(await chat.say('我们2024年拿的国家级专精特新小巨人，做工业机器人的工厂，500人，想引进海外人才，也有融资需求，请问算几类，能享受哪些支持？')).toMatch(/是否有上市计划/);
  const reply = await chat.say('否');
  expect(reply).toMatch(/针对您提到的需求：人才对接：有意向回国的海外人才[^\n]*；金融支持：/);
});

test('a correction said by voice answers the question again with its year', async () => {
  const chat = await bot.chat();
  expect(await chat.say('伲厂是一九年评的市级专精特新今年资源集约评价还好加分伐')).toMatch(/^不能。2019年/);
  const again = await chat.say('不对不对我记错了是二四年评的 勿是一九年');
  expect(again).toMatch(/已更正/);
  expect(again).toMatch(/可以，加 1 分：2024年认定的市级/);
});

test('wanting to go to the job fair, asked how to sign up: the form is offered', async () => {
  const chat = await bot.chat();
  const answer = await chat.say('专精特新专场招聘会怎么报名 我们想去招几个质量工程师');
  expect(answer).toMatch(/需要现在为您报名吗/);
  expect(await chat.say('是')).toMatch(/为您报名「[^」]+」（专场招聘/);
});
