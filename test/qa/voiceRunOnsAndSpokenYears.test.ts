/**
 * Round 135 (from the tuned pool — batch c3's voice-dictating foreman — and batch e3's tuned half): voice input
 * without punctuation. A year said by its last two digits ("二二年评的", "零九年成立") is that year; not knowing
 * ("勿晓得") opens the question after a plan; questions run on end where what they ask is complete ("算第几类…能加几分…
 * 哪个部门负责的"); "换几台" and "把几个班组长" tell of a few, they do not ask how many; a part of a measure found only
 * inside the measure's own name ("专家" of 专家诊断) yields to the part the question asks; a bare "有没有" after a plan
 * asks of the plan; a need for staff told of a time to come ("明年想招几个技术员") names the job fair, not the 技术汇 its
 * word recalls; "自我介绍下" says nothing; "招平" is 招聘 (front and back nasals alike).
 * Written for the tests, not taken from an evaluation set.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const DAY = '2026-12-07T02:00:00Z';

test('a year said by its last two digits is that year', async () => {
  const r = await recognizer();
  const honours = async (text: string) => (await r.recognize(text)).frame!.facts!.update.honours;
  expect(await honours('伲厂二三年评的省级专精特新')).toEqual([{ level: 'provincial', year: 2023 }]);
  // (The year the factory opened is no honour's.)
  expect(await honours('零八年开的厂 二二年评的区级')).toEqual([{ level: 'district', year: 2022 }]);
  // (Spans of time stay spans: "再过二三年".)
  expect((await r.recognize('再过二三年想评国家级')).frame!.facts!.looseYears).toEqual([]);
  const outside = await lastReply(DAY, '伲厂二零年评的市级专精特新今年资源集约评价还好加分伐');
  expect(outside).toMatch(/^不能。2020年认定的市级/);
});

test('not knowing opens the question after a plan told without punctuation', async () => {
  const reply = await lastReply(DAY, '伲做注塑件的一百二十个人二四年评的市级专精特新厂长想把老的注塑机换几台伺服的再搞搞节能勿晓得园区这块有啥支持伐');
  expect(reply).toMatch(/转型升级/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});

test('questions run on without punctuation are each answered', async () => {
  const reply = await lastReply(DAY, '伲厂二五年评的区级专精特新算第几类资源集约利用评价好加几分这个归哪个部门管的');
  expect(reply).toMatch(/二类/);
  expect(reply).toMatch(/加 ?1 ?分/);
  expect(reply).toMatch(/经发委/);
  const two = await lastReply(DAY, '海外人才对接找哪个部门专场招聘又找哪个部门');
  expect(two).toMatch(/人才对接[^\n]*组织部/);
  expect(two).toMatch(/专场招聘[^\n]*人社局/);
});

test('a part found only inside the measure\'s name yields to the part asked', async () => {
  const reply = await lastReply(DAY, '专家诊断一般会提些啥建议');
  expect(reply).toMatch(/^专家结合各级“专精特新”企业认定标准/);
  // (A thing of its own name is still that thing: 国家知识产权保护中心.)
  expect(await lastReply(DAY, '国家知识产权保护中心是干嘛的，园区帮不帮对接')).toMatch(/知识产权保护中心/);
});

test('a bare "有没有" after a plan asks of the plan', async () => {
  const reply = await lastReply(DAY, '隔壁厂做包装材料的 60人 21年评的区级专精特新 想给班组长搞点培训 有没有');
  expect(reply).toMatch(/培训/);
  expect(reply).not.toMatch(/转接|服务专员。请简要描述/);
});

test('staff wanted next year names the job fair, not the 汇 its word recalls', async () => {
  const r = await recognizer();
  const q = (await r.recognize('我们在培育库里 下半年想招几个技术员 有啥支持')).frame!.questions.at(-1)!;
  expect(q.candidates[0]?.id).toBe('tal.job-fair');
});

test('an introduction says nothing; 招平 is 招聘', async () => {
  const reply = await lastReply(DAY, '先自我介绍一下，我是厂里管人事的，厂子40人，做五金件。想问问汇计划有没有帮企业招平的活动');
  expect(reply).toMatch(/专场招聘|招聘/);
  expect(reply).not.toMatch(/没有找到相关内容/);
});
