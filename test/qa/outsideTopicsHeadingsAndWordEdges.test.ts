/**
 * Round 125: a question about a topic the programme does not cover at all is said to be outside it; document attributes
 * asked one after another without punctuation (哪个部门发的什么时候发的文号是多少); an announced part headed by a colon;
 * a request to explain what follows a colon; a word straddling two words (半导体检测) is no request and no synonym;
 * 人才项目 of our own staff is 人才申报, of people from abroad 人才对接; a honour applied for and failed is not held; items
 * numbered "1）分公司…"; a question word before an aspect noun (贴息要什么条件).
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-07T02:00:00Z';

test('a topic outside the programme is said to be outside it, not misread', async () => {
  const reply = await lastReply(DAY, '汇计划对研发人员的个人所得税有没有优惠？');
  expect(reply).toMatch(/^抱歉，这个问题不在汇计划的范围内/);
  expect(reply).not.toMatch(/没有找到相关内容|换个问法/);
  expect(await lastReply(DAY, '公司明年年会想在园区办，有合适的场地推荐吗')).toMatch(/^抱歉，这个问题不在汇计划的范围内/);
  // (一年会办几场 holds no 年会.)
  expect(await lastReply(DAY, '园区专精特新专场招聘一年会办几场')).toMatch(/1~2场/);
});

test('document attributes asked one after another without punctuation are each answered', async () => {
  const reply = await lastReply(DAY, '汇计划是哪个部门发的什么时候发的文号是多少');
  expect(reply).toMatch(/经发委/);
  expect(reply).toMatch(/2022年6月17日/);
  expect(reply).toMatch(/11号/);
});

test('a part announced before a colon heads the questions after it', async () => {
  const reply = await lastReply(DAY, '想了解下人才这块：金鸡湖人才计划一般几月申报？');
  expect(reply).toMatch(/^抱歉，汇计划未列明“金鸡湖人才计划”的具体申报时间/);
  expect(reply).not.toMatch(/包括人才对接、人才申报、专场招聘三项措施/);
});

test('a request to explain before a colon asks what follows it', async () => {
  const reply = await lastReply(DAY, '我在写公众号稿子，采访了一家打算上市的企业，2025年评上了省级专精特新。想请你给读者解释一下：这家企业属于哪一类？');
  expect(reply).toMatch(/^属于一类/);
  expect(reply).not.toMatch(/苗圃/);
});

test('a word straddling two words is neither a request nor a synonym', async () => {
  const reply = await lastReply(DAY, '我们孵化器里的B公司是做半导体检测设备的，2024年拿了省级专精特新，今年资源集约利用评价能加几分？');
  expect(reply).toMatch(/^可以，加 2 分/);
  expect(reply).not.toMatch(/诊断|没有相关内容/);
});

test('人才项目 of our own staff is 人才申报; of experts from abroad, 人才对接', async () => {
  expect(await lastReply(DAY, '我们的研发总监想申报人才项目，园区有什么支持？')).toMatch(/金鸡湖人才计划/);
  const abroad = await lastReply(DAY, '团队里有两位想从海外回来的专家，我们是省级专精特新。海外人才能优先推荐给我们吗？还能帮他们申报人才项目吗？');
  expect(abroad).toMatch(/优先推荐申报国家级、省级人才项目/);
  expect(abroad).not.toMatch(/金鸡湖/);
});

test('an honour applied for and failed is not held', async () => {
  const reply = await lastReply(DAY, '标的企业2025年获评市级专精特新，省级今年报了但没过，按汇计划属于哪一类？');
  expect(reply).toMatch(/属于二类/);
  expect(reply).not.toMatch(/属于一类/);
});

test('items numbered with a closing bracket are each asked, whatever word follows the number', async () => {
  const reply = await lastReply(DAY, '我们打算在园区设分公司。1）分公司能单独认定专精特新吗 2）活动通知去哪里看');
  expect(reply).toMatch(/^抱歉，汇计划未列明集团下属企业（子公司、分公司）/);
  expect(reply).toMatch(/经济大脑/);
});

test('the aspect noun a question word asks wins over the topic word', async () => {
  expect(await lastReply(DAY, '贴息要什么条件？')).toMatch(/未列明具体条件/);
});

test('the conditions of an honour itself are not given by the programme', async () => {
  expect(await lastReply(DAY, '园区区级专精特新需要什么条件')).toMatch(/^抱歉，汇计划未列明各级“专精特新”荣誉的认定条件/);
});

test('a time before a supposed honour keeps it supposed', async () => {
  const reply = await lastReply(DAY, '搬到园区以后要是评上区级专精特新，是几类');
  expect(reply).toMatch(/二类/);
  expect(reply).not.toMatch(/请问贵企业获得过哪一级/);
});

test('an enterprise with not a single honour is of the third class once in the pool', async () => {
  expect(await lastReply(DAY, '一点荣誉都没有的中小企业，算几类')).toMatch(/三类/);
});
