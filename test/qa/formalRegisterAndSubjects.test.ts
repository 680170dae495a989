/**
 * Written for the tests (not taken from an evaluation set): the formal register of letters to
 * officials (何时, 其…为何, 如我司系…), English follow-ups, a numbered item whose first part
 * describes the enterprise asked about, several parts each asked for, a large enterprise asking its
 * tier, wanting to join then asking about it, "不晓得…你给说说", doubled verbs, amounts and fees
 * the policy never gives, and levels asked whether they are treated alike.
 */
import { lastReply } from './conversation';
import { recognizer } from '../nlu/fixture';

const ask = (...turns: string[]) => lastReply('2026-12-05T02:00:00Z', ...turns);

describe('the formal register', () => {
  test('何时, 其…为何, 何种', async () => {
    expect(await ask('本文件何时印发')).toMatch(/2022年6月17日/);
    expect(await ask('烦请告知专场招聘每年举办几场', '其举办形式为何')).toMatch(/线上\+线下/);
    expect(await ask('拟上市企业可优先参加何种计划')).toMatch(/苗圃计划/);
  });

  test('如我司系…获评，是否仍可享受该项支持', async () => {
    const reply = await ask('我司2024年获评国家级专精特新，烦请告知资源集约利用评价可获何种支持', '如我司系2019年获评，是否仍可享受该项支持');
    expect(reply).toMatch(/^不能/);
  });
});

test('an English follow-up with another honour', async () => {
  expect(await ask('We are a 市级 专精特新 company. Which tier are we in?', 'What if we upgrade to 国家级 next year?')).toMatch(/^属于一类/);
  expect(await ask('我们是区级专精特新，属于哪一类', '如果明年升到省级？')).toMatch(/^属于一类/);
});

test('a numbered item whose first part describes the enterprise asked about', async () => {
  const reply = await ask('请教两件事：1.近三年内认定的市级专精特新企业，资源集约利用评价可加几分；2.省级的又怎么加');
  expect(reply).toMatch(/加 1 分/);
  expect(reply).toMatch(/加 2 分/);
});

test('several parts of one item, each asked for', async () => {
  const reply = await ask('经发委和企服中心分别负责什么');
  expect(reply).toMatch(/经发委牵头/);
  expect(reply).toMatch(/企服中心协同实施/);
});

test('a large enterprise asking its tier is told the programme’s scope', async () => {
  expect(await ask('这家客户是员工五千人的大型企业，没有专精特新荣誉，是否属于三类培育对象')).toMatch(/大型企业不属于培育对象/);
});

test('wanting to join, then asking about it, is a question', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('我们想参加企业沙龙，多久办一次？').intent).not.toBe('sign_up');
  expect(r.recognizeSync('我想参加企业沙龙').intent).toBe('sign_up');
  expect(await ask('我们想参加专场招聘，一年有几场？')).toMatch(/1~2场/);
});

test('not knowing, then a bare "tell me"', async () => {
  expect(await ask('我们2025年评上了区级专精特新 我也不晓得我们算哪一类 你给说说')).toMatch(/^属于二类/);
});

test('learning from others said with a doubled verb', async () => {
  expect(await ask('我们是市级专精特新 想去人家厂里看看学学 有没有组织这种事')).toMatch(/标杆/);
});

describe('what the policy never gives', () => {
  test('a size, a fee, an award asked as an amount', async () => {
    expect(await ask('专精特新贷的风险补偿资金池有几个亿')).toMatch(/未列明/);
    expect(await ask('定制化培训班收多少培训费')).toMatch(/未列明/);
  });

  test('"都有谁" after 责任单位 asks for the units', async () => {
    expect(await ask('企业沙龙的责任单位都有谁')).toMatch(/经发委/);
  });
});

test('two levels asked whether they are treated alike', async () => {
  expect(await ask('资源集约利用评价里市级和区级加分一样吗')).toMatch(/^市级和区级一样/);
});

test('the scale of enterprise the programme is for', async () => {
  expect(await ask('汇计划主要针对多大规模的企业')).toMatch(/中小企业/);
});

test('a place name ending in 区 is no district honour', async () => {
  const r = await recognizer();
  expect(r.recognizeSync('我们是一家注册在苏相合作区的精密制造企业').entities.honourLevels).toBeUndefined();
  expect(r.recognizeSync('我们是区的专精特新').entities.honourLevels).toEqual(['district']);
});

test('whether the programme covers us', async () => {
  expect(await ask('汇计划覆盖我们这样的企业吗')).toMatch(/培育对象/);
});

test('a tier a measure does not serve is told it cannot enjoy it', async () => {
  expect(await ask('入库培育企业在资源集约利用评价里能加分吗')).toMatch(/三类企业不在其列，暂不能享受此项/);
});
