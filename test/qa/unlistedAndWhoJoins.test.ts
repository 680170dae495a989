/**
 * Ways of asking written for the tests (not taken from an evaluation set): which units run a measure asked
 * in everyday words, how to join an activity (the policy says it once for all activities), a count or a fee
 * the policy does not give, needs outside the programme, and an honour's year said in a follow-up.
 */
import { recognizer } from '../nlu/fixture';
import { conversation } from './conversation';

test('"哪几个部门", "归哪个部门管" ask for the measure\'s responsible units', async () => {
  expect((await (await conversation())('深度诊断由哪几个部门负责')).text).toMatch(/^“深度诊断”的责任单位：经发委、企服中心/);
  expect((await (await conversation())('企业沙龙归哪个部门管')).text).toMatch(/^“企业沙龙”的责任单位/);
});

test('how to sign up for or book an activity is answered by the information channels', async () => {
  for (const q of ['专场招聘怎么报名', '培训辅导怎么报名参加', '专场招聘会怎么预约']) {
    const reply = await (await conversation())(q);
    expect(reply.text).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
    expect(reply.text).toMatch(/畅通信息渠道/);
  }
  // so is a measure the park organises as events (标杆学习); a service (深度诊断) keeps its own description
  expect((await (await conversation())('标杆学习想参加，怎么报名')).text).toMatch(/^企业可采取“线上\+线下”报名或预约方式/);
  expect((await (await conversation())('深度诊断怎么预约')).text).toMatch(/诊断服务/);
});

test('counts of lessons and fees the policy does not give are said to be unlisted', async () => {
  expect((await (await conversation())('培训一共几节课')).text).toMatch(/未列明具体的课程/);
  expect((await (await conversation())('专场招聘会收多少费用')).text).toMatch(/未列明具体的金额/);
});

test('everyday needs outside the programme are out of scope, while 企业体检 and 评级 stay in', async () => {
  for (const q of ['园区有人才房吗', '食堂有餐补吗', '我们要迁址，工商变更怎么办']) {
    expect((await (await conversation())(q)).text).toMatch(/^抱歉/);
  }
  const r = await recognizer();
  expect(r.recognizeSync('企业体检是什么').intent).not.toBe('none');
});

test('a follow-up naming the year an honour was obtained keeps the bonus question', async () => {
  const ask = await conversation();
  await ask('我们是市级的，加几分');
  expect((await ask('那2025年拿的省级呢')).text).toMatch(/^可以，加 2 分/);
});

test('"第三个是干啥的" asks about something, it is no item of a list', async () => {
  const r = await recognizer();
  const clauses = r.recognizeSync('一是沙龙多久办一次，第三个是干啥的').frame!.clauses.map((c) => c.text);
  expect(clauses.some((c) => c.startsWith('第三个是干啥'))).toBe(true);
});
