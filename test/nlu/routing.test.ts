/** Routing the colleagues rely on: activity queries, own-eligibility questions, corrections, the pool. */
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import { recognizer } from './fixture';

async function recognize(text: string) {
  return (await recognizer()).recognize(text);
}

describe('activity queries carry the type and the dates', () => {
  test.each([
    ['下个月的沙龙', 'salon', '2024-12-01'],
    ['下周有培训吗', 'training', '2024-11-25'],
    ['12月有什么活动', undefined, '2024-12-01'],
    ['12月份的招聘会', 'jobfair', '2024-12-01'],
  ])('%s', async (text, type, from) => {
    const r = await recognize(text);
    expect(r.intent).toBe('list_activities');
    expect(r.entities.activityType).toBe(type);
    expect(r.entities.dateRange?.from.slice(0, 10)).toBe(from);
  });

  test('最近有招聘会吗', async () => {
    const r = await recognize('最近有招聘会吗');
    expect(r.intent).toBe('list_activities');
    expect(r.entities.activityType).toBe('jobfair');
  });
});

describe('whether one measure applies to us goes to the advisor', () => {
  test.each(['我们能参加人才对接吗', '为什么没有人才对接？', '我们为什么不能享受上市培育', '我们公司可以申请深度诊断吗', '我司能不能享受深度诊断'])('%s → what_support', async (text) => {
    expect((await recognize(text)).intent).toBe('what_support');
  });

  test.each(['人才对接是什么', '深度诊断收费吗', '上市培育由哪些部门负责', '我们是制造业，想做智能化改造，有政策吗', '怎么申请深度诊断'])('%s stays a policy question', async (text) => {
    expect((await recognize(text)).intent).toBe('policy_question');
  });

  test.each(['那我们能参加人才对接吗', '另外请问我们能申请深度诊断吗'])('%s (after an opener) → what_support', async (text) => {
    expect((await recognize(text)).intent).toBe('what_support');
  });

  test.each(['我们是市级专精特新', '我司去年评上了省级专精特新'])('the statement %s is answered with the tier it gives', async (text) => {
    const r = await recognize(text);
    expect(r.intent).toBe('policy_question');
    expect(r.candidates[0].id).toBe('tiers.classification');
  });

  test('a tier question that names the level is still answered at once', async () => {
    const r = await recognize('我们是省级专精特新，属于哪一类');
    expect(r.intent).toBe('policy_question');
    expect(r.candidates[0].id).toBe('tiers.classification');
  });
});

describe('corrections of the honour or the pool go to the tier flow', () => {
  test.each([
    ['不对，是省级的', ['provincial']],
    ['我们其实是市级的', ['city']],
    ['说错了，我们是国家级小巨人', ['national']],
  ])('%s', async (text, levels) => {
    const r = await recognize(text);
    expect(r.intent).toBe('which_tier');
    expect(r.entities.correction).toBe(true);
    expect(r.entities.honourLevels).toEqual(levels);
  });

  test('a correction without tier facts is no tier question', async () => {
    expect((await recognize('不对')).intent).not.toBe('which_tier');
  });
});

describe('the pool', () => {
  test.each(['没入库', '未入库', '不在培育库', '我们还没有入库', '尚未纳入培育库'])('%s → notInPool, never inPool', async (text) => {
    const r = await recognize(text);
    expect(r.entities.notInPool).toBe(true);
    expect(r.entities.inPool).toBeUndefined();
  });

  test.each(['已入库', '我们入库了', '在培育库里'])('%s → inPool', async (text) => {
    const r = await recognize(text);
    expect(r.entities.inPool).toBe(true);
    expect(r.entities.notInPool).toBeUndefined();
  });

  test('no honour and not in the pool: not yet a cultivation target, not 三类', async () => {
    const r = await recognizer();
    const recognition = await r.recognize('我们没有荣誉，也没入库，算几类');
    const reply = new AnswerBuilder(r.kb).build(recognition).reply;
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/^未获得“专精特新”荣誉、也未入库培育的企业，暂不属于汇计划的培育对象/);
    expect(reply.text).not.toMatch(/(^|[。；])属于三类/);
  });

  test('no honour but in the pool: 三类', async () => {
    const r = await recognizer();
    const reply = new AnswerBuilder(r.kb).build(await r.recognize('没有荣誉，已入库，算几类')).reply;
    expect(reply.text).toMatch(/^属于三类/);
  });
});

describe('a tier named in a question about a measure does not hide the measure', () => {
  test.each([
    ['入库培育企业能参加沙龙吗', 'svc.salon'],
    ['入库企业可以申请深度诊断吗', 'svc.deep-diagnosis'],
    ['入库培育是什么意思', 'tiers.classification'],
    ['市级专精特新属于哪一类', 'tiers.classification'],
  ])('%s → %s', async (text, item) => {
    const r = await recognize(text);
    expect(r.intent).toBe('policy_question');
    expect(r.candidates[0].id).toBe(item);
  });
});
