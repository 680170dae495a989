/**
 * Everyday words typed in pinyin letters beside domain words, pointing back at the last answer by who said it
 * ("你刚才提到的…"), a tier aimed at (what it takes to reach it), honours supposed question by question or not
 * obtained, and what a measure just asked about gives (the advisor's side: test/conversations/supposedAndOthers).
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('everyday words typed in letters are read as the words the knowledge uses; English words stay', async () => {
  const r = await createRecognizer();
  expect((await r.recognize('知识产权保护有哪些zhichi')).normalized).toContain('支持');
  expect((await r.recognize('huodong tongzhi 在哪看')).normalized).toContain('活动通知');
  expect((await r.recognize('xiang dingyue huodong tongzhi')).intent).toBe('subscribe');
  expect((await r.recognize('我们的 demo 做好了')).normalized).toContain('demo');
  expect(await lastReply(DAY, 'shangshi peiyu 有啥 zhichi')).toMatch(/苗圃计划/);
});

test('pointing back at the last answer by who said it', async () => {
  expect(await lastReply(DAY, '人才对接是怎么回事', '你刚才提到的意向书，是谁签的')).toMatch(/聘用意向书/);
  expect(await lastReply(DAY, '知识产权保护有什么支持', '前面说的那个中心是哪个')).toMatch(/国家知识产权保护中心/);
});

test('a tier aimed at: what it takes, beside the tier held; a tier asked of is still a verdict', async () => {
  expect(await lastReply(DAY, '我们在培育库里，算几类？想升到二类需要什么条件？')).toMatch(/^属于三类[\s\S]*二类为获得市级、区级/);
  expect(await lastReply(DAY, '我们是区级专精特新，这样算二类还是会升到一类？')).toMatch(/^属于二类/);
  expect(await lastReply(DAY, '培育库企业算几类', '升到二类需要什么', '那再往上升到一类呢')).toMatch(/国家级、省级/);
});

test('an honour supposed in one question only, and one not obtained', async () => {
  expect(await lastReply(DAY, '我们是入库企业，现在算几类？拿到市级以后算几类？')).toMatch(/^属于三类[\s\S]*属于二类/);
  expect(await lastReply(DAY, '我们在培育库，2026年申报市级没评上，算几类')).toMatch(/^属于三类/);
});

test('what a measure just asked about gives, not what we may get', async () => {
  const reply = await lastReply(DAY, '上市培育是面向哪些企业的？能享受什么服务？');
  expect(reply).toMatch(/苗圃课程/);
  expect(reply).not.toMatch(/获得过哪一级/);
});

test('the name of a thing the last answer mentions, asked by pointing at it', async () => {
  expect(await lastReply(DAY, '知识产权保护方面能帮企业做什么', '这个中心叫什么名字')).toMatch(/^[^\n]*国家知识产权保护中心/);
  expect(await lastReply(DAY, '深度诊断是什么服务', '这个方案全称是什么')).toMatch(/苏园经〔2022〕11号/);
});

test('who designs the courses is who delivers them, not the responsible units', async () => {
  expect(await lastReply(DAY, '培训辅导的课程由谁来设计')).toMatch(/培训机构/);
});

test('a verb before a pronoun is no misheard end of a domain word', async () => {
  const r = await createRecognizer();
  const read = await r.recognize('那个培训帮我报一下');
  expect(read.normalized).toContain('培训帮我');
  expect(read.intent).toBe('sign_up');
});

test('how much of a subsidy of a kind the policy does not name: it does not give the sum', async () => {
  expect(await lastReply(DAY, '实习生园区给多少实习补贴')).toMatch(/^抱歉，汇计划未列明具体的金额/);
});

test('typed word by word, a bare question word asks of the short words beside it', async () => {
  expect(await lastReply(DAY, '方案 是哪天 出台的')).toMatch(/^汇计划于2022年6月17日印发/);
});

test('what taking part in the topic just talked about brings; asking to say it another way asks nothing', async () => {
  expect(await lastReply(DAY, '标杆学习怎么搞', '换种说法，咱们参加了能学到什么')).toMatch(/现场看、标杆讲/);
});

test('a higher honour to apply for is the honours the park recommends for', async () => {
  expect(await lastReply(DAY, '哪些企业会被推荐去申报更高一级的荣誉')).toMatch(/优先推荐园区本级专精特新企业/);
});

test('the year the programme was issued, asked as 哪年', async () => {
  expect(await lastReply(DAY, '汇计划是哪年印发的')).toMatch(/^汇计划于2022年6月17日印发/);
});

test("another region's policy told as the background of a question about the park: the park's part is answered", async () => {
  expect(await lastReply(DAY, '杭州那边有专精特新贷，园区这边有没有类似的贷款支持')).toMatch(/专精特新贷/);
  expect(await lastReply(DAY, '杭州的专精特新政策有哪些')).toMatch(/^抱歉，我是汇计划政策助手/);
});

test('things listed in the background, pointed at as "这三块": each is answered', async () => {
  const reply = await lastReply(DAY, '别的园区给企业的服务有诊断、培训、融资三块，咱们园区这三块分别怎么做');
  expect(reply).toMatch(/诊断服务[\s\S]*培训班[\s\S]*金融汇/);
});

test('office hours and working out an investment return: not given, and not served', async () => {
  expect(await lastReply(DAY, '企服中心周六开门吗')).toMatch(/^抱歉，汇计划未列明窗口或服务机构的办公时间/);
  expect(await lastReply(DAY, '给我们算一下这笔投资的回报率，投500万三年翻倍')).toMatch(/^抱歉，我是汇计划政策助手/);
});

test('a guess tagged 对吧 after a question asks nothing and lends nothing; a claim tagged after a comma is asked', async () => {
  const reply = await lastReply(DAY, '企业沙龙由哪些单位负责啊，经发委对吧？一般怎么开？');
  expect(reply).toMatch(/“企业沙龙”的责任单位/);
  expect(reply).not.toMatch(/经发委是以下措施的责任单位之一/);
  expect(await lastReply(DAY, '标杆学习是怎么组织的', '那我们市级专精特新的也能参加，对吧？')).not.toMatch(/没有找到相关内容/);
});

test('"我理解得对不对：" before a claim is no question of its own', async () => {
  const reply = await lastReply(DAY, '我们2021年评的省级专精特新。我理解得对不对：今年资源集约利用评价还能加2分吧？');
  expect(reply).toMatch(/^不能/);
  expect(reply).not.toMatch(/我理解得对不对/);
});

test('no figure for how long, but the policy\'s words on what was asked about', async () => {
  expect(await lastReply(DAY, '人才对接怎么搞', '入选人才回国以后要等多久才能入职')).toMatch(/方案的表述是：入选人才回国后可直接入职/);
});

test('two things named, then which of them: both are answered', async () => {
  const reply = await lastReply(DAY, '标杆学习和深度诊断，哪个是免费的');
  expect(reply).toMatch(/免费[\s\S]*标杆|标杆[\s\S]*免费/);
});

test('which 汇 has the most measures: counted from the knowledge', async () => {
  const reply = await lastReply(DAY, '措施最少的是哪个汇');
  expect(reply).toMatch(/^措施最多的是服务汇，最少的是金融汇/);
  expect(reply).toMatch(/金融汇2项（金融支持、上市培育）/);
});
