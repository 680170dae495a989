/**
 * Round 126: why another tier is not ours (为啥不是一类) is answered with what that tier is for; how long since the
 * document was issued is counted to today; hearsay relayed for someone else (她听人讲…) is background; 是那个部门 for
 * 哪个部门; pinyin candidates that are everyday words (生计专精特新, 而类, 资源平价, 家2分); 讲些什么; 那块; another
 * region's policy after 那边; "啥的" closing a list; what the zones do.
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('why another tier is not ours: what that tier is for', async () => {
  const reply = await lastReply(DAY, '我们是区级专精特新，为什么不算一类？');
  expect(reply).toMatch(/^属于二类/);
  expect(reply).toMatch(/一类为获得国家级、省级/);
});

test('how long since the document was issued, counted to today', async () => {
  expect(await lastReply(DAY, '方案是哪天印发的？到现在实施多久了？')).toMatch(/截至2026年12月7日已4年5个月/);
  expect(await lastReply('2027-07-01T02:00:00Z', '汇计划印发多久了')).toMatch(/截至2027年7月1日已5年/);
});

test('hearsay relayed for someone else is background to the question after it', async () => {
  const reply = await lastReply(DAY, '我外婆的厂今年第一次评上市级专精特新。她听人讲第一次评上有奖励，让我问问政策里是怎么说的');
  expect(reply).toMatch(/首次认定荣誉的企业在政策框架内给予奖补/);
});

test('是那个部门 asks which office', async () => {
  expect(await lastReply(DAY, '人才对接这块工作是那个部门负责的')).toMatch(/^“人才对接”的责任单位：组织部/);
});

test('pinyin candidates that are everyday words of their own', async () => {
  expect(await lastReply(DAY, '我们是生计专经特新 算一类还是而类')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '2022年拿的省级 今年资源平价还能家2分吗')).toMatch(/^不能/);
});

test('讲些什么, 那块, and the institution a measure connects to', async () => {
  expect(await lastReply(DAY, '培训辅导主要是讲些什么内容')).toMatch(/定制化培训班/);
  expect(await lastReply(DAY, '上市培育那块园区能帮啥忙')).toMatch(/苗圃计划/);
  expect(await lastReply(DAY, '知识产权保护能帮企业对接到哪个机构？')).toMatch(/国家知识产权保护中心/);
});

test('another region’s policy after 那边 is outside the assistant’s scope', async () => {
  expect(await lastReply(DAY, '深圳前海那边对新材料企业有什么专精特新补贴？')).toMatch(/^抱歉，我是汇计划政策助手/);
});

test('啥的 closing a list is no question of its own', async () => {
  const reply = await lastReply(DAY, '我们是市级专精特新。园区的活动，沙龙、培训啥的，我们老是错过。活动通知一般在哪发');
  expect(reply).toMatch(/^“专精特新”系列活动通知通过企服中心官网/);
});

test('what the zones do, asked by the cooperation zone', async () => {
  const reply = await lastReply(DAY, '我是苏相合作区的，按方案我们合作区这边具体要承担哪些工作？');
  expect(reply).toMatch(/服务专员/);
  expect(reply).toMatch(/传达至企业/);
});
