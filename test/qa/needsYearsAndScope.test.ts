/**
 * Written for the tests (not taken from an evaluation set): a pronoun subject ("它们…能") asks of the
 * background; levels asked "各…" are each answered; thousands of staff are a large enterprise; a 是…吗
 * after a 什么 question asks on; everyday words for the service window; measures asked in the plural
 * after several needs; a year supposed in other words ("要是认定时间是…呢").
 */
import { conversation } from './conversation';
import { splitClauses } from '../../src/nlu/clauses';

test('"它们…能提供什么" asks of what the background clause named', async () => {
  const reply = await (await conversation())('听说园区认定了一批公共服务平台，它们通常能为企业提供什么服务');
  expect(reply.text).toMatch(/^[^。]*(技术创新|数字赋能|公共服务平台)/);
});

test('levels asked side by side with 各 are each answered', async () => {
  const reply = await (await conversation())('国家级、省级、市级专精特新在资源集约利用评价里各得到什么');
  expect(reply.text).toMatch(/提升\s*1\s*级/);
  expect(reply.text).toMatch(/省级[^。]{0,12}加\s*2\s*分/);
  expect(reply.text).toMatch(/市级[^。]{0,12}加\s*1\s*分/);
});

test('thousands of staff make a large enterprise: the programme\'s scope', async () => {
  const reply = await (await conversation())('我们集团有5000余人，能进汇计划的培育库吗');
  expect(reply.text).toMatch(/大型企业不属于培育对象/);
});

test('a 是…吗 after a 什么 question asks on', () => {
  expect(splitClauses('企业沙龙主要聊什么，是按行业分批开的吗').map((c) => c.kind)).toEqual(['ask', 'ask']);
  // (after 哪个 or 谁 it is the asker's own guess)
  expect(splitClauses('沙龙是哪个部门办的，是经发委吗').map((c) => c.kind)).toEqual(['ask', 'context']);
});

test('a clause opened by 公司 and what it did or has is a fact about our own enterprise', () => {
  const [first] = splitClauses('公司上周刚落户园区，还没有荣誉，能参加什么活动');
  expect(first).toMatchObject({ kind: 'fact', firstPerson: true });
  expect(splitClauses('公司怎么入库')[0].firstPerson).toBe(false);
});

test('everyday words for the service window: 办事, 便利', async () => {
  const reply = await (await conversation())('材料总是来回补 汇计划在政务办事方面对企业有啥便利');
  expect(reply.text).toMatch(/帮代办/);
});

test('measures asked in the plural after two needs: one answer each', async () => {
  const reply = await (await conversation())('我们想打进大厂的供应链，另外也想和高校搞联合研发。汇计划里哪些举措能帮到我们');
  expect(reply.text).toMatch(/揭榜|配套/);
  expect(reply.text).toMatch(/产学研/);
});

test('a year supposed in other words is the last question asked again with it', async () => {
  const chat = await conversation('2026-12-05T02:00:00Z');
  await chat('我们是2024年认定的国家级专精特新');
  await chat('资源集约利用评价能得到什么');
  const reply = await chat('那如果认定年份改成2021年呢');
  expect(reply.text).toMatch(/不在近三年内|不再享受/);
});

test('formal "X为何" asks what X is', async () => {
  const reply = await (await conversation())('请问“知识产权保护”一项的支持内容为何');
  expect(reply.text).toMatch(/^[^。]*知识产权/);
});

test('a measure named leads its unit\'s item, whatever else the question says', async () => {
  const reply = await (await conversation())('上市培育这块排在第一位的责任单位是谁');
  expect(reply.text).toMatch(/“上市培育”的责任单位：金融局/);
});

test('where the enterprise was before is a fact about it, not another region\'s policy asked', async () => {
  const reply = await (await conversation())('我们2024年在杭州时拿的省级专精特新，今年迁到园区了。现在属于哪一类？资源集约利用评价能加分吗？');
  expect(reply.text).toMatch(/一类/);
  expect(reply.text).toMatch(/加\s*2\s*分/);
});

test('这一项 and 他们 point at what was just named', async () => {
  const chat = await conversation();
  await chat('专场招聘是干什么的');
  expect((await chat('这一项由哪些单位负责')).text).toMatch(/“专场招聘”的责任单位/);
  const again = await conversation();
  await again('服务专员是谁明确的');
  expect((await again('他们一般都做些什么')).text).toMatch(/走访/);
});

test('a question outside the programme borrows no topic from its background', async () => {
  const reply = await (await conversation())('刚入职园区的一家企业，请问园区哪家医院看病方便');
  expect(reply.kind).toBe('fallback');
});

test('a weakly matched aspect question in the last topic\'s own words is of it', async () => {
  const chat = await conversation();
  await chat('苗圃计划具体是什么');
  expect((await chat('哪些企业会被优先推荐过去参加呀')).text).toMatch(/拟上市/);
});

test('an honour supposed for next year asks the last question again with it', async () => {
  const chat = await conversation();
  await chat('我们是2025年认定的市级专精特新，属于哪一类');
  expect((await chat('要是后年拿到国家级呢')).text).toMatch(/^属于一类/);
});

test('人才项目申报 is the talent application measure', async () => {
  const reply = await (await conversation())('国家级专精特新在人才项目申报方面有啥特别支持吗');
  expect(reply.text).toMatch(/金鸡湖人才计划/);
});
