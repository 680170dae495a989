/**
 * A group's plants and subsidiaries described one by one (一厂/二厂, 子公司A, a bare "B"), names listed before they are
 * described, a plant holding two honours, "判断一下…各属于几类" that judges no statement, the subsidiaries' detail not
 * said when each is described, and one of them named as the one to sign up. Written for the tests, not taken from an
 * evaluation set.
 */
import { lastReply } from './conversation';
import { createRecognizer } from '../../src/nlu';

const DAY = '2026-12-06T02:00:00Z';

test('plants named 一厂/二厂, listed before they are described, each with its tier', async () => {
  const reply = await lastReply(DAY, '公司下面有一厂、二厂两个法人。一厂：2020年评过市级，2026年又评上国家级小巨人；二厂：2025年区级专精特新。麻烦判断一下两个厂各属于几类');
  expect(reply).toMatch(/一厂：属于一类[\s\S]*二厂：属于二类/);
  expect(reply).not.toMatch(/不对|不属于同一类/);
});

test('subsidiaries described one by one are not answered with the subsidiaries’ detail; a bare letter names one too', async () => {
  const reply = await lastReply(DAY, '子公司A：2025年进了培育库；子公司B：2026年认定省级专精特新。请分别判断培育类别');
  expect(reply).toMatch(/子公司A：属于三类[\s\S]*子公司B：属于一类/);
  expect(reply).not.toMatch(/集团下属企业/);
  expect(await lastReply(DAY, '子公司A市级，B国家级，几类？')).toMatch(/子公司A：属于二类[\s\S]*B：属于一类/);
  // (Whether a subsidiary may use its parent's honour is still the detail the policy does not give.)
  expect(await lastReply(DAY, '子公司能不能沿用母公司的荣誉')).toMatch(/集团下属企业/);
});

test('a plant or a subsidiary named as the one to sign up', async () => {
  const recognizer = await createRecognizer();
  expect((await recognizer.recognize('帮二厂报个名，参加专场招聘会')).intent).toBe('sign_up');
  expect((await recognizer.recognize('子公司A报名参加企业沙龙')).intent).toBe('sign_up');
  expect((await recognizer.recognize('子公司A去年报名参加了沙龙')).intent).not.toBe('sign_up');
});
