/**
 * Written for the tests (not taken from an evaluation set): a problem told before the question lends
 * its topic; a one-word question shares the background's measure; 董事会计划 is no 汇计划; the tier now
 * and the tier supposed; the tier and a measure asked side by side; which enterprises a quoted measure
 * is for; several enterprises asking what a measure gives each; the priorities a measure gives; what a
 * named measure gives, asked of no enterprise; a guess is no correction;
 * the year an enterprise joined the pool is no recognition; "还适用吗"; 原文里; two parts joined by 或者.
 */
import { conversation, lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const ask = (...turns: string[]) => lastReply('2026-12-05T02:00:00Z', ...turns);

test('a problem told before the question lends its topic', async () => {
  expect(await ask('我们的专利排队审批太久了，园区能帮什么忙')).toMatch(/知识产权/);
});

test('a one-word question shares the background’s measure', async () => {
  expect(await ask('我们2025年评上省级专精特新，老板打算明年冲科创板，可大家对上市流程一窍不通，园区有辅导吗')).toMatch(/苗圃计划/);
});

test('董事会计划 is no 汇计划', async () => {
  const r = await recognizer();
  expect(r.analyzer.analyze('董事会计划明年上市').clean).toBe('董事会计划明年上市');
});

test('the tier now and the tier supposed', async () => {
  expect(await ask('我们是区级专精特新，要是明年评上省级，培育类别会有什么变化')).toMatch(/^目前属于二类；如获评省级/);
});

test('the tier and a measure asked side by side, of an honour supposed', async () => {
  const reply = await ask('假如我们评上国家级，分类和资源集约利用评价分别会怎样');
  expect(reply).toMatch(/一类/);
  expect(reply).toMatch(/评级提升 1 级/);
});

test('which enterprises a quoted measure is for', async () => {
  expect(await ask('我们是做软件的，不是制造业。方案里转型升级那段说鼓励参与专项诊断，鼓励的是哪类企业？')).toMatch(/制造业“专精特新”企业/);
});

test('the priorities a measure gives', async () => {
  expect(await ask('人才对接能给国家级企业什么优先')).toMatch(/聘用意向书/);
});

test('what a named measure gives, asked of no enterprise', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('刚才提到的知识产权保护，企业能享受什么').intent).toBe('policy_question');
  expect(r.recognizeSync('为什么没有上市培育').intent).toBe('what_support');
});

test('support asked in general names no measure', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('我们能享受什么支持').namesTopic).toBe(false);
  expect(r.recognizeSync('我们能享受人才对接吗').namesTopic).toBe(true);
});

test('a guess is no correction', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('国家级加分应该是2分吧').entities.correction).toBeUndefined();
  expect(r.recognizeSync('不对，应该是省级').entities.correction).toBe(true);
});

test('the year an enterprise joined the pool is no recognition', async () => {
  const reply = await ask('我们没有任何专精特新荣誉，2025年进了培育库，资源集约利用评价能加分吗');
  expect(reply).not.toMatch(/^可以/);
  expect(reply).toMatch(/三类企业不在其列/);
});

test('our dated honour, then whether it still applies', async () => {
  expect(await ask('国家级企业评级提升1级是哪个评价的规定', '我们是2019年认定的国家级小巨人，还适用吗')).toMatch(/^不能/);
});

test('原文里 names the programme, and 几累 is 几类', async () => {
  expect(await ask('原文里第二类企业是怎么定义的')).toMatch(/二类为获得市级、区级/);
  expect(await ask('区级专精特新算几累')).toMatch(/^属于二类/);
});

test('two parts joined by 或者, and what the experts go by', async () => {
  const reply = await ask('有没有专门的服务窗口或者专人对接');
  expect(reply).toMatch(/服务专窗/);
  expect(reply).toMatch(/服务专员/);
  expect(await ask('深度诊断的专家根据什么提建议')).toMatch(/认定标准/);
});

test('a request after background only is the message’s request', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('我们是做生物医药的，想报名参加企业沙龙').intent).toBe('sign_up');
  expect(r.recognizeSync('我们公司招工程师太难了，报名专场招聘会').intent).toBe('sign_up');
  expect(r.recognizeSync('我们是市级专精特新，想参加企业沙龙，怎么报名').intent).not.toBe('sign_up');
});

test('a question pointing back at a policy outside the programme is answered honestly', async () => {
  expect(await ask('我们还想申请高新技术企业认定，那个政策有什么补贴？')).toMatch(/不在汇计划的范围内/);
  expect(await ask('我们在申请高新技术企业，汇计划的深度诊断收费吗')).toMatch(/^免费/);
});

test('IME homophones of the levels', async () => {
  expect(await ask('曲级专精特新算几类')).toMatch(/^属于二类/);
});

test('a question several answers already answered is not suggested', async () => {
  const chat = await conversation('2026-12-05T02:00:00Z');
  const reply = await chat('深度诊断要不要钱？主要从哪些方面给建议？');
  expect(reply.suggestions).not.toContain('深度诊断收费吗');
});

test('what a tier cannot enjoy is named', async () => {
  expect(await ask('只入了培育库的企业，资源集约利用评价能加分吗')).toMatch(/暂不能享受此项（[^）]*提档加分）/);
});

test('the sections of 组织实施 and 保障措施, and the previous question’s honour carried', async () => {
  const sections = await ask('组织实施部分有几条？保障措施又有几条？');
  expect(sections).toMatch(/组织实施共三条/);
  expect(sections).toMatch(/保障措施共三条/);
  const carried = await ask('市级专精特新算第几类？在资源集约利用评价里能加几分？');
  expect(carried).toMatch(/二类/);
  expect(carried).toMatch(/市级和区级“专精特新”企业加 1 分/);
});

test('a way to do what the background wants, asked as 对接渠道', async () => {
  expect(await ask('我们想给链主企业做配套，汇计划里有没有什么对接渠道？')).toMatch(/揭榜|园易链/);
});

test('support asked after a tier question is the advisor’s, not the tier’s', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('请直接告诉我属于哪一类、能享受哪些支持').frame!.questions.map((q) => q.intent)).toEqual(['which_tier', 'what_support']);
});
