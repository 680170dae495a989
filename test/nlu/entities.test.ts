import type { Entities } from '../../src/nlu/types';
import { parseDateRange, parseSmallNumber } from '../../src/nlu/dates';
import { NOW, recognizer } from './fixture';

async function entities(text: string): Promise<Entities> {
  return (await (await recognizer()).recognize(text)).entities;
}

describe('honour levels', () => {
  test.each([
    ['我们是国家级专精特新', ['national']],
    ['工信部认定的小巨人', ['national']],
    ['我们公司是省专精特新', ['provincial']],
    ['江苏省专精特新中小企业', ['provincial']],
    ['苏州市级专精特新', ['city']],
    ['市专精特新企业', ['city']],
    ['区级专精特新企业算第几类', ['district']],
    ['园区级专精特新', ['district']],
    ['省级和市级都有', ['provincial', 'city']],
    ['ＳＨＯＷ 省级', ['provincial']],
  ])('%s', async (text, levels) => {
    expect((await entities(text)).honourLevels).toEqual(levels);
  });

  test.each(['园区专精特新工作谁来牵头', '能对接国家知识产权保护中心吗', '专场招聘会每年有几次', '节省成本'])('no honour in "%s"', async (text) => {
    expect((await entities(text)).honourLevels).toBeUndefined();
  });
});

describe('flags', () => {
  test('入库 and no honour', async () => {
    expect(await entities('我们是入库的培育企业，没拿过称号，是哪一类')).toMatchObject({ inPool: true, noHonour: true });
    expect(await entities('还没有获得任何荣誉')).toMatchObject({ noHonour: true });
    expect(await entities('在培育库里')).toMatchObject({ inPool: true });
  });

  test('correction and unknown', async () => {
    expect((await entities('不对，其实是市级的')).correction).toBe(true);
    expect((await entities('说错了，应该是省级')).correction).toBe(true);
    expect((await entities('我也不清楚是哪一级')).unknown).toBe(true);
    expect((await entities('不知道')).unknown).toBe(true);
  });

  test('years', async () => {
    expect((await entities('2021年认定的省级专精特新')).years).toEqual([2021]);
    expect((await entities('2021-2023年的三年行动计划')).years).toEqual([2021, 2023]);
  });

  test('activity types', async () => {
    expect((await entities('下周有沙龙吗')).activityType).toBe('salon');
    expect((await entities('我想报名培训班')).activityType).toBe('training');
    expect((await entities('招聘会什么时候')).activityType).toBe('jobfair');
    expect((await entities('专场招聘')).activityType).toBe('jobfair');
  });
});

describe('dates (now: Wednesday 2024-11-20, China time)', () => {
  test.each([
    ['明天有活动吗', '2024-11-21', '2024-11-22'],
    ['今天', '2024-11-20', '2024-11-21'],
    ['后天的培训', '2024-11-22', '2024-11-23'],
    ['下周有沙龙吗', '2024-11-25', '2024-12-02'],
    ['这周', '2024-11-18', '2024-11-25'],
    ['下周二', '2024-11-26', '2024-11-27'],
    ['周五', '2024-11-22', '2024-11-23'],
    ['周一', '2024-11-25', '2024-11-26'],
    ['下个月有什么培训', '2024-12-01', '2025-01-01'],
    ['本月', '2024-11-01', '2024-12-01'],
    ['12月5日的沙龙', '2024-12-05', '2024-12-06'],
    ['十二月五号', '2024-12-05', '2024-12-06'],
    ['3月10号', '2025-03-10', '2025-03-11'],
    ['12月有什么活动', '2024-12-01', '2025-01-01'],
    ['2025年1月8日', '2025-01-08', '2025-01-09'],
    ['2025-01-08', '2025-01-08', '2025-01-09'],
  ])('%s', async (text, from, to) => {
    expect((await entities(text)).dateRange).toEqual({ from: `${from}T00:00:00+08:00`, to: `${to}T00:00:00+08:00` });
  });

  test('no date', () => {
    expect(parseDateRange('深度诊断收费吗', NOW)).toBeUndefined();
    expect(parseDateRange('2月30日', NOW)).toBeUndefined();
  });

  test('December → next month is January of next year', () => {
    expect(parseDateRange('下个月', new Date('2024-12-10T02:00:00Z'))).toEqual({ from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00' });
  });

  test('Chinese numbers', () => {
    expect(parseSmallNumber('十二')).toBe(12);
    expect(parseSmallNumber('二十五')).toBe(25);
    expect(parseSmallNumber('三十一')).toBe(31);
    expect(parseSmallNumber('十')).toBe(10);
    expect(parseSmallNumber('五')).toBe(5);
  });
});

describe('size and group', () => {
  test.each([
    ['我们是大企业 不是中小企业 能享受吗', { large: true }],
    ['我们是一家中小企业', { large: false }],
    ['我们是集团旗下的子公司，能参加吗', { groupMember: true }],
    ['我们是大型企业的全资子公司', { groupMember: true }],
  ] as const)('%s', async (text, expected) => {
    expect(await entities(text)).toMatchObject(expected);
  });

  // (The parent is large, not we: whether a subsidiary counts as an SME the policy does not say.)
  test.each(['我们是大型企业的全资子公司', '我们公司是一家大集团控股的子公司', '我们算不算中小企业'])('%s: not told large', async (text) => {
    expect((await entities(text)).large).not.toBe(true);
  });
});
