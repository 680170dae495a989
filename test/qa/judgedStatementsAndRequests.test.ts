/**
 * Statements asked to be judged (right or wrong first), requests among background and politeness, blanks
 * to fill, steps and their order, the doer asked with a word inside the cue, an aspect carried to a topic that
 * does not state it, the honours of one enterprise described clause by clause, and what a 汇 offers when
 * nothing of it applies yet. Written for the tests, not taken from an evaluation set.
 */
import pino from 'pino';
import { MemoryStorage, UserState } from 'botbuilder';
import { createAdvisor } from '../../src/advisor';
import { claimVerdict } from '../../src/answers/claims';
import { Database } from '../../src/storage/database';
import { recognizer } from '../nlu/fixture';
import { conversation, lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('a statement asked to be judged is said right or wrong first', async () => {
  expect(await lastReply(DAY, '帮忙判断一下：专精特新专场招聘一年办三到四场，对吗')).toMatch(/^不对。[^\n]*1~2场/);
  expect(await lastReply(DAY, '深度诊断要企业自己付费，这个说法对不对？')).toMatch(/^不对。[^\n]*免费/);
  expect(await lastReply(DAY, '我记得专场招聘是线上加线下一起搞的，对吧？')).toMatch(/^对。[^\n]*线上\+线下/);
  expect(await lastReply(DAY, '判断：市级专精特新企业属于一类培育对象。')).toMatch(/^不对。/);
  // (An answer opening with its own no needs no second verdict; one denying what the statement affirms is a no.)
  expect(await lastReply(DAY, '判断：2020年认定的省级专精特新，今年评价还可以加2分，对吗？')).toMatch(/^不能。/);
  expect(await lastReply(DAY, '判断：没入库、也没有荣誉的企业已经属于三类培育对象。')).toMatch(/^不对。/);
  // (Nothing comparable: the answer alone, no verdict made up.)
  expect(await lastReply(DAY, '标杆学习是组织企业对标学习，对吗')).not.toMatch(/^(对|不对)。/);
});

test('a verdict compares counts by their unit, levels by their own tier, and never guesses', () => {
  expect(claimVerdict('每年举办1~2场吗', '每年举办1~2场“专精特新”专场招聘活动。')).toBe('right');
  expect(claimVerdict('省级加3分吗', '省级“专精特新”企业加 2 分。')).toBe('wrong');
  const tierOf = (level: string) => (level === 'national' || level === 'provincial' ? 1 : 2);
  expect(claimVerdict('国家级的才是一类，省级的只算二类', '属于一类。', 1, tierOf)).toBe('wrong');
  expect(claimVerdict('企业沙龙由经发委牵头', '“企业沙龙”的责任单位：经发委、企服中心。')).toBeUndefined();
});

test('a blank to fill asks, and several statements are each judged', async () => {
  expect(await lastReply(DAY, '出题用：对符合条件的企业贷款给予___及贴息支持，空里填什么')).toMatch(/风险补偿/);
  const both = await lastReply(DAY, '两个说法：1. 专场招聘每年5~6场；2. 专场招聘采取线上+线下模式。分别对不对？');
  expect(both).toMatch(/^不对。[\s\S]*对。[^\n]*线上\+线下/);
});

test('a request stands among background, politeness and a check that it can be made', async () => {
  const r = await recognizer();
  for (const text of [
    '我们是做锂电隔膜的，最近在扩产，想报名参加一场企业沙龙，顺便认识下同行',
    '我们精密铸造厂想报名参加专精特新培训班',
    '冒昧打扰一下，不知道方不方便帮我们公司报个专场招聘会？',
    '专场招聘会现在还能报名吗？能的话帮我们报一下',
    '我想马上报名招聘会',
    '报名企业沙龙，报完我再看看都报了哪些',
  ]) {
    expect([text, r.recognizeSync(text).intent]).toEqual([text, 'sign_up']);
  }
  expect(r.recognizeSync('以后有专精特新的活动，方便的话第一时间推送给我们？我们想订阅一下').intent).toBe('subscribe');
  // (Wanting to take part and asking where notices are is a question; so is a request with a question of its own.)
  expect(r.recognizeSync('想参加活动的话，去哪里看活动通知？').intent).toBe('policy_question');
  expect(r.recognizeSync('我们想报名沙龙，请问沙龙收费吗？').intent).toBe('policy_question');
  // (The programme asked whether it has training, even where the words read like a calendar; a time asks what is on.)
  expect(r.recognizeSync('汇计划里有没有面向企业的培训安排').intent).toBe('policy_question');
  expect(r.recognizeSync('汇计划下个月有培训安排吗').intent).toBe('list_activities');
});

test('steps and their order name no topic; what still counts is asked of the last rule', async () => {
  const chat = await conversation(DAY);
  await chat('深度诊断第一步找谁？');
  expect((await chat('诊断搞完之后下一步呢，给我们出什么？')).text).toMatch(/建议/);
  expect(await lastReply(DAY, '资源集约利用评价怎么加分', '我们的市级是2020年认定的，今年还作数吗')).toMatch(/不在近三年内/);
});

test('a doer asked with a word inside the cue, and inside one message after a topic', async () => {
  expect(await lastReply(DAY, '人才对接一般是谁在牵头？')).toMatch(/^“人才对接”的责任单位：组织部/);
  expect(await lastReply(DAY, '请介绍一下标杆学习。具体由哪些单位负责实施？')).toMatch(/“标杆学习”的责任单位：经发委/);
  expect(await lastReply(DAY, '简单介绍一下配套合作')).toMatch(/^面向重点产业链主企业/);
});

test('an aspect carried to a topic that does not state it: said so, then what the topic is', async () => {
  const reply = await lastReply(DAY, '专场招聘要交钱吗', '那标杆学习呢');
  expect(reply).toMatch(/^抱歉，汇计划未列明“标杆学习”是否收费。[\s\S]*选树一批/);
});

test('one described enterprise told clause by clause keeps every honour told', async () => {
  expect(await lastReply(DAY, '有家企业2026年评上国家级小巨人，2018年还拿过省级专精特新，评价时怎么算？')).toMatch(/^可以，评级提升 1 级/);
});

test('a heard statement asked with a question mark, a question run on after a particle, a typo at a clause end', async () => {
  expect(await lastReply(DAY, '听说培育库企业也能参加人才政策宣讲？')).toMatch(/宣讲/);
  expect(await lastReply(DAY, '专场招聘一年办几场啊我们要怎么报名')).toMatch(/1~2场[\s\S]*线上\+线下/);
  expect(await lastReply(DAY, '企业沙笼怎么报铭')).toMatch(/线上\+线下/);
  // (A problem told with 几个 asks nothing.)
  const r = await recognizer();
  expect(r.recognizeSync('订单不太稳，生产上也有几个卡点。园区能帮忙推动解决吗？').frame?.clauses.filter((c) => c.kind === 'ask')).toHaveLength(1);
});

test('a 汇 with nothing usable yet says what its measures offer before why not', async () => {
  const db = await Database.open(':memory:');
  try {
    const advisor = createAdvisor({ db, userState: new UserState(new MemoryStorage()), logger: pino({ level: 'silent' }), now: () => new Date(DAY) });
    const profile = { honours: [], noHonour: true, inPool: true, updatedAt: DAY };
    const [reply] = await advisor.replies.hui('finance', profile, advisor.evaluate(profile, []));
    expect(reply.text).toMatch(/暂无可享受的措施[\s\S]*金融汇的措施：金融支持：政策性贷款/);
  } finally {
    await db.close();
  }
});

test('whether the list asked for holds a name: yes or no first, then the list', async () => {
  expect(await lastReply(DAY, '海外人才对接是怎么做的', '这项的责任单位里有没有人社局？')).toMatch(/^方案此处所列不包括人社局：“人才对接”的责任单位：组织部/);
  expect(await lastReply(DAY, '企业沙龙的牵头部门包括经发委吗')).toMatch(/^是的，经发委在其中。/);
});

test('a belief or a stated claim before "不知道对不对" is checked; a plan is no claim', async () => {
  const r = await recognizer();
  const asks = (text: string) => r.recognizeSync(text).frame?.clauses.filter((c) => c.kind === 'ask').map((c) => c.text);
  expect(asks('我的理解是：区级专精特新算二类，不知道对不对？')).toEqual(['区级专精特新算二类吗']);
  expect(asks('印象里省级加2分、市级加1分，对吧？')).toEqual(['省级加2分、市级加1分吗']);
  expect(await lastReply(DAY, '我们没有荣誉，也没入库。我理解的是我们自动就属于三类，不知道对不对？')).toMatch(/^不对。/);
  // ("明年打算冲国家级": 打算 is no claim to check.)
  expect(await lastReply(DAY, '我们明年打算冲国家级。有同行说市级的评价能加2分，这个说法靠谱吗？')).toMatch(/^不是加2分。/);
});

test('details a talent programme or an amount do not give; a certification question and what follows it', async () => {
  expect(await lastReply(DAY, '想报金鸡湖人才计划，入选条件是什么？')).toMatch(/^抱歉，汇计划未列明金鸡湖人才计划等人才项目的申报条件或评审标准/);
  expect(await lastReply(DAY, '金鸡湖人才计划的资助标准呢')).toMatch(/^抱歉，汇计划未列明/);
  expect(await lastReply(DAY, '我们的伺服电机要卖到海外，出口认证有哪些要求？FCC还是CE？')).toMatch(/^抱歉/);
});

test('a supposed honour with a condition met on the way, and a weak short question with its mark', async () => {
  expect(await lastReply(DAY, '我们2025年评上区级专精特新，属于几类？', '那要是明年新产线投产顺利、评上省级呢？')).toMatch(/一类/);
  expect(await lastReply(DAY, '海外人才对接是怎么安排的？', '那给我们市级专精特新企业也优先推荐吗？')).toMatch(/国家级、省级/);
});

test("a statement made of the policy's own phrases is right; one adding or denying something is not judged so", async () => {
  expect(await lastReply(DAY, '判断一下：“知识产权保护要协助企业对接国家知识产权保护中心，缩短知识产权申报周期。”对吗？')).toMatch(/^对。/);
  expect(await lastReply(DAY, '判断一下：“企业只能通过专家队伍申报知识产权。”对吗？')).not.toMatch(/^对。/);
  expect(await lastReply(DAY, '判断一下：“深度诊断由科创委牵头组织。”对吗？')).not.toMatch(/^对。/);
});

test('a check before the statement, a tier named as a subject, and a kind of something else is no tier', async () => {
  expect(await lastReply(DAY, '帮忙判断一下：我们2026年拿了省级专精特新，所以应该算二类培育对象。')).toMatch(/^不对。属于一类/);
  expect(await lastReply(DAY, '判断：二类培育对象就是获得省级荣誉的企业，对吗？')).toMatch(/二类为获得市级、区级/);
  expect(await lastReply(DAY, '我们是区级专精特新。园区鼓励哪类机构给专精特新企业提供工业设计服务？')).toMatch(/公共服务平台/);
});

test('not in the pool, however it is said; remarks in brackets; what was heard from other enterprises', async () => {
  expect(await lastReply(DAY, '我们没有专精特新荣誉，也还没进园区的那个培育库，现在算第几类？')).toMatch(/暂不属于汇计划的培育对象/);
  expect(await lastReply(DAY, '省级的评价加几分（财务在报年度综合评价）', '那国家级呢（我们集团母公司是小巨人）')).toMatch(/^国家级“专精特新”企业评级提升 1 级/);
  expect(await lastReply(DAY, '我们做泵阀（员工90人，外贸为主），2026年首次评上市级，听其他企业说首次认定有奖补，这个汇计划里怎么规定的？')).toMatch(/奖补/);
  // (A bracket with a short dated note stays with its honour.)
  const r = await recognizer();
  expect(r.recognizeSync('省级（2025年认定）呢？').frame?.clauses).toHaveLength(1);
});

test('something of the programme asked whether it is a scheme the programme does not name: no, then what it is', async () => {
  expect(await lastReply(DAY, '深度诊断是不是就是小升规辅导那个项目？')).toMatch(/^不是一回事，汇计划中没有“小升规辅导”的内容。[^\n]*专家/);
  // (Two things of the programme compared keep their own answer.)
  expect(await lastReply(DAY, '企业沙龙和标杆学习是一回事吗')).toMatch(/^不是一回事，方案中分属两项/);
});

test('buying advice and daily life are outside the programme', async () => {
  for (const text of ['车间想买几台数控机床，哪个牌子的好？', '周末请客户吃饭，园区哪家饭店好？']) expect(await lastReply(DAY, text)).toMatch(/^抱歉/);
});

test('why a rule is so: the rule, then that the policy gives no reason — unless the text says what it is for', async () => {
  expect(await lastReply(DAY, '凭什么区级专精特新在评价里只加1分？')).toMatch(/加 1 分[^\n]*方案未说明这样规定的原因。/);
  expect(await lastReply(DAY, '园区为啥要搞这个汇计划')).not.toMatch(/方案未说明这样规定的原因/);
});

test('a year supposed in a follow-up, said of ourselves, of them or of the company, asks the last rule again', async () => {
  const asked = '市级专精特新在资源集约利用评价里加几分？';
  for (const then of ['要是我们是2020年认定的，还能加吗？', '那如果他们是2019年认定的呢？', '如果本公司是2020年认定的，今年还能享受吗？']) {
    expect([then, await lastReply(DAY, asked, then)]).toEqual([then, expect.stringMatching(/^不能。20(?:19|20)年认定的(?:市级)?“专精特新”荣誉不在近三年内/)]);
  }
});
