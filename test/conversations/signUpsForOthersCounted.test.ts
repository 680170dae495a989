/**
 * Round 138e (from j3's unseen half once its numbers were taken): a sign-up asked with whom it is for left out ("…要报
 * 专精特新定制化培训班，帮报个名") or for people counted ("我想帮公司3位主管报名", after asking whether one can sign up)
 * starts the form.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('"帮报个名" after the activity wanted starts the form', async () => {
  const reply = await (await bot.chat()).say('我们协会的一家会员企业要报专精特新企业沙龙，帮报个名');
  expect(reply).toMatch(/为您报名/);
  expect(reply).not.toMatch(/已了解贵企业的情况/);
});

test('people counted to be signed up, after asking whether one can, start the form', async () => {
  const reply = await (await bot.chat()).say('专场招聘会现在可以报名吗？我想帮人事部两位同事报名');
  expect(reply).toMatch(/为您报名/);
});
