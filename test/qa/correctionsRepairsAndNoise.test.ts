/**
 * A slip corrected inside the message ("深度诊断，啊不，是定向服务"), complaints that the last answer missed
 * ("你没回答我的问题，我问的是…"), asking for more ("展开说说", "具体点，怎么操作"), pings and courtesies around
 * the question ("有人吗，…", "冒昧打扰…不知是否方便告知：…"), e-mail addresses, dates and product numbers around it,
 * a way to be matched (牵线的渠道), how long something takes, and a tier named alone after a measure ("那二类呢").
 * Written for the tests, not taken from an evaluation set.
 */
import { parseYesNo } from '../../dialogs/subscription/subscribeDialog';
import { recognizer } from '../nlu/fixture';
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a slip corrected inside the message: what was taken back is not answered', async () => {
  const topic = await lastReply(DAY, '我们是做机器视觉的，想了解下深度诊断，啊不，是定向服务，具体都有啥？');
  expect(topic).toMatch(/^设立“专精特新”服务专窗/);
  expect(topic).not.toMatch(/专家队伍/);
  // (An honour level said again replaces the one taken back and keeps its year and its question.)
  expect(await lastReply(DAY, '省级加几分，哦不对，是市级')).toMatch(/^市级和区级[^\n]*加 ?1 ?分/);
  expect(await lastReply(DAY, '我们2026年评上了省级专精特新，啊不，我搞错了，是市级的，属于哪类')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '我们2021年评的省级，不对不对，那是集团母公司的，我们自己只是入库培育企业，算第几类')).toMatch(/三类/);
  expect(await lastReply(DAY, '定向服务，哦不，专家深度诊断要交钱不')).toMatch(/^[^\n]*免费开展诊断服务/);
  // ("对不对" asks whether a claim is right; a correction of an earlier message still corrects it.)
  expect(await lastReply(DAY, '专场招聘每年举办1~2场，对不对')).toMatch(/^对/);
});

test('a complaint that the answer missed: the question after it, of the same topic', async () => {
  expect(await lastReply(DAY, '上市培育有哪些服务', '你没回答我的问题，我问的是负责单位是谁')).toMatch(/^“上市培育”的责任单位：金融局/);
  expect(await lastReply(DAY, '服务专员电话多少', '你没回答我的问题，我要的是具体电话号码')).toMatch(/^抱歉，汇计划未列明联系电话/);
  expect(await lastReply(DAY, '深度诊断是什么', '不是这个意思，我问的是要不要钱')).toMatch(/^免费/);
});

test('asking for more of the last answer', async () => {
  expect(await lastReply(DAY, '标杆学习啥意思', '展开说说，举个例子')).toMatch(/现场看、标杆讲、企业问、专家评/);
  expect(await lastReply(DAY, '知识产权这块有啥支持', '具体点，怎么操作')).toMatch(/国家知识产权保护中心/);
  expect(await lastReply(DAY, '知识产权这块有啥支持', '能再详细点吗')).toMatch(/国家知识产权保护中心/);
});

test('pings and courtesies around the question are no part of it', async () => {
  expect(await lastReply(DAY, '有人在吗，我们是做工业传感器的小企业，2025年评上区级专精特新，想给园区里的大企业做配套供货，有没有牵线的渠道')).toMatch(/^面向重点产业链主企业/);
  expect(await lastReply(DAY, '在吗，我们做水处理设备，2025年进了市级专精特新名单，感觉在“专”和“新”上还有短板，园区有没有人能帮我们看看问题在哪')).toMatch(/诊断服务/);
  const ceremonious = await lastReply(DAY, '您好，冒昧打扰，百忙之中劳烦您，实在抱歉。敝司2019年获评国家级专精特新“小巨人”企业，此后没有新的认定。不知是否方便告知：今年的资源集约利用综合评价里，我们还能享受评级提升一级的支持吗？万分感谢。');
  expect(ceremonious).not.toMatch(/没有找到相关内容/);
  expect(ceremonious).toMatch(/近三年/);
  expect(await lastReply(DAY, '有人吗，推荐个园区附近好吃的火锅店')).toMatch(/^抱歉/);
});

test('how long something takes is not how often it is held', async () => {
  const both = await lastReply(DAY, '专家深度诊断一般需要几天？每家企业每年能申请几次？');
  expect(both).toMatch(/^抱歉，汇计划未列明办理的具体时限/);
  expect(both).toMatch(/未列明“深度诊断”举办频次/);
  expect(both).not.toMatch(/1~2场/);
});

test('a tier named alone after a measure stands for its honours or the pool', async () => {
  expect(await lastReply(DAY, '一类企业在资源集约利用评价里怎么加分', '那二类呢')).toMatch(/市级和区级[^\n]*加 ?1 ?分/);
  expect(await lastReply(DAY, '资源集约利用评价，市级的加几分', '那三类呢')).toMatch(/三类企业不在其列/);
  // (What a tier is, asked after a measure, is still the tier.)
  expect(await lastReply(DAY, '资源集约利用评价怎么加分', '二类是什么意思')).toMatch(/^二类为获得市级、区级/);
});

test('requests around e-mail addresses, dates, product numbers and courtesies', async () => {
  const r = await recognizer();
  for (const text of [
    'ops@silan-ic.cn 2026/12/06：想给HX-5100项目的同事报名专精特新定制化培训班 (training)',
    'HR@xinhang-ic.com | 2026/12/06：我们想报名专精特新专场招聘会 (job fair)，主要招RF/模拟IC工程师',
    '您好，冒昧打扰。敝司是一家做酱卤熟食的食品企业，想麻烦您帮我们报名参加“专精特新”企业沙龙，不胜感激。',
  ]) {
    expect([text, (await r.recognize(text)).intent]).toEqual([text, 'sign_up']);
  }
  // (A date of a recognition stays a fact.)
  expect((await r.recognize('我们2025/06/01认定的省级，属于哪一类')).entities.honourLevels).toEqual(['provincial']);
  expect(parseYesNo('那就劳烦您帮我们订阅一下，万分感谢！')).toBe('yes');
  expect(parseYesNo('我们是市级专精特新，深度诊断收费吗')).toBeUndefined();
});
