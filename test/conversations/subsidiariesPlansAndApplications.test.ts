/**
 * Round 138b (from the tuned half of batch i3): a sign-up made for a subsidiary does not take the writer's own company
 * introduced before it; "有上市打算，计划2028年前后申报创业板" answers whether we plan to list; "国家级小巨人是今年申报的，
 * 还没公示" in a correction is not held; a subsidiary told to be in the pool is a cultivation target, so a job fair is
 * judged for it.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a sign-up for a subsidiary asks for the subsidiary\'s name', async () => {
  const chat = await bot.chat();
  await chat.say('你好，我是苏州恒远精工科技有限公司的行政主管。我们旗下有一家做模具的子公司也想招人，我想帮子公司报名专场招聘。');
  const next = await chat.say('同意');
  expect(next).toMatch(/请输入企业名称/);
});

test('a plan to list told with a board and a year answers the advisor\'s question', async () => {
  const chat = await bot.chat();
  await chat.say('我们2025年评上了市级专精特新，能享受哪些支持？');
  let reply = await chat.say('是工业制造企业');
  for (let i = 0; i < 3 && !/上市计划/.test(reply); i++) reply = await chat.say('暂时不清楚');
  expect(reply).toMatch(/上市计划/);
  const after = await chat.say('有上市打算，计划2029年前后申报北交所');
  expect(after).not.toMatch(/没有理解您的回答/);
});

test('an honour said in a correction to be only applied for this year is not held', async () => {
  const chat = await bot.chat();
  await chat.say('我们去年评上了国家级专精特新小巨人，属于哪一类？资源集约利用评价能加几分？');
  const corrected = await chat.say('不对，我说错了，去年评上的是省级专精特新，国家级小巨人是今年申报的，还没公示。');
  expect(corrected).toMatch(/加 2 分/);
  expect(corrected).not.toMatch(/提升 1 级/);
});

test('a subsidiary told to be in the pool may attend the job fair', async () => {
  const reply = await (await bot.chat()).say('先问一下：子公司目前还没有专精特新荣誉，不过已经进了园区培育库，这种也能参加专场招聘吗？');
  expect(reply).toMatch(/可以参加|可以参加“专场招聘”|对象之内/);
  expect(reply).not.toMatch(/集团下属企业/);
});

test('a subsidiary asking whether it can get into the pool is still told what the policy leaves open', async () => {
  const reply = await (await bot.chat()).say('我们是集团在园区的全资子公司，子公司本身100人，集团有上万人，还没有专精特新荣誉，我们这种能进培育库吗？');
  expect(reply).toMatch(/未(说明|列明|明确)/);
});
