/**
 * Round 136b (from the tuned half of batch g3: ga3, gb3, ge3, gf3, gg3): a head count explained in a sentence ("2个人，不好意思
 * 刚才我差点说成3个，确认过了是2个", "1个 就我自己") is the count it settles on; a sentence typed at the name prompt ("线上能报名不
 * 还是只能线下跑一趟") is no name — the question is served and the name asked again; requests said barely or passed on
 * ("报个名，…培训班，我们2个人", "想报下一期…沙龙", "领导让我顺便帮我们子公司也报一下企业沙龙") sign up, and "人事让我帮忙报名
 * …，想问下怎么报名" is offered the form; a sentence at the company-name prompt is no name.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

const FILLED = ['同意', '苏州澄远精工科技有限公司', '91320594MA1P3D7K17', '周婷', '13962588041'];

test('a head count explained in a sentence is the count it settles on', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名企业沙龙', ...FILLED);
  const counted = await chat.say('2个人，不好意思刚才我差点说成3个，确认过了是2个');
  expect(counted).toMatch(/请核对报名信息/);
  expect(counted).toMatch(/参会人数：2/);

  const alone = await bot.chat();
  await alone.sayAll('报名企业沙龙', ...FILLED);
  expect(await alone.say('1个 就我自己')).toMatch(/参会人数：1/);
});

test('a sentence at the name prompt is served as a question, and the name is asked again', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名企业沙龙', '同意', '苏州澄远精工科技有限公司', '91320594MA1P3D7K17');
  const served = await chat.say('线上能报名不 还是只能线下跑一趟');
  expect(served).toMatch(/联系人姓名/);
  expect(served).not.toMatch(/请输入手机号/);
  expect(await chat.say('周婷')).toMatch(/手机号/);
});

test.each([
  ['报个名，专精特新定制化培训班，我们2个人', '培训辅导'],
  ['想报下一期专精特新企业沙龙', '企业沙龙'],
  ['您好，领导让我顺便帮我们子公司也报一下企业沙龙，子公司是苏州禾安精密制造有限公司', '企业沙龙'],
])('"%s" signs up', async (request, kind) => {
  expect(await (await bot.chat()).say(request)).toMatch(new RegExp(`为您报名「[^」]+」（${kind}`));
});

test('asked by someone else to sign up, and how: the form is offered', async () => {
  const chat = await bot.chat();
  expect(await chat.say('您好～我们人事让我帮忙报名专精特新专场招聘会，想问下怎么报名呀')).toMatch(/需要现在为您报名吗/);
  expect(await chat.say('是')).toMatch(/为您报名「[^」]+」（专场招聘/);
});

test('the cost of the next session asked is a question, not a sign-up', async () => {
  expect(await (await bot.chat()).say('想报下一期培训要多少钱')).not.toMatch(/为您报名/);
});

test('a sentence at the company-name prompt is not taken as the name', async () => {
  const chat = await bot.chat();
  await chat.sayAll('报名企业沙龙', '同意');
  expect(await chat.say('2个人，不好意思刚才我差点说成3个')).toMatch(/不像企业名称/);
  expect(await chat.say('苏州澄远精工科技有限公司。')).toMatch(/信用代码/);
});
