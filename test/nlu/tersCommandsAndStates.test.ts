/**
 * Written for the tests (not taken from an evaluation set): terse commands with the activity first or the verb
 * first (报个专精培训, 企业沙龙帮我报一下, 招聘会报名), signing up only if there is one (有的话我要报名), notices asked
 * to be pushed (活动通知推给我们), and "是不是已经停了" asking a state of the programme, not whether it is another thing.
 */
import type { Intent } from '../../src/domain/vocabulary';
import { recognizer } from './fixture';

const CASES: Array<[Intent, string]> = [
  ['sign_up', '报个企业沙龙'],
  ['sign_up', '报一下专精招聘会'],
  ['sign_up', '那个培训班帮我们报一下'],
  ['sign_up', '专精沙龙报名'],
  ['sign_up', '专精特新招聘会还办吗？如果有我们就报名'],
  ['subscribe', '以后的活动通知推给我们吧'],
  ['subscribe', '有新的沙龙消息发给我'],
];

test.each(CASES)('%s: %s', async (intent, text) => {
  expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
});

test('asking about signing up stays a question', async () => {
  const r = await recognizer();
  expect((await r.recognize('企业沙龙报名怎么弄')).intent).not.toBe('sign_up');
  expect((await r.recognize('报个培训要钱吗')).intent).not.toBe('sign_up');
});

test('a state asked of the programme is its term, not another thing', async () => {
  const r = await recognizer();
  const stopped = await r.recognize('这个汇计划是不是已经停了');
  expect(stopped.comparedWith).toBeUndefined();
  expect(stopped.candidates[0]?.id).toBe('doc.validity');
});

test('a terse sign-up with the enterprise as its subject ("我们报个…培训"); asking its cost is no sign-up', async () => {
  const r = await recognizer();
  expect((await r.recognize('我们报个专精特新培训')).intent).toBe('sign_up');
  expect((await r.recognize('我司先报一下企业沙龙吧')).intent).toBe('sign_up');
  expect((await r.recognize('我们报个培训要多少钱')).intent).not.toBe('sign_up');
});
