/**
 * Business jargon around the programme's words (抓手, 赋能, 链接 a resource, 落地), tiers asked as 归类, 汇
 * the programme does not have and its own name misremembered, what is being done now lending its topic
 * ("我们在推智改数转，园区有什么支持"), points heard from others ("刚听同事说…能加2分，今年还能加吗"),
 * an honour reached in other verbs (升成), and requests: a push switched on, a sign-up by the
 * enterprise's own name, a sign-up no longer wanted.
 * Written for the tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('jargon: 抓手 is a measure, 赋能 support, 链接 a resource is 对接 it, 落地 is carrying out', async () => {
  expect(await lastReply(DAY, 'IPO赋能抓手？')).toMatch(/苗圃/);
  expect(await lastReply(DAY, '上市这块园区怎么赋能')).toMatch(/苗圃/);
  // (A link to a resource is no web address the policy would have to give.)
  const finance = await lastReply(DAY, '园区在金融这块有什么抓手可以链接？');
  expect(finance).toMatch(/金融/);
  expect(finance).not.toMatch(/网址/);
  expect(await lastReply(DAY, '首次认定的真金白银怎么落地')).toMatch(/奖补/);
});

test('a tier asked as 归类', async () => {
  expect(await lastReply(DAY, '我们2025年评上省级专精特新，在汇计划里怎么归类？')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '2026年评的区级专精特新归哪类')).toMatch(/^属于二类/);
  // (How the tiers are divided is still asked as such.)
  expect(await lastReply(DAY, '培育对象是怎么划分的')).toMatch(/^培育对象分为三类/);
});

test('a 汇 the programme does not have is said so; the programme misnamed is the programme', async () => {
  expect(await lastReply(DAY, '市场汇是干嘛的？')).toMatch(/^汇计划中没有“市场汇”[^\n]*产业汇、金融汇、人才汇、服务汇、技术汇/);
  const two = await lastReply(DAY, '数据汇和技术汇分别是干嘛的？');
  expect(two).toMatch(/^汇计划中没有“数据汇”/);
  expect(two).toMatch(/知识产权保护/);
  // (Words ending in 汇 that name no 汇, and the 汇 misremembered that the programme reads as one it has.)
  expect(await lastReply(DAY, '企业所得税汇算清缴截止是几号')).not.toMatch(/汇计划中没有/);
  expect(await lastReply(DAY, '汇计划有几个汇')).toMatch(/^共五个汇/);
  expect(await lastReply(DAY, '资金汇里有哪些措施')).toMatch(/^金融汇/);
  expect(await lastReply(DAY, '汇聚计划是什么')).toMatch(/^汇计划是/);
  expect(await lastReply(DAY, '专精特新汇是干啥的')).toMatch(/^汇计划是/);
});

test('what the enterprise is doing now lends its topic to "有什么支持"', async () => {
  expect(await lastReply(DAY, '我们在推车间的智改数转，园区有什么支持？')).toMatch(/^支持企业进行智改数转/);
  const both = await lastReply(DAY, '我们在推仓储的节能改造，园区有什么支持？另外能不能推荐我们去给链主当配套商？');
  expect(both).toMatch(/^支持企业进行智改数转和节能改造/);
  expect(both).toMatch(/配套商/);
});

test('points heard from others name the bonus; the year told decides it', async () => {
  expect(await lastReply(DAY, '同事说省级能加两分，我们是2019年的省级，现在还能加吗')).toMatch(/^不能。2019年认定的省级/);
  expect(await lastReply(DAY, '我们做智能装备，2020年就评上了省级专精特新。刚听同事说资源集约利用评价省级能加2分，今年我们还能加吗？')).toMatch(/^不能。2020年认定的省级/);
});

test('an honour reached in other verbs, in a follow-up', async () => {
  expect(await lastReply(DAY, '我们2025年认定的区级专精特新，资源集约利用评价能加几分', '那如果明年升成国家级小巨人呢')).toMatch(/^国家级[^\n]*提升 ?1 ?级/);
});

test('requests: a push switched on, a sign-up by the enterprise’s own name, one no longer wanted', async () => {
  const r = await recognizer();
  for (const text of ['帮我开通一下消息推送', '以后有沙龙和培训的话，给我们推送一下，别让我们错过', '园区后续有专精特新的沙龙、培训、招聘会，帮我开通一下消息推送']) {
    expect([text, (await r.recognize(text)).intent]).toEqual([text, 'subscribe']);
  }
  expect((await r.recognize('开通消息推送怎么弄？')).intent).not.toBe('subscribe');
  expect((await r.recognize('你好，恒川材料想报名专场招聘会，我们要招两个工艺工程师')).intent).toBe('sign_up');
  for (const text of ['我们不想报名沙龙了', '我们公司不想参加培训了']) {
    expect([text, (await r.recognize(text)).intent]).toEqual([text, 'cancel_signup']);
  }
  expect((await r.recognize('我们厂也想报名沙龙')).intent).toBe('sign_up');
});
