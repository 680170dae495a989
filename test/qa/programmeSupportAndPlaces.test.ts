/**
 * Written for the tests (not taken from an evaluation set): support asked in general words of the
 * programme gets its overview (the five 汇); a place elsewhere named as where the enterprise is puts it
 * outside the park, and "X区的企业" is never read as a 区级 honour.
 */
import { conversation } from './conversation';

test('support asked in general words, of no enterprise of ours, is the programme overview', async () => {
  for (const question of ['园区对专精特新企业都有哪些扶持政策', '专精特新企业有啥支持']) {
    const reply = await (await conversation())(question);
    expect(reply.text).toMatch(/产业、金融、人才、服务和技术五个方面/);
  }
  // a clause of a longer message, with nothing before it to lend a topic
  const both = await (await conversation())('专精特新企业有哪些支持？另外企业沙龙多久办一次');
  expect(both.text).toMatch(/五个方面/);
  expect(both.text).toMatch(/企业沙龙|分批分次/);
});

test('support in a field the programme does not cover keeps the honest fallback', async () => {
  const reply = await (await conversation())('专精特新企业在社保方面有什么支持');
  expect(reply.text).not.toMatch(/五个方面/);
});

test('an enterprise of another town is outside the park; "X区的企业" is no 区级 honour', async () => {
  const elsewhere = await (await conversation())('常熟的企业能参加汇计划吗');
  expect(elsewhere.text).toMatch(/^汇计划是苏州工业园区的专项行动/);
  const district = await (await conversation())('我们是吴江区的公司，能参加吗');
  expect(district.text).toMatch(/^汇计划是苏州工业园区的专项行动/);
  expect(district.text).not.toMatch(/^属于/);
  expect((await (await conversation())('我们是区的专精特新 属于几类')).text).toMatch(/^属于二类/);
});

test('supporting units are who is responsible; where to log in is a web address the policy does not give', async () => {
  const units = await (await conversation())('专项行动由谁牵头 协办单位又有哪些');
  expect(units.text.split('\n').filter((l) => /经发委/.test(l)).length).toBeGreaterThanOrEqual(2);
  const login = await (await conversation())('园易链供需专区是干什么的？怎么登录');
  expect(login.text).toMatch(/汇计划未列明网址或网站链接/);
});

test('a background outside the programme, then "汇计划里有吗": the honest answer, not a topic its words touch', async () => {
  for (const q of ['出口退税能快一点吗 这个计划里面有没有', '听说有个人所得税减免 汇计划支持吗']) {
    const reply = await (await conversation())(q);
    expect(reply.text).toMatch(/^抱歉，这个问题不在汇计划的范围内/);
  }
});
