/**
 * Written for the tests (not taken from an evaluation set): "第二个…" alone picks from the last list;
 * a bare detail the policy never gives follows the last topic; "在哪报名" of an activity is how to join it;
 * "各由…" asks each topic named before it; standards the policy names but never gives are unlisted.
 */
import { conversation } from './conversation';

test('"第三个具体怎么弄" picks the third measure the last answer listed, with its aspect', async () => {
  const ask = await conversation();
  await ask('服务汇有哪些措施');
  const reply = await ask('第三个具体怎么弄');
  expect(reply.text).toMatch(/定向服务|服务专窗|帮代办/);
  expect(reply.text).not.toMatch(/^抱歉，这个问题在汇计划政策中没有找到/);
});

test('a bare detail the policy never gives ("电话多少") follows the last topic; alone it asks to say more', async () => {
  const ask = await conversation();
  await ask('知识产权保护中心是干嘛的');
  expect((await ask('电话多少')).text).toMatch(/^抱歉，汇计划未列明联系电话/);
  expect((await (await conversation())('电话多少')).text).toMatch(/请把问题说完整/);
  // a way of asking an amount names no detail
  expect((await (await conversation())('你今年多大了')).text).not.toMatch(/未列明/);
});

test('"X在哪报名" of an activity is how to join it, not an unlisted application system', async () => {
  const reply = await (await conversation())('企业沙龙去哪里报名');
  expect(reply.text).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
  // an application (申报) still gets the honest unlisted answer
  expect((await (await conversation())('金鸡湖人才计划在哪里申报')).text).toMatch(/^抱歉，汇计划未列明“金鸡湖人才计划”的申报或填报所用的系统/);
});

test('"A和B 各由哪个单位负责" answers the units of each', async () => {
  const reply = await (await conversation())('人才对接和专场招聘 各由哪些部门负责');
  expect(reply.text).toMatch(/“人才对接”的责任单位/);
  expect(reply.text).toMatch(/“专场招聘”的责任单位/);
});

test('the recognition standards the policy names but never gives are unlisted', async () => {
  expect((await (await conversation())('省级专精特新的认定标准有哪些')).text).toMatch(/^抱歉，汇计划未列明各级“专精特新”荣誉的认定条件/);
  // 深度诊断 itself is still described
  expect((await (await conversation())('深度诊断是什么')).text).toMatch(/专家/);
});

test('after the 文号, "它是哪天印发的" asks the date and "牵头单位呢" the programme\'s lead unit', async () => {
  const ask = await conversation();
  await ask('这个方案的发文字号是多少');
  expect((await ask('它是什么时候印发的')).text).toMatch(/2022年6月17日/);
  expect((await ask('那牵头单位呢')).text).toMatch(/经发委牵头/);
});

test('a year written with two digits in a follow-up is reasoned on like a full one', async () => {
  const ask = await conversation();
  await ask('市级专精特新在资源集约利用评价中加几分');
  expect((await ask('那20年评的市级呢')).text).toMatch(/^不能。2020年认定的市级/);
});

test('"谁办的" asks who runs it; "能带几个人" is a count the policy never gives', async () => {
  const ask = await conversation();
  expect((await ask('企业沙龙是谁办的')).text).toMatch(/^“企业沙龙”的责任单位/);
  expect((await ask('我能带几个人去')).text).toMatch(/^抱歉，汇计划未列明具体的企业数量、人员或名单/);
});

test('"不知道X" told before a question is its background; two answers of one item are said once', async () => {
  const reply = await (await conversation())('我们想给大企业做配套 但不知道人家需要什么 有没有渠道看到链主企业的需求');
  expect(reply.text.match(/征集技术和产品需求/g)).toHaveLength(1);
  // alone it still asks
  expect((await (await conversation())('不知道培训辅导收不收费')).text).toMatch(/培训/);
});

test('a guess after the question ("…是哪个部门派的 是经发委吗") is no question of its own; a colleague\'s words are background', async () => {
  const reply = await (await conversation())('同事说园区会给我们安排一个服务专员 但我不知道是哪个部门派的 是企服中心吗');
  expect(reply.text).toMatch(/功能区|苏相合作区/);
  expect(reply.text).not.toMatch(/^汇计划由/);
});

test('"这块" points at the last topic; a 汇 is answered with its measures\' units', async () => {
  const ask = await conversation();
  await ask('人才汇有哪些措施');
  expect((await ask('这块是哪些部门负责的')).text).toMatch(/^“人才汇”的责任单位：.*人社局/);
});

test('what the policy is quoted as saying is background; the window of 近三年 is told from today', async () => {
  const reply = await (await conversation('2026-12-04T02:00:00Z'))('方案里说的近三年内认定 资源集约利用评价 具体哪一年以后认定的才算');
  expect(reply.text).toMatch(/2024—2026年/);
});

test('a document named alone, then its attribute ("小巨人三年行动计划 文号？"), asks that document', async () => {
  expect((await (await conversation())('小巨人三年行动计划 发文字号？')).text).toMatch(/苏园管〔2021〕60号/);
  expect((await (await conversation())('汇计划 谁挑头搞的？')).text).toMatch(/经发委牵头/);
});

test('English ways of asking mixed in are read', async () => {
  expect((await (await conversation())('how many 专精特新 job fairs per year?')).text).toMatch(/1~2场/);
  expect((await (await conversation())('知识产权保护 who is responsible')).text).toMatch(/责任单位/);
});

test('"对接的是哪个机构" asks for the institution, not the responsible units', async () => {
  expect((await (await conversation())('知识产权申报协助对接的是哪个机构')).text).toMatch(/^园区协助企业对接国家知识产权保护中心/);
});

test('"是哪个部门负责的" after a question is a question of its own, not a guess', async () => {
  const reply = await (await conversation())('知识产权这块能提供什么帮助，是哪个部门负责的');
  expect(reply.text).toMatch(/保护中心/);
  expect(reply.text).toMatch(/责任单位：科创委/);
});

test('"还没评过专精特新" tells there is no honour (the honour named without 荣誉)', async () => {
  const reply = await (await conversation())('我们公司还没评过专精特新，也不知道有没有入库，算哪一类');
  expect(reply.text).toMatch(/入库培育后属于三类/);
});
