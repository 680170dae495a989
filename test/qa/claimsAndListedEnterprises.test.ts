/**
 * Written for the tests (not taken from an evaluation set): a claim someone reported is checked, not
 * taken as our honour; a value claimed is answered with what the policy says; a revoked honour and a
 * move out of the park are details the policy does not give; spoken openings and Suzhou 阿 + verb;
 * each question of a message asked of its own honour; enterprises listed as 甲/乙/丙; a described
 * honour is the next question's subject; misremembered 汇 names; the document's parts and measures;
 * 几家 as "a few"; "这类企业" is the class just answered; "这个措施" is no typo of 各措施; "请简要介绍…" asks; finding what falls short is diagnosing.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const ask = (...turns: string[]) => lastReply('2026-12-05T02:00:00Z', ...turns);

test('a comparison inside a reported claim is no honour of ours', async () => {
  const reply = await ask('我们2024年获评区级专精特新。老板听人说区级也算一类，能跟省级一样享受重点辅导。我们到底算哪一类？');
  expect(reply).toMatch(/^属于二类/);
});

test('claims checked with 对吗: each claim is a question, answered for our honour', async () => {
  const reply = await ask('我们2025年拿了市级专精特新，朋友说市级和国家级一样，都是一类、评价都能提升1级，对吗？');
  expect(reply).toMatch(/不属于同一类/);
  expect(reply).toMatch(/属于二类/);
  expect(reply).toMatch(/加 1 分/);
});

test('a sum claimed is no fact: the amount is not given, and what the policy says follows', async () => {
  const reply = await ask('有人说园区对首次认定的企业一次性奖励30万，是真的吗？');
  expect(reply).toMatch(/未列明具体的金额/);
  expect(reply).toMatch(/方案的表述是：.*首次认定荣誉的企业/);
  expect(reply).not.toMatch(/^可以/);
});

test('an amount asked of a measure the policy says is free: free', async () => {
  expect(await ask('深度诊断听说要好几万？')).toMatch(/免费/);
});

test('a revoked honour: what then is not in the policy, and it is not held', async () => {
  const reply = await ask('我们省级专精特新去年复核没通过被取消了，还能继续按一类享受服务吗？');
  expect(reply).toMatch(/未列明荣誉被撤销、复核未通过或过期后的处理/);
  expect(reply).not.toMatch(/属于一类/);
});

test('a move out of the park: what happens to support given is not in the policy', async () => {
  expect(await ask('明年公司准备搬出园区，搬走以后之前的评价加分还作数吗？')).toMatch(/未列明企业迁出园区后/);
});

test('spoken openings and Suzhou 阿 + verb are read as the question', async () => {
  expect(await ask('嗯那个，就是我们2024年评上省级专精特新了，阿算一类？')).toMatch(/^属于一类/);
  expect(await ask('伲入库培育企业，评价阿有加分？')).toMatch(/不在其列/);
});

test('each question of a message asks of the honour it names', async () => {
  const reply = await ask('① 2024年认定的省级专精特新评价加几分？② 2025年认定的区级呢？');
  expect(reply).toMatch(/加 2 分：2024年认定的省级/);
  expect(reply).toMatch(/加 1 分：2025年认定的区级/);
});

test('enterprises listed as 甲、乙: each is answered', async () => {
  const reply = await ask('我们下面有两家厂：甲做注塑，2024年市级专精特新；乙做模具，2025年国家级专精特新。它们资源集约利用评价分别怎么加分？');
  expect(reply).toMatch(/甲：可以，加 1 分/);
  expect(reply).toMatch(/乙：可以，评级提升 1 级/);
});

// (Guards the per-question honours above: the honour asked before must not carry over a described one.)
test('an honour described before a question is its subject, not the honour asked before', async () => {
  const reply = await ask('两个问题：1. 国家级专精特新算哪一类？2. 2024年认定的区级专精特新，评价加几分？');
  expect(reply).toMatch(/加 1 分/);
  expect(reply).not.toMatch(/评级提升 1 级：2024/);
});

test('a misremembered 汇 name is read as the one meant', async () => {
  expect(await ask('科技汇里有哪些措施？')).toMatch(/^技术汇/);
  expect(await ask('资金汇包括什么')).toMatch(/^金融汇/);
});

test('the document’s parts and its measures counted', async () => {
  expect(await ask('方案分为几个部分？')).toMatch(/四个部分：一、总体要求；二、主要工作；三、组织实施；四、保障措施/);
  expect(await ask('汇计划一共有多少项措施？')).toMatch(/十六项措施/);
  expect(await ask('汇计划有几个汇')).toMatch(/^共五个汇/);
});

test('几家 after a verb of reaching is "a few": the way asked is answered', async () => {
  const reply = await ask('我们想打进园区几家链主大厂的供应链，汇计划里有什么渠道？');
  expect(reply).toMatch(/揭榜|园易链/);
  expect(reply).not.toMatch(/未列明具体的企业数量/);
});

test('"这类企业" is the class just answered', async () => {
  expect(await ask('三类是什么企业', '这类企业能参加企业沙龙吗？')).toMatch(/^可以(?:参加)?，三类企业/);
});

test('the date of an activity asked after its measure is not the document’s date', async () => {
  const reply = await ask('专场招聘什么时候开？几月几号？');
  expect(reply).toMatch(/未列明活动的具体举办日期/);
  expect(reply).not.toMatch(/2022年6月17日/);
  expect(await ask('汇计划是几月几号印发的')).toMatch(/2022年6月17日/);
});

test('who issued it, then its date, in one message: each answered', async () => {
  const reply = await ask('哪个部门印发的？印发日期是哪天？');
  expect(reply).toMatch(/经济发展委员会/);
  expect(reply).toMatch(/2022年6月17日/);
});

test('a person whose job is to keep in touch is the 服务专员, not the units responsible', async () => {
  expect(await ask('有没有固定的人负责跟我们联系？')).toMatch(/服务专员/);
});

test('what the programme has is a policy question, not the activity list', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('汇计划有培训吗').intent).toBe('policy_question');
  expect(r.recognizeSync('最近有培训吗').intent).toBe('list_activities');
});

test('"这个措施" is this measure (no typo of 各措施), and a request to introduce a measure is asked', async () => {
  expect(await ask('请简要介绍“金融支持”措施的主要内容。', '这个措施的责任单位是哪些？')).toMatch(/^“金融支持”的责任单位：金融局/);
});

test('asked whether a measure’s audience includes whom it does include: yes, first', async () => {
  expect(await ask('专场招聘的服务对象是否包括培育库企业？')).toMatch(/^包括。“专场招聘”面向“专精特新”企业及培育库企业/);
  expect(await ask('人才对接的对象是否包括区级企业')).not.toMatch(/^包括/);
});

test('finding what falls short is diagnosing, also after a tier question in unpunctuated text', async () => {
  expect(await ask('我们去年评上区级专精特新，想请专家帮忙看看企业差在哪里，收费吗')).toMatch(/免费/);
  const reply = await ask('我们2025年拿了区级专精特新 算哪一类 有没有人能帮我们瞅瞅还差点什么');
  expect(reply).toMatch(/二类/);
  expect(reply).toMatch(/诊断/);
});

test('Cantonese and Taiwan words, and support asked in second-language grammar', async () => {
  expect(await ask('我哋公司係市級專精特新，屬於邊一類？')).toMatch(/^属于二类/);
  expect(await ask('貴公司行號如果係省級專精特新，資源集約利用評價點計？')).toMatch(/加 2 分/);
  const r = await recognizer();
  expect(r.recognizeSync('我們的公司是2025年省级的专精特新了，可以参加什么的支持吗？').intent).toBe('what_support');
  expect(r.analyzer.analyze('我們是軟體公司，可以申請什麼補助').clean).toMatch(/软件公司.*补贴/);
});

test('到底 and 究竟 only stress a question', async () => {
  expect(await ask('汇计划到底面向什么企业？')).toMatch(/中小企业/);
  expect(await ask('专场招聘究竟一年办几场')).toMatch(/1~2场/);
});

test('two honours, each with its year: the one in the window decides, the other is said not to count', async () => {
  const reply = await ask('我们有2019年认定的国家级和2025年认定的市级专精特新，评价能加几分？');
  expect(reply).toMatch(/加 1 分：2025年认定的市级/);
  expect(reply).toMatch(/2019年认定的国家级“专精特新”荣誉不在近三年内/);
});

test('"区级的一样吗" after a question of 市级 asks the same of 区级', async () => {
  expect(await ask('市级专精特新在资源集约利用评价里加几分？', '区级的也一样吗？')).toMatch(/区级“专精特新”企业加 1 分/);
});

test('"请告诉我：" before questions only announces them; "像我们这样的，" leads into the question', async () => {
  const reply = await ask('请告诉我：专场招聘一年几场？是线上还是线下？');
  expect(reply).toMatch(/1~2场/);
  expect(reply).toMatch(/线上\+线下/);
  const r = await recognizer();
  expect(r.recognizeSync('我们2025年评上市级专精特新。想问下像我们这样的，算哪一类？评价能加分不？').frame!.questions.map((q) => q.candidates[0]?.id)).toEqual(['tiers.classification', 'svc.resource-evaluation']);
});

test('a part that says who does it answers who', async () => {
  expect(await ask('以后谁负责定期上门走访企业？')).toMatch(/^服务专员定期联系走访/);
  expect(await ask('服务专窗是谁建立的')).toMatch(/服务专窗由企服中心建立/);
  expect(await ask('定向服务谁负责')).toMatch(/^“定向服务”的责任单位/);
});

test('the grades of the evaluation itself are not in the policy', async () => {
  expect(await ask('资源集约利用评价A类B类怎么划分？')).toMatch(/未列明资源集约利用综合评价本身/);
});

test('Cantonese 嗰個 and 包啲咩 point back and ask', async () => {
  expect(await ask('準備上市嘅專精特新企業有咩培育？', '嗰個計劃包啲咩服務？')).toMatch(/苗圃课程/);
});
