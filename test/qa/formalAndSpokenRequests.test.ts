/**
 * Formal and spoken ways of asking: an English gloss in brackets, 服务 as a word of the question after a topic, a few of
 * our own clients told with 几, "麻烦告知" after the things wanted, bankers' short names (风险池) and products, requests in
 * official style (办理订阅, 获悉通知, 协助报名), "这项工作" after a topic in a follow-up, 几期, a purpose clause that names
 * arrangements, and a request said again and again in speech. Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('an English gloss in brackets says nothing more', async () => {
  expect(await lastReply(DAY, '专场招聘每年办几场', '那么其举办形式（format）为何？')).toMatch(/线上\+线下/);
  expect(await lastReply(DAY, '定向服务的服务对象（target）为何')).not.toMatch(/原因/);
});

test('服务 asked after a topic is that topic’s service, and 几 of our own clients is told, not asked', async () => {
  const reply = await lastReply(DAY, '我们有几家拟上市的会员企业，苗圃计划面向什么企业？包括哪些服务？');
  expect(reply).toMatch(/苗圃课程/);
  expect(reply).not.toMatch(/服务汇|没有相关内容/);
  expect(await lastReply(DAY, '汇计划有几个汇？其中服务汇有哪些措施？')).toMatch(/深度诊断/);
});

test('"麻烦告知" after the things wanted asks for each of them', async () => {
  expect(await lastReply(DAY, '写报告要引用，我需要汇计划的文号和发文单位，麻烦告知。')).toMatch(/苏园经〔2022〕11号[\s\S]*经济发展委员会|经济发展委员会[\s\S]*苏园经〔2022〕11号/);
});

test('a banker’s words: the risk pool and products for the enterprises', async () => {
  expect(await lastReply(DAY, '风险池归哪个部门')).toMatch(/金融局/);
  expect(await lastReply(DAY, '方案对银行推出专属金融产品有什么说法')).toMatch(/^将推出“专精特新”系列产品/);
});

test('requests in official style, and a question after "以后" that asks to be told', async () => {
  const recognizer = await createRecognizer();
  const intent = async (text: string) => (await recognizer.recognize(text)).intent;
  expect(await intent('如蒙同意，敬请为我司办理订阅。')).toBe('subscribe');
  expect(await intent('我司希望今后能及时获悉园区培训活动的通知')).toBe('subscribe');
  expect(await intent('烦请协助我司报名企业沙龙')).toBe('sign_up');
  expect(await intent('领导说以后一场活动都不能错过，请告诉我活动通知一般在哪里发布')).not.toBe('subscribe');
});

test('"这项工作" after a topic in a follow-up is the topic said again', async () => {
  expect(await lastReply(DAY, '上市培育由哪些单位负责', '那专场招聘这项工作呢')).toMatch(/^“专场招聘”的责任单位：人社局/);
});

test('how many sessions (几期) a year, which the policy does not say', async () => {
  expect(await lastReply(DAY, '企业沙龙每年具体举办几期？')).toMatch(/方案未规定(具体|固定)频次/);
});

test('a purpose clause naming arrangements is no request for the list', async () => {
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('为及时传达落实园区各项活动安排，请问活动通知一般通过哪些渠道发布？')).intent).not.toBe('list_activities');
  expect((await recognizer.recognize('看看最近的培训安排')).intent).toBe('list_activities');
});

test('a request said again and again in speech is one request', async () => {
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('嗯 那个 专精特新的企业沙龙 我们想报个名 报名 对报沙龙')).intent).toBe('sign_up');
  expect((await recognizer.recognize('那个专场招聘会 我们报一个')).intent).toBe('sign_up');
  expect((await recognizer.recognize('以后有啥活动 就是那个 推给我们 订一下')).intent).toBe('subscribe');
});

test('asked whether it can be pushed to us, "以后…能推送给我吗" subscribes', async () => {
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('以后有专精特新的活动通知，能推送给我吗')).intent).toBe('subscribe');
});
