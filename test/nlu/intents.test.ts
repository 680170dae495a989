import type { Intent } from '../../src/domain/vocabulary';
import { recognizer } from './fixture';

// Phrasings that are not training examples.
const CASES: Array<[Intent, string[]]> = [
  ['greeting', ['您好呀', '在么', '哈喽你好']],
  ['help', ['你都能干些什么', '这个助手有哪些功能', '帮助']],
  ['thanks_bye', ['好的，谢谢您', '拜拜啦', '明白了，多谢']],
  ['which_tier', ['我们公司算第几类', '帮忙判断下我们企业的培育类别', '我们企业属于哪一类培育对象']],
  ['what_support', ['我们公司能享受些什么政策', '我们企业可以得到哪些扶持', '像我们这种企业能享受什么支持', '麻烦给我们测评一下', '帮我们评估下', '帮我做个政策匹配', '想做个support matching', '帮我看下我们公司适用汇计划哪些措施', '请帮我们公司做一个汇计划适配分析']],
  ['list_activities', ['近期有啥活动', '下个月有企业沙龙吗', '最近有没有培训活动']],
  ['sign_up', ['我要报名参加培训', '帮我报个名', '我想报名下周的企业沙龙', '我来替我们领导报个名', '准备给同事报名下周的沙龙', '我们公司想报名专场招聘会，想招几个研发岗']],
  ['cancel_signup', ['取消我的活动报名', '帮我把报名撤销了', '我要取消报名']],
  ['my_signups', ['我报名了哪些活动', '查看我的报名记录', '我的报名']],
  ['subscribe', ['订阅活动提醒', '有新活动通知我', '我想订阅沙龙的通知']],
  ['unsubscribe', ['退订通知', '别再给我推送了', '取消订阅']],
  ['handoff', ['转人工服务', '我要找人工客服', '能不能联系工作人员']],
  ['my_profile', ['我的企业信息', '查看我们的资料', '我的档案']],
  ['delete_profile', ['删除我们的企业信息', '请清除我的资料', '把我的数据删掉吧']],
  ['policy_question', ['深度诊断收不收费', '专场招聘一年办几次', '上市培育归哪个部门管', '省级专精特新资源集约评价加几分', '区级专精特新是第几类']],
  ['none', ['明天天气如何', '给我讲个故事', '公积金贷款利率多少', '晚饭吃什么好']],
];

describe('intent recognition', () => {
  for (const [intent, texts] of CASES) {
    test.each(texts)(`${intent}: %s`, async (text) => {
      const r = await (await recognizer()).recognize(text);
      expect(r.intent).toBe(intent);
    });
  }

  test('a tier question that names the honour is answered from knowledge', async () => {
    const r = await (await recognizer()).recognize('我们是工信部认定的专精特新小巨人企业，是几类');
    expect(r.intent).toBe('policy_question');
    expect(r.candidates[0].id).toBe('tiers.classification');
    expect(r.entities.honourLevels).toEqual(['national']);
  });

  test('a tier question without the honour goes to the tier dialog', async () => {
    expect((await (await recognizer()).recognize('我们属于哪一类？')).intent).toBe('which_tier');
  });

  test('elliptical follow-ups are marked', async () => {
    const r = await (await recognizer()).recognize('那市级呢');
    expect(r.followUp).toBe(true);
    expect(r.intent).toBe('policy_question');
    expect(r.entities.honourLevels).toEqual(['city']);
  });

  test('candidates carry ids, titles and scores in [0, 1]', async () => {
    const r = await (await recognizer()).recognize('专家诊断收钱吗');
    expect(r.candidates[0]).toMatchObject({ id: 'svc.deep-diagnosis', title: '深度诊断' });
    for (const c of r.candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    for (const c of r.candidates) expect(c.score).toBeLessThanOrEqual(1);
    expect(r.confidence).toBe('high');
  });
});
