/**
 * Suzhou (Wu) words, enterprises called by their own names, "the other one" in a follow-up, the part of a
 * measure only some honours get, a fact outside the programme before a bare question, hearsay checked,
 * money given as the award, where an enterprise with no honour starts, and requests made for someone.
 * Written for the tests, not taken from an evaluation set.
 */
import { recognizer } from '../nlu/fixture';
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('Wu words and dates asked by the day are read as plain Mandarin', async () => {
  const reply = await lastReply(DAY, '搿份文件是啥人发的？哪一日发的？');
  expect(reply).toMatch(/经发委|经济发展委员会/);
  expect(reply).toMatch(/2022年6月17日/);
  expect(await lastReply(DAY, '方案是哪年几月几日印发的')).toMatch(/^汇计划于2022年6月17日印发/);
  expect(await lastReply(DAY, '我伲有事体寻啥人？')).toMatch(/服务专窗|服务专员/);
  expect(await lastReply(DAY, '园区会有人定期上门来伐')).toMatch(/走访/);
});

test('enterprises called by their own names are answered one by one', async () => {
  const tiers = await lastReply(DAY, '我们这边两家企业：华科光电2025年评上省级专精特新，佳润环保2021年评的苏州市级专精特新，分别是几类？');
  expect(tiers).toMatch(/^华科光电：属于一类。\n佳润环保：属于二类。/);
  const points = await lastReply(DAY, '两家公司，瑞丰精密是2025年认定的国家级小巨人，新元电子是2026年认定的区级专精特新，资源集约利用评价各怎么加分');
  expect(points).toMatch(/^瑞丰精密：[^\n]*提升 ?1 ?级[^\n]*\n新元电子：[^\n]*加 ?1 ?分/);
  // (A brand word inside one enterprise's own story is no second enterprise.)
  expect(await lastReply(DAY, '我们做光电的，客户里有博远科技，我们2025年评上省级，算哪一类')).toMatch(/^属于一类/);
});

test('"the other one" in a follow-up only changes the enterprise asked about', async () => {
  expect(await lastReply(DAY, '辖区有家2025年认定的省级专精特新，资源集约利用评价加几分', '那另外一家2026年认定的区级呢')).toMatch(/^可以，加 1 分/);
});

test('the part of a measure only the preferred honours get is denied to the others', async () => {
  expect(await lastReply(DAY, '人才申报有什么支持', '我们是2026年认定的市级专精特新，能获得重点辅导吗')).toMatch(/^不能，“人才申报”的重点辅导面向国家级、省级企业/);
  // (The measure itself is open to them.)
  expect(await lastReply(DAY, '市级专精特新能参加人才政策宣讲吗')).toMatch(/^可以/);
});

test('a fact outside the programme before a bare question keeps the question outside', async () => {
  expect(await lastReply(DAY, '朋友开了家小吃店，想做个新店招，要找哪个部门审批')).toMatch(/^抱歉/);
  expect(await lastReply(DAY, '专利审批能加快吗')).toMatch(/知识产权/);
});

test('hearsay checked and money given are the first-time award', async () => {
  expect(await lastReply(DAY, '听人家讲头一次评上园区有奖补，是真的假的？')).toMatch(/首次认定[^\n]*奖补/);
  expect(await lastReply(DAY, '第一次评上省级给钱不')).toMatch(/奖补/);
  // (Money asked of a service is still its cost.)
  expect(await lastReply(DAY, '深度诊断要钱吗')).toMatch(/免费/);
});

test('an enterprise with no honour is told where it starts and what it would take', async () => {
  const reply = await lastReply(DAY, '我们刚成立，还没有任何荣誉，第一步该干啥？以后想升到二类需要什么？');
  expect(reply).toMatch(/入库培育/);
  expect(reply).toMatch(/二类为获得市级、区级/);
  // (With no honour and a plan, "这块有什么支持" asks what the measure offers.)
  expect(await lastReply(DAY, '我们还没有任何荣誉，最近想做数字化转型，汇计划里对这块有什么支持？')).toMatch(/智改数转/);
});

test('asked whom a part named is for, the part that says so answers', async () => {
  expect(await lastReply(DAY, '金鸡湖人才计划什么样的企业可以报')).toMatch(/^鼓励符合园区产业发展方向的企业/);
});

test('requests made for the enterprise or people described, and a subscription in everyday words', async () => {
  const r = await recognizer();
  expect((await r.recognize('辖区有家企业想参加专场招聘会，帮它报个名')).intent).toBe('sign_up');
  expect((await r.recognize('想给我们几个技术骨干报个专精特新培训班')).intent).toBe('sign_up');
  expect((await r.recognize('园区以后搞啥活动，一有消息就告诉阿拉')).intent).toBe('subscribe');
  expect((await r.recognize('侬帮阿拉订牢活动通知')).intent).toBe('subscribe');
  // (Asking about the training is no request.)
  expect((await r.recognize('想给技术骨干报个培训班，要收费吗')).intent).not.toBe('sign_up');
});

test('what the document does not state of itself is said so, with what it does state', async () => {
  expect(await lastReply(DAY, '这个方案的解释权归谁')).toMatch(/^方案未列明实施期限或有效期，也未写明由哪个部门负责解释/);
  expect(await lastReply(DAY, '汇计划执行到哪一年')).toMatch(/^方案未列明实施期限或有效期[^\n]*2022年6月17日/);
});

test('doubting and rhetorical questions are the questions they doubt', async () => {
  const r = await recognizer();
  expect(await r.recognize('难道三类企业就什么支持都没有吗')).toMatchObject({ intent: 'what_support', normalized: '三类企业有什么支持' });
  expect(await lastReply(DAY, '总不至于连培育库企业也能参加企业沙龙吧')).toMatch(/^可以参加，三类企业/);
  expect(await lastReply(DAY, '有人说深度诊断得企业自己出钱，真的假的')).toMatch(/^(?:不对。)?免费/);
  // (Asked whether one cannot take part, no sign-up is cancelled.)
  expect((await r.recognize('入库企业什么活动都参加不了吗')).intent).not.toBe('cancel_signup');
  expect((await r.recognize('临时有事参加不了，帮我取消')).intent).toBe('cancel_signup');
});

test('of topics named side by side, those joined are each answered; the need after them is no topic', async () => {
  const reply = await lastReply(DAY, '产业汇和金融汇哪个更适合我们这种差钱的企业');
  expect(reply).toMatch(/^产业汇[^\n]*\n依据[^\n]*\n金融汇/);
});

test('of two topics a question fits equally, the one the background named is meant', async () => {
  expect(await lastReply(DAY, '我们是省级专精特新，老板定了目标，三年内冲刺科创板。园区在上市这块具体能提供哪些服务？')).toMatch(/苗圃/);
});
