/**
 * Answers to messages as enterprise staff write them: every question of a message in order, the
 * last topic and the last aspect carried separately, the entity just named, dates against today,
 * the programme's scope, and honesty about details the policy does not give. Written for the tests.
 */
import { replyText } from '../../src/answers/reply';
import { conversation } from './conversation';

describe('several questions in one message', () => {
  test('answered in order, each answer first, one source per section', async () => {
    const ask = await conversation();
    const reply = await ask('企业沙龙由谁负责？按什么分批？');
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^“企业沙龙”的责任单位：经发委/);
    expect(lines[1]).toMatch(/产业行业类别/);
    expect(lines[2]).toBe('依据：《方案》二、（四）服务汇·企业沙龙');
    expect(replyText(reply).length).toBeLessThanOrEqual(600);
  });

  test('two topics: two answers with their own sources', async () => {
    const ask = await conversation();
    const reply = await ask('汇计划哪天印发的？人才汇包括什么');
    expect(reply.text).toMatch(/^汇计划于2022年6月17日印发。\n依据：《方案》发文通知\n人才汇/);
  });
});

describe('context as two slots', () => {
  test('"那X呢" changes the topic and keeps the aspect; the policy not giving it is said honestly', async () => {
    const ask = await conversation();
    await ask('专场招聘一年办几场');
    expect((await ask('那人才政策宣讲呢')).text).toMatch(/^定期开展/);
    const ask2 = await conversation();
    await ask2('专家诊断要钱吗');
    const reply = await ask2('那企业沙龙呢');
    expect(reply.text).toMatch(/^抱歉，汇计划未列明“企业沙龙”是否收费/);
    expect(reply.text).not.toMatch(/^免费/);
  });

  test('an aspect alone keeps the topic', async () => {
    const ask = await conversation();
    await ask('知识产权保护是做什么的');
    expect((await ask('哪个部门负责')).text).toMatch(/^“知识产权保护”的责任单位：科创委/);
    expect((await ask('收费吗')).text).toMatch(/^抱歉，汇计划未列明“知识产权保护”是否收费/);
  });

  test('"它/这个" is the entity just named, also a document the policy cites', async () => {
    const ask = await conversation();
    await ask('汇计划结合了哪个三年行动计划');
    expect((await ask('它的文号呢')).text).toMatch(/^《.*三年行动计划（2021-2023年）》的文号为苏园管〔2021〕60号/);
    const ask2 = await conversation();
    await ask2('苗圃计划是做什么的');
    expect((await ask2('这个归谁管')).text).toMatch(/金融局/);
  });
});

describe('dates against today, the programme scope', () => {
  test('近三年内 counts from the clock and names the years', async () => {
    const ask = await conversation('2026-12-03T02:00:00Z');
    expect((await ask('我们2023年评的市级专精特新，亩均评价还加分吗')).text).toMatch(/^不能。2023年认定的市级.*2024—2026年/);
    expect((await ask('我们2024年评的市级专精特新，亩均评价还加分吗')).text).toMatch(/^可以，加 1 分/);
    const earlier = await conversation('2025-03-01T02:00:00Z');
    expect((await earlier('我们2023年评的市级专精特新，亩均评价还加分吗')).text).toMatch(/^可以，加 1 分.*2023—2025年/);
  });

  test('the highest recent honour gives the outcome', async () => {
    const ask = await conversation('2026-12-03T02:00:00Z');
    expect((await ask('我们2021年是区级，2025年升到国家级了，综合评价怎么算')).text).toMatch(/^可以，评级提升 1 级：2025年认定的国家级/);
  });

  test('a large enterprise, an enterprise outside the pool: what the policy says', async () => {
    const ask = await conversation();
    expect((await ask('大型企业能不能参加培训辅导')).text).toMatch(/^汇计划面向中小企业/);
    expect((await ask('还没入库的企业可以参加标杆学习吗')).text).toMatch(/暂不属于汇计划的培育对象/);
  });
});

describe('honesty', () => {
  test('details the policy does not give, even next to a neighbouring fact', async () => {
    const ask = await conversation();
    expect((await ask('企服中心官网网址发一下')).text).toMatch(/^抱歉，汇计划未列明网址/);
    expect((await ask('专场招聘怎么收费')).text).toMatch(/^抱歉，汇计划未列明“专场招聘”是否收费/);
  });
});
