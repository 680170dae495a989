/**
 * Written for the tests (not taken from an evaluation set): a follow-up of aspect words only, said at
 * length ("一般都是线上还是线下"), keeps the last topic; several aspects asked in one clause are each
 * answered; "能加分吗" after a tier question asks of the rating; a word typed with a space inside it, in
 * characters or in pinyin letters, is read whole.
 */
import { conversation } from './conversation';
import { recognizer } from '../nlu/fixture';

test('a longer follow-up of aspect words only keeps the last topic', async () => {
  const chat = await conversation();
  await chat('标杆学习是怎么回事');
  expect((await chat('一般都是线上还是线下的呀')).text).toMatch(/标杆学习/);
});

test('several aspects asked in one clause', async () => {
  const reply = (await (await conversation())('专场招聘会一般在线上还是线下、每年几场、哪个部门牵头？')).text;
  expect(reply).toMatch(/线上\+线下/);
  expect(reply).toMatch(/1~2场/);
  expect(reply).toMatch(/人社局/);
  expect(reply).not.toMatch(/未列明/);
});

test('"能加分吗" after a tier question asks of the rating', async () => {
  const reply = (await (await conversation())('我们2024年拿的市级，属于哪一类？能加分吗？')).text;
  expect(reply).toMatch(/二类/);
  expect(reply).toMatch(/加 ?1 ?分/);
});

test('a word typed with a space inside it is read whole', async () => {
  const r = await recognizer();
  expect(r.analyzer.analyze('企业 沙龙 谁办').clean).toBe('企业沙龙 谁办');
  expect(r.analyzer.analyze('miaopu jihua 是啥').clean).toBe('苗圃计划 是啥');
  expect(r.analyzer.analyze('many fairs').clean).toBe('many fairs');
});
