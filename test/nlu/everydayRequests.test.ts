/**
 * Written for the tests (not taken from an evaluation set): requests in everyday words after background
 * (帮我报一个, 经理让我报个…, 请为我司报名), cancelling and listing in other words, courtesy to the staff,
 * the tiers in English and Traditional characters.
 */
import type { Intent } from '../../src/domain/vocabulary';
import { recognizer } from './fixture';

const CASES: Array<[Intent, string]> = [
  ['sign_up', '我听说园区最近在办企业沙龙 想多认识点同行 麻烦帮我报一个'],
  ['sign_up', '经理让我报个招聘会 我也不太懂 你帮我报一下吧'],
  ['sign_up', '请为我司报名下个月的沙龙'],
  ['cancel_signup', '请撤回刚才那场沙龙的报名'],
  ['my_signups', '我们之前报过哪些活动'],
  ['my_signups', '现在我们还有几个报名'],
  ['which_tier', '请问我们公司算tier几'],
  ['sign_up', '听说招聘会办得不错，我们正缺人，帮我报一场呗'],
  ['sign_up', '麻烦帮我抱名一下沙龙'],
  ['my_signups', '稍等 先查下我们目前一共报了哪些活动'],
  ['cancel_signup', '帮我取消一下刚才那个培训报名'],
  ['subscribe', '我们想订阅园区专精特新的活动通知'],
  ['subscribe', '我們想訂閱一下專精特新嘅活動通知'],
  ['sign_up', '贵方好，烦请协助我司报名下月的企业沙龙。'],
  ['sign_up', '那就先帮我报名最近一场招聘会'],
  ['sign_up', '您好，我们想报名专精特新的培训班，请问该怎么操作'],
];

test.each(CASES)('%s: %s', async (intent, text) => {
  expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
});

test('courtesy to the staff asks for no one', async () => {
  const r = await recognizer();
  expect((await r.recognize('沙龙一般聊什么？最后问候一下客服，辛苦啦')).intent).not.toBe('handoff');
  expect((await r.recognize('我想找客服')).intent).toBe('handoff');
});

test('Traditional characters are read as Simplified; Simplified characters the tables would change are kept', async () => {
  const r = await recognizer();
  const tier = await r.recognize('二類是指什麼');
  expect(tier.intent).toBe('policy_question');
  expect(tier.candidates[0]?.id).toBe('tiers.classification');
  expect((await r.recognize('請問我們屬於哪一類')).intent).toBe('which_tier');
  expect(r.analyzer.analyze('在么').clean).toBe('在么');
  expect(r.analyzer.analyze('显著').clean).toBe('显著');
});
