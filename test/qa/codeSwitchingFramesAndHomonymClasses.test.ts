/**
 * Round 123: a half-width full stop before a space ends a clause, and English words typed among Chinese (policy,
 * services, money, number); tiers compared by their numerals; a class of another system written with the tiers'
 * numerals (二类医疗器械注册证) is unrelated; "依据“汇计划”，…" frames the
 * question; hearsay told by whom (老板听说…); a bare 为啥 after a question asks nothing of its own; 提级; 何人 and an
 * office named as one of two options (抑或政府工作人员); the tier asked after an honour outside the programme; 服务
 * asked in general after another enterprise's plan; 渠道 as a means. Written for the tests, not taken from an
 * evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a half-width full stop before a space ends a clause; English words among Chinese', async () => {
  expect(await lastReply(DAY, '我们2024年拿过区级的. 这个policy里申报项目有辅导吗?')).toMatch(/申报辅导/);
  expect(await lastReply(DAY, '定向服务是啥', '具体有哪些services')).toMatch(/服务专员/);
  expect(await lastReply(DAY, '首次认定的奖补能给多少money? 有没有具体number')).toMatch(/未列明/);
});

test('tiers compared by their numerals', async () => {
  const reply = await lastReply(DAY, '一类企业跟三类企业的区别在哪');
  expect(reply).toMatch(/^一类为获得国家级、省级/);
  expect(reply).toMatch(/三类为其他优质中小企业/);
  expect(reply).not.toMatch(/属于三类/);
});

test('a class of another system written with the tiers’ numerals is unrelated', async () => {
  expect(await lastReply(DAY, '我们是区级专精特新，属于几类？这跟我们的三类医疗器械注册证有关系吗')).toMatch(/没有关系。汇计划的一类、二类、三类/);
});

test('"依据“汇计划”，…" frames the question; hearsay told by whom', async () => {
  expect(await lastReply(DAY, '依据“汇计划”，本公司能否借助园区引进一位想回国的海外博士？')).toMatch(/人才对接|海外人才/);
  expect(await lastReply(DAY, '我们老总听说首次认定园区有奖励，想确认一下是不是真的有？')).toMatch(/奖补/);
});

test('a bare 为啥 after a question asks nothing of its own', async () => {
  const reply = await lastReply(DAY, '市级的能算一类不？为啥');
  expect(reply).toMatch(/^不是一类/);
  expect(reply).not.toMatch(/汇计划旨在/);
});

test('提级 is the rating raised', async () => {
  expect(await lastReply(DAY, '2021年评的国家级小巨人，今年评价还能提级不')).toMatch(/^不能/);
});

test('who does it, asked formally, with an office as one of two options', async () => {
  const reply = await lastReply(DAY, '深度诊断由何人实施，第三方机构抑或政府工作人员？');
  expect(reply).not.toMatch(/转接/);
  expect(reply).toMatch(/专家/);
});

test('the tier asked after an honour outside the programme', async () => {
  expect(await lastReply(DAY, '我的一位客户（2018年成立）系国家高新技术企业，也是瞪羚企业，从未获得专精特新荣誉，目前已入库培育。请问：该企业属于哪一类？')).toMatch(/^属于三类/);
});

test('服务 asked in general after another enterprise’s plan is of that plan', async () => {
  expect(await lastReply(DAY, '我们协会有家会员打算上市，汇计划能提供哪些服务？')).toMatch(/苗圃/);
});

test('渠道 as a means names no notice channel', async () => {
  expect(await lastReply(DAY, '园区对专精特新企业在招聘人才方面，是否有专门的活动或渠道？')).toMatch(/^根据“专精特新”企业及培育库企业需求/);
});
