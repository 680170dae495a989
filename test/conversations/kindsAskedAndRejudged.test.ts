/**
 * Round 136 (from gaps seen in batch f3 after its numbers were taken): a correction that also asks to be judged
 * again ("…是2024年认定的，不是2022年。请按2024年重新判断。") answers the question again with the corrected year (the
 * year said twice is one year); support asked of a kind of enterprise named by its honour or the pool, of no
 * enterprise of ours ("市级专精特新企业有什么支持", "园区的…", "入库培育的企业…", "省级专精特新企业能享受什么"), is the
 * support of that kind's tier in general — nothing of ours is assumed and nothing is asked.
 * Written for the tests, not taken from an evaluation set.
 */
import { botForThisFile } from './harness';

jest.setTimeout(60000);

const bot = botForThisFile();

test('a correction asking to be judged again answers the question again with the corrected year', async () => {
  const chat = await bot.chat();
  expect(await chat.say('客户是国家级专精特新“小巨人”企业，2022年认定的，做血液净化设备。请问今年的资源集约利用评价中它能享受什么支持？')).toMatch(/^不能。2022年/);
  const again = await chat.say('不对，我核实了一下，是2024年认定的，不是2022年。请按2024年重新判断。');
  expect(again).toMatch(/已更正/);
  expect(again).toMatch(/可以，评级提升 1 级：2024年认定的国家级/);
  expect(again).not.toMatch(/已了解贵企业的情况/);
});

test.each([
  ['市级专精特新企业有什么支持', '二类企业'],
  ['园区的市级专精特新企业有什么支持', '二类企业'],
  ['小巨人企业能享受哪些政策', '一类企业'],
  ['省级专精特新企业能享受什么', '一类企业'],
  ['入库培育的企业有什么支持', '三类企业'],
])('"%s" is the support of the kind\'s tier in general', async (question, tier) => {
  const chat = await bot.chat();
  const reply = await chat.say(question);
  expect(reply.startsWith(tier)).toBe(true);
  expect(reply).toMatch(/可享受以下 \d+ 项支持/);
  expect(reply).not.toMatch(/贵企业属于|请问贵企业/);
});

test('the kind asked about is no fact of ours: asked next, our own tier is still asked for', async () => {
  const chat = await bot.chat();
  await chat.say('市级专精特新企业有什么支持');
  expect(await chat.say('我们属于哪一类')).not.toMatch(/属于二类/);
});

test('opened by 那 after a measure, another honour is still a follow-up of that measure', async () => {
  const chat = await bot.chat();
  await chat.say('国家级专精特新资源集约利用评价怎么加分');
  expect(await chat.say('那市级的有什么支持')).toMatch(/加 ?1 ?分|资源集约/);
});
