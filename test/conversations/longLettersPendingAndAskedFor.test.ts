/**
 * Round 138 (from the tuned half of batch i3): a letter longer than what is analysed keeps its closing question and the
 * honours it tells; an honour "报上去了还在评审" is not held; an enterprise the user asks for ("帮我们一家供应商问一下：
 * 他们…") is the one a question by 他们 is of; "先介绍一下我司：2016年成立" parts at its colon; "专精特新沙拢" is 沙龙.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

const LETTER =
  '您好，我是园区一家做工业传感器的企业的副总，姓王。先介绍下我们的基本情况：公司2015年成立，现有员工260人左右，其中研发人员70多人，' +
  '去年营业收入大约4个亿，产品主要是压力传感器和温度变送器，客户覆盖国内主要的化工和能源企业，还出口到东南亚和中东的十几个国家。' +
  '荣誉方面，我们2021年拿到了区级专精特新，2024年又评上了市级专精特新。公司这两年一直在扩产，新厂房明年上半年投产，' +
  '到时候产能能翻一倍，另外我们也在跟几所高校谈联合实验室的事情，董事会计划2028年左右申报科创板。' +
  '财务和法务方面我们已经请了券商和律所做前期梳理，内部也成立了专门的上市工作小组，由我牵头，每两周开一次推进会。' +
  '销售这块今年新开了华南和西南两个办事处，海外也在筹建马来西亚的仓库，整体订单比去年同期增长了百分之三十左右。' +
  '想咨询一下：像我们这样准备上市的企业，园区在上市培育方面有哪些服务？';

test('a letter longer than what is analysed is answered by its closing question', async () => {
  expect([...LETTER].length).toBeGreaterThan(380);
  const reply = await (await bot.chat()).say(LETTER);
  expect(reply).toMatch(/苗圃计划/);
  expect(reply).not.toMatch(/没有找到相关内容|未列明/);
});

test('an honour sent up and still under review is not held', async () => {
  const reply = await (await bot.chat()).say('我们2024年评上了市级专精特新，省级的今年报上去了还在评审，结果还没出来。现在算哪一类？');
  expect(reply).toMatch(/属于二类/);
  expect(reply).not.toMatch(/属于一类/);
});

test('an enterprise asked for, then asked of by 他们, is the one judged', async () => {
  const reply = await (await bot.chat()).say(
    '我们公司2023年评上了市级专精特新。今天帮我们一个客户问一下：他们2020年成立，三十来人，没有任何专精特新荣誉，去年进了园区的培育库。请问他们算哪一类？',
  );
  expect(reply).toMatch(/属于三类/);
  expect(reply).not.toMatch(/属于二类/);
});

test('a lead-in before a colon and a year is no request of its own', async () => {
  const reply = await (await bot.chat()).say('先介绍一下我司：2018年成立，做医疗耗材，60人。荣誉方面：2025年获评区级专精特新，今年申报了省级，还在评审中。请问我们属于哪一类？');
  expect(reply).toMatch(/^属于二类/);
});

test('a salon misheard right after 专精特新 is the salon', async () => {
  const reply = await (await bot.chat()).say('砖精特新沙拢是干什么的');
  expect(reply).toMatch(/政企面对面/);
});
