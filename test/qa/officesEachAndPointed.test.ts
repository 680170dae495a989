/**
 * The office asked for after the topic ("对口部门是哪个"), a measure's units asked as a follow-up, each measure a
 * frame lists asked twice over (各自…分别…), an honour newly won supposed in a follow-up, "现在还有吗", the thing just
 * talked about pointed at and compared with another, a 汇 typed with its words turned round, whoever speaks for the
 * enterprise before 帮/替, a writing task, "请告诉我：" before the questions, tiers to label for each enterprise, and
 * a correction opened by "不对不对"/"打错了". Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';

const DAY = '2026-12-06T02:00:00Z';

test('the office asked for after the topic', async () => {
  expect(await lastReply(DAY, '深度诊断具体做什么，对口部门是哪个')).toMatch(/责任单位：/);
  expect(await lastReply(DAY, '上市培育的归口单位是哪家')).toMatch(/^“上市培育”的责任单位：金融局/);
  expect(await lastReply(DAY, '知识产权保护具体哪个处室对接')).toMatch(/^“知识产权保护”的责任单位：科创委/);
});

test('the lead office asked after a measure is that measure’s, and of the programme when nothing came before', async () => {
  expect(await lastReply(DAY, '企业沙龙是怎么开展的', '牵头部门是哪个')).toMatch(/^“企业沙龙”的责任单位/);
  expect(await lastReply(DAY, '牵头部门是哪个')).toMatch(/经发委牵头/);
});

test('each measure a 汇 lists, asked twice over', async () => {
  const reply = await lastReply(DAY, '人才汇下面有人才申报和专场招聘两项，各自主要讲什么？负责单位分别有哪些？');
  expect(reply).toMatch(/人才申报[\s\S]*专场招聘[\s\S]*“人才申报”的责任单位[\s\S]*“专场招聘”的责任单位/);
});

test('an honour newly won, supposed in a follow-up, and whether an old one still counts', async () => {
  expect(await lastReply(DAY, '资源集约利用评价怎么给专精特新加分', '那要是今年刚认定的省级专精特新呢')).toMatch(/省级“专精特新”企业加 ?2 ?分/);
  expect(await lastReply(DAY, '资源集约利用评价怎么给专精特新加分', '那2020年认定的国家级现在还有吗')).toMatch(/^不能/);
});

test('the thing just talked about, pointed at and compared with another', async () => {
  const doc = await lastReply(DAY, '汇计划哪天印发的？它和瞪羚计划是一回事吗？');
  expect(doc).toMatch(/2022年6月17日[\s\S]*不是一回事[^。]*瞪羚计划[\s\S]*汇计划是/);
  expect(await lastReply(DAY, '企业沙龙一般聊什么', '它跟商会年会是一回事吗')).toMatch(/^不是一回事[^。]*商会年会[\s\S]*企业沙龙/);
  expect(await lastReply(DAY, '汇计划和高新技术企业认定之间有啥差别')).toMatch(/^不是一回事[^。]*高新技术企业认定/);
});

test('a 汇 typed with its words turned round', async () => {
  expect(await lastReply(DAY, '汇才这边能不能帮我们软件公司招几个人')).toMatch(/^人才汇[\s\S]*专场招聘/);
});

test('whoever speaks for the enterprise before 帮 or 替 still signs it up', async () => {
  const { createRecognizer } = await import('../../src/nlu');
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('我们商会替会员单位报名专场招聘会')).intent).toBe('sign_up');
  expect((await recognizer.recognize('协会秘书处帮会员企业报个培训班')).intent).toBe('sign_up');
  expect((await recognizer.recognize('会帮我们报名吗')).intent).not.toBe('sign_up');
});

test('a writing task of anything but the programme is declined', async () => {
  expect(await lastReply(DAY, '麻烦给我们商会起草一份年会邀请函')).toMatch(/^抱歉/);
});

test('"请告诉我：" before the questions asks nothing of its own', async () => {
  const reply = await lastReply(DAY, '周报要写，请告诉我：汇计划文号是多少？哪天印发？');
  expect(reply).toMatch(/苏园经〔2022〕11号[\s\S]*2022年6月17日/);
  expect(reply).not.toMatch(/订阅|请告诉我|没有相关内容/);
});

test('tiers to label for each enterprise described', async () => {
  expect(await lastReply(DAY, 'A厂：2026年获评省级专精特新；B厂：在培育库里，没有称号。请分别标注汇计划类别')).toMatch(/A厂：属于一类[\s\S]*B厂：属于三类/);
  expect(await lastReply(DAY, '甲厂，2025年评的市级；乙厂，2021年评的国家级小巨人。麻烦分别标注一下培育类别')).toMatch(/甲厂：属于二类[\s\S]*乙厂：属于一类/);
});

test('a correction opened by 不对不对 or 打错了', async () => {
  expect(await lastReply(DAY, '我们是区级专精特新，2025年评的', '不对不对，是国家级的')).toMatch(/^属于一类/);
  expect(await lastReply(DAY, '我们是区级专精特新，2025年评的', '啊我打错了 是省级的')).toMatch(/^属于一类/);
});
