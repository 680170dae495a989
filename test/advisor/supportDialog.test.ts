import type { Activity } from 'botbuilder';
import type { UpcomingActivitySource } from '../../src/advisor/upcomingActivities';
import { ActivityServiceSource } from '../../src/advisor/upcomingActivities';
import type { ActivityType } from '../../src/domain/vocabulary';
import { buildBot, buttons, say, seen, type TestBot } from './helpers';

const texts = (replies: Partial<Activity>[]) => replies.map((a) => a.text ?? '');
const last = (replies: Partial<Activity>[]) => replies[replies.length - 1];

function expectWithinLimit(replies: Partial<Activity>[]): void {
  for (const reply of replies) expect(seen(reply).length).toBeLessThanOrEqual(600);
}

const salonSource: UpcomingActivitySource = {
  async next(type: ActivityType) {
    return type === 'salon' ? { title: '集成电路产业专精特新企业沙龙', date: '7月2日' } : undefined;
  },
};

describe('SupportDialog: what can we get', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  test('builds the profile by asking only what the rules need, then answers grouped by 汇', async () => {
    bot = await buildBot({ activities: salonSource });
    const start = await say(bot.adapter, '我们能享受哪些支持');
    expect(texts(start)[0]).toContain('先了解几项情况');
    expect(last(start).text).toContain('获得过哪一级');

    const asked: string[] = [];
    let replies = await say(bot.adapter, '省级');
    for (const reply of ['是', '2024年', '是']) {
      asked.push(last(replies).text!);
      replies = await say(bot.adapter, reply);
    }
    // The hiring need and a first recognition are not asked: the measures they decide are stated with them as condition.
    expect(asked.map((q) => q.replace(/[？?].*$/s, ''))).toEqual([
      '请问贵企业是否属于工业（制造业）企业',
      '请问贵企业的省级“专精特新”荣誉是哪一年认定的',
      '请问贵企业是否有上市计划（拟上市）',
    ]);

    expect(replies).toHaveLength(1);
    const overview = replies[0].text!;
    expect(overview).toMatch(/^贵企业属于一类，可享受以下 15 项支持/);
    expect(overview).toContain('判断依据：省级专精特新，2024年认定；工业（制造业）企业；拟上市（');
    for (const line of ['【产业汇】配套合作、标杆学习、产业对接', '【金融汇】金融支持、上市培育', '【人才汇】人才对接、人才申报（申报人才计划获重点辅导）', '【服务汇】深度诊断、培训辅导、定向服务、企业沙龙、资源集约利用评价（加 2 分）', '【技术汇】知识产权保护、转型升级、平台服务']) {
      expect(overview).toContain(line);
    }
    expect(overview).toContain('视情况而定 2 项：专场招聘（如贵企业有招聘需求，可享受）；首次认定奖补（如贵企业首次认定荣誉，在政策框架内给予奖补）');
    expect(overview).toContain('可报名近期的「集成电路产业专精特新企业沙龙」（7月2日）');
    expect(buttons(replies[0])).toEqual([
      '支持详情：产业汇',
      '支持详情：金融汇',
      '支持详情：人才汇',
      '支持详情：服务汇',
      '支持详情：技术汇',
      '报名：集成电路产业专精特新企业沙龙',
    ]);
    expectWithinLimit(replies);
  });

  test('a 汇 in detail: each measure with why, responsible units and next step, within 600 characters a message', async () => {
    bot = await buildBot({ activities: salonSource });
    await say(bot.adapter, '我们是省级专精特新，2024年认定，工业企业，拟上市，有招聘需求，首次认定，能享受哪些支持');
    const replies = await say(bot.adapter, '支持详情：服务汇');
    const all = texts(replies).join('\n');
    expect(all).toMatch(/^根据您之前提供的信息（省级专精特新，2024年认定），【服务汇】贵企业可享受 5 项/);
    expect(all).toContain('▸ 深度诊断：专家免费诊断');
    expect(all).toContain('理由：面向“专精特新”企业；贵企业为一类（省级专精特新）');
    expect(all).toContain('责任单位：企服中心、经发委、各功能区、苏相合作区');
    expect(all).toContain('理由：近三年内认定的省级“专精特新”企业加 2 分；贵企业2024年获省级认定');
    expect(all).toContain('下一步：可报名近期的「集成电路产业专精特新企业沙龙」（7月2日）');
    expect(buttons(last(replies))).toContain('报名：集成电路产业专精特新企业沙龙');
    expectWithinLimit(replies);
  });

  test('资源集约利用评价 by year: 评级提升 1 级 / 加 1 分 / none when older / conditional when unknown', async () => {
    bot = await buildBot();
    const ask = async (user: string, text: string) => texts(await say(bot.adapterFor(user), text)).join('\n');
    expect(await ask('n', '我们是国家级小巨人，2023年认定，工业企业，我们能享受资源集约利用评价吗')).toMatch(/^贵企业可以享受“资源集约利用评价”，评级提升 1 级/);
    expect(await ask('c', '我们是市级专精特新，2025年认定，制造业，资源集约利用评价我们能享受吗')).toMatch(/^贵企业可以享受“资源集约利用评价”，加 1 分/);
    const old = await ask('o', '我们是省级专精特新，2021年认定，制造业，我们能享受资源集约利用评价吗');
    expect(old).toMatch(/^贵企业暂不符合“资源集约利用评价”的条件/);
    expect(old).toContain('贵企业2021年获省级认定，不在此列（近三年指2023—2025年）');
    await say(bot.adapterFor('u'), '我们是省级专精特新，制造业，我们能享受资源集约利用评价吗');
    const unknown = texts(await say(bot.adapterFor('u'), '不记得')).join('\n');
    expect(unknown).toMatch(/^“资源集约利用评价”要视情况而定：如省级荣誉为2023年及以后认定，加 2 分/);
  });

  test('asking about one measure asks only the honours it needs; a trait it needs is said as its condition', async () => {
    bot = await buildBot();
    expect(last(await say(bot.adapter, '我们能享受上市培育吗')).text).toContain('获得过哪一级');
    const [answer] = await say(bot.adapter, '市级');
    expect(answer.text).toMatch(/^“上市培育（苗圃计划）”要视情况而定：如贵企业拟上市，可享受/);
    expect(answer.text).toContain('苗圃课程');
    expect(answer.text).toContain('金融局');
  });

  test('"为什么没有人才对接？" explains from the profile', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们是市级专精特新，属于哪类');
    const [answer] = await say(bot.adapter, '为什么没有人才对接？');
    expect(answer.text).toMatch(/^根据您之前提供的信息（市级专精特新），贵企业暂不符合“人才对接”的条件/);
    expect(answer.text).toContain('国家级、省级');
    expect(answer.text).toContain('人才申报');
  });

  test('"我们不能享受哪些支持" lists each with its reason', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们没有荣誉，已入库，没有招聘需求，我们能享受哪些支持');
    const replies = await say(bot.adapter, '我们不能享受哪些支持');
    const all = texts(replies).join('\n');
    expect(all).toMatch(/以下 13 项暂不适用/);
    expect(all).toMatch(/▸ 产业对接、金融支持、上市培育（苗圃计划）、深度诊断.*：面向获得“专精特新”荣誉的企业；贵企业为三类（入库培育企业），获得荣誉后可按条件享受/);
    expect(all).toContain('▸ 人才对接：优先面向国家级、省级“专精特新”企业；贵企业为三类（入库培育企业）');
    expect(all).toContain('▸ 专场招聘：专场招聘根据企业需求举办');
    expectWithinLimit(replies);
  });

  test('the saved profile is reused and the answer says so', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们是省级专精特新，属于哪类');
    const [answer] = await say(bot.adapter, '我们能参加人才对接吗');
    expect(answer.text).toMatch(/^根据您之前提供的信息（省级专精特新），贵企业可以享受“人才对接”/);
    expect(answer.text).toContain('责任单位：组织部、经发委、科创委');
  });

  test('三类: asks the honours and the pool only; the job fair is stated with its condition', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们能享受哪些支持');
    expect(last(await say(bot.adapter, '暂无荣誉')).text).toContain('入库培育');
    const [overview] = await say(bot.adapter, '已入库');
    expect(overview.text).toMatch(/贵企业属于三类，可享受以下 4 项支持/);
    expect(overview.text).toContain('【服务汇】企业沙龙');
    expect(overview.text).toContain('专场招聘（如贵企业有招聘需求，可享受）');
    expect(overview.text).not.toContain('是否有招聘需求');
  });

  test('not in the pool: no measures, and how to get there', async () => {
    bot = await buildBot();
    const [answer] = await say(bot.adapter, '我们没有荣誉，也没入库，能享受哪些支持');
    expect(answer.text).toMatch(/^贵企业尚未获得“专精特新”荣誉，也未入库培育/);
    expect(answer.text).toContain('服务专窗');
  });

  test('a large enterprise: what a chain leader can do', async () => {
    bot = await buildBot();
    const [answer] = await say(bot.adapter, '我们是大型企业，能享受哪些支持');
    expect(answer.text).toMatch(/^汇计划面向中小企业，大型企业不属于培育对象/);
    expect(answer.text).toContain('▸ 配套合作：作为重点产业链主企业，可通过“配套合作”提出技术和产品需求');
  });

  test('a correction at a question is taken and confirmed; 取消 ends the flow', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们是省级专精特新，能享受哪些支持');
    const replies = await say(bot.adapter, '不对，我们是市级的');
    // The correction moves the enterprise from 一类 to 二类: said with it.
    expect(texts(replies)[0]).toMatch(/^好的，已更新：市级专精特新；据此，贵企业属于二类。(已可享受：[^；]*；其余几项我再了解几项情况。)?$/);
    expect(last(replies).text).toContain('工业（制造业）');
    expect(texts(await say(bot.adapter, '取消'))[0]).toContain('已取消');
    const [tier] = await say(bot.adapter, '我们属于哪一类');
    expect(tier.text).toMatch(/^根据您之前提供的信息（市级专精特新），贵企业属于二类/);
  });

  test('a bare year told at another question is the year of the one honour without one; an old one is said not to count', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们是省级专精特新，能享受哪些支持');
    const replies = await say(bot.adapter, '补充一下，我们是2019年认定的');
    expect(texts(replies)[0]).toContain('省级专精特新，2019年认定');
    // The year already rules out the one measure industry decides: industry is not asked.
    expect(last(replies).text).not.toContain('工业（制造业）');
    expect(last(replies).text).not.toContain('没有理解');
    const overview = await say(bot.adapter, '是');
    // the year is not asked again
    expect(texts(overview).join('\n')).not.toMatch(/哪一年认定/);
    expect(texts(overview).join('\n')).toMatch(/暂不适用 \d 项：[^。]*资源集约利用评价（贵企业2019年获省级认定，不在近三年内，近三年指2023—2025年）/);
  });

  test('the year of the one honour corrected at another question is taken, the year denied left out', async () => {
    bot = await buildBot();
    await say(bot.adapter, '我们是2020年评上的区级专精特新，能享受哪些支持');
    const replies = await say(bot.adapter, '更正一下，是2024年评上的，不是2020年');
    expect(texts(replies).join('\n')).not.toContain('没有理解');
    expect(texts(replies)[0]).toContain('区级专精特新，2024年认定');
    let answer = replies;
    for (let i = 0; i < 4 && last(answer).text?.startsWith('请问'); i++) answer = await say(bot.adapter, '否');
    expect(texts(answer).join('\n')).toContain('判断依据：区级专精特新，2024年认定');
  });

  test('activities from the activities feature: only open ones for the tier', async () => {
    const activities = [
      { title: '仅限一类的沙龙', startsAt: '2025-07-01T06:00:00Z', eligibleTiers: [1], open: true },
      { title: '报名已截止的沙龙', startsAt: '2025-07-02T06:00:00Z', open: false },
      { title: '面向所有企业的沙龙', startsAt: '2025-07-03T06:00:00Z', open: true },
    ];
    // Stand-ins for the two ActivityService methods the suggestion reads.
    const service = { listUpcoming: async () => activities, signupState: (a: { open: boolean }) => ({ open: a.open }) };
    const source = new ActivityServiceSource(service as never);
    expect(await source.next('salon', 3)).toMatchObject({ title: '面向所有企业的沙龙', date: '7月3日' });
    expect(await source.next('salon', 1)).toMatchObject({ title: '仅限一类的沙龙', date: '7月1日' });
    const broken = { listUpcoming: async () => Promise.reject(new Error('db down')), signupState: () => ({ open: true }) };
    expect(await new ActivityServiceSource(broken as never).next('salon', 1)).toBeUndefined();
  });

});

describe('SupportDialog: a clicked 支持详情 button', () => {
  test('carries its 汇 in a value; the dialog answers that 汇, whatever the text says', async () => {
    const bot = await buildBot({ activities: salonSource });
    try {
      const overview = await say(bot.adapter, '我们是省级专精特新，2024年认定，工业企业，拟上市，有招聘需求，首次认定，能享受哪些支持');
      const actions = last(overview).suggestedActions?.actions ?? [];
      expect(actions.find((a) => a.title === '支持详情：服务汇')).toMatchObject({ type: 'messageBack', value: { action: 'what_support', hui: 'service' } });
      bot.adapter.activeQueue.splice(0);
      await bot.adapter.receiveActivity({ type: 'message', text: '支持详情：金融汇', value: { action: 'what_support', hui: 'service' } });
      const all = texts(bot.adapter.activeQueue.splice(0)).join('\n');
      expect(all).toContain('【服务汇】贵企业可享受 5 项');
    } finally {
      await bot.close();
    }
  });
});
