import { buildBot, buttons, say, seen, type TestBot } from './helpers';

/** The evaluation's rule: the answer comes first, within `within` characters. */
function answerFirst(text: string, pattern: RegExp, within = 80): void {
  expect(text.slice(0, within)).toMatch(pattern);
}

describe('TierDialog: which tier are we', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await buildBot();
  });
  afterEach(() => bot.close());

  test('the honour in the message: answered at once, tier first, with the policy definition', async () => {
    const replies = await say(bot.adapter, '我们是省级专精特新，属于哪类');
    expect(replies).toHaveLength(1);
    const text = replies[0].text!;
    expect(text).toMatch(/^属于一类/);
    answerFirst(text, /一类/);
    expect(text).toContain('一类为获得国家级、省级“专精特新”荣誉的企业');
    expect(text).toContain('贵企业获省级“专精特新”荣誉');
    expect(text).toContain('依据：《方案》一、（三）培育对象');
    expect(seen(replies[0])).not.toMatch(/(属于|是|为|归为)第?[二三]类/);
    expect(buttons(replies[0])).toContain('我们能享受哪些支持');
  });

  test('工信部认定的小巨人 → 一类; 区级 → 二类; 入库、没拿过称号 → 三类', async () => {
    answerFirst((await say(bot.adapter, '我们是工信部认定的专精特新小巨人企业，是几类'))[0].text!, /^属于一类/);
    const other = bot.adapterFor('user-2');
    const district = (await say(other, '区级专精特新企业我们算第几类'))[0].text!;
    answerFirst(district, /^属于二类/);
    expect(district).not.toMatch(/(属于|是|为|归为)第?[一三]类/);
    const third = bot.adapterFor('user-3');
    answerFirst((await say(third, '我们是入库的培育企业，没拿过称号，是哪一类'))[0].text!, /^属于三类/);
  });

  test('multi-turn: the question offers the honours as buttons, the answer decides', async () => {
    const [question] = await say(bot.adapter, '我们属于哪一类？');
    expect(question.text).toContain('获得过哪一级“专精特新”荣誉');
    expect(buttons(question)).toEqual(['国家级“小巨人”', '省级', '市级', '区级（园区级）', '暂无荣誉', '不清楚']);
    const [answer] = await say(bot.adapter, '市级专精特新');
    answerFirst(answer.text!, /^属于二类/);
    expect(answer.text).toContain('二类为获得市级、区级“专精特新”荣誉的企业');
  });

  test('a button title works as the answer', async () => {
    await say(bot.adapter, '我们想判断下培育类型');
    answerFirst((await say(bot.adapter, '区级（园区级）'))[0].text!, /^属于二类/);
  });

  test('several honours: the highest decides, and the reason says so', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const [answer] = await say(bot.adapter, '国家级和市级都有');
    answerFirst(answer.text!, /^属于一类/);
    expect(answer.text).toContain('按最高级别（国家级）确定');
  });

  test('no honour, in the pool → 三类', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const [poolQuestion] = await say(bot.adapter, '暂无荣誉');
    expect(poolQuestion.text).toContain('是否已入库培育');
    expect(buttons(poolQuestion)).toEqual(['已入库培育', '未入库', '不清楚']);
    const [answer] = await say(bot.adapter, '已入库培育');
    answerFirst(answer.text!, /^属于三类/);
    expect(answer.text).toContain('其他优质中小企业，即入库培育企业');
  });

  test('"我们是入库企业" at the honours question → 三类', async () => {
    await say(bot.adapter, '我们属于哪一类');
    answerFirst((await say(bot.adapter, '我们是入库企业'))[0].text!, /^属于三类/);
  });

  test('no honour, not in the pool: not yet a cultivation target, and whom to contact', async () => {
    await say(bot.adapter, '我们属于哪一类');
    await say(bot.adapter, '没有');
    const [answer] = await say(bot.adapter, '未入库');
    expect(answer.text).toMatch(/^贵企业尚未获得“专精特新”荣誉，也未入库培育，暂不属于汇计划的培育对象/);
    expect(answer.text).toContain('服务专窗');
    expect(answer.text).toContain('服务专员');
    expect(answer.text).not.toMatch(/(属于|是|为|归为)第?[一二三]类/);
  });

  test('the pool unknown: both cases explained, and how to check', async () => {
    await say(bot.adapter, '我们属于哪一类');
    await say(bot.adapter, '暂无荣誉');
    const [answer] = await say(bot.adapter, '不清楚');
    expect(answer.text).toMatch(/^如贵企业已入库培育，属于三类/);
    expect(answer.text).toContain('核实');
  });

  test('a large enterprise: the programme targets SMEs; as a chain leader it can publish needs (配套合作)', async () => {
    const [answer] = await say(bot.adapter, '我们是大型企业，属于哪一类');
    expect(answer.text).toMatch(/^贵企业为大型企业，不属于汇计划的培育对象/);
    expect(answer.text).toContain('中小企业');
    expect(answer.text).toContain('配套合作');
    expect(answer.text).toContain('链主');
  });

  test('a large enterprise said at the honours question', async () => {
    await say(bot.adapter, '我们属于哪一类');
    expect((await say(bot.adapter, '我们是链主企业'))[0].text).toMatch(/^贵企业为大型企业/);
  });

  test('"不清楚": guidance on how to check, then the question again', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const [guidance] = await say(bot.adapter, '不清楚');
    expect(guidance.text).toContain('认定文件');
    expect(guidance.text).toContain('服务专窗');
    expect(guidance.text).toContain('获得过哪一级');
    expect(buttons(guidance)).toContain('省级');
    answerFirst((await say(bot.adapter, '省级'))[0].text!, /^属于一类/);
  });

  test('correction mid-flow ("不对，是市级的" at the pool question)', async () => {
    await say(bot.adapter, '我们属于哪一类');
    await say(bot.adapter, '暂无荣誉');
    answerFirst((await say(bot.adapter, '不对，是市级的'))[0].text!, /^属于二类/);
  });

  test('correction after the answer updates the saved profile', async () => {
    await say(bot.adapter, '我们是省级专精特新，属于哪类');
    const [answer] = await say(bot.adapter, '不对，我们其实是市级的');
    answerFirst(answer.text!, /属于二类/);
    expect(answer.text).toMatch(/^好的，已更正/);
    const [again] = await say(bot.adapter, '我们属于哪一类');
    expect(again.text).toMatch(/^根据您之前提供的信息（市级专精特新），贵企业属于二类/);
  });

  test('a saved profile answers at once and says so', async () => {
    await say(bot.adapter, '我们属于哪一类');
    await say(bot.adapter, '省级');
    const [answer] = await say(bot.adapter, '我们属于哪一类？');
    expect(answer.text).toMatch(/^根据您之前提供的信息（省级专精特新），贵企业属于一类/);
  });

  test('取消 mid-flow ends it; the next message is not taken as the answer', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const [cancelled] = await say(bot.adapter, '取消');
    expect(cancelled.text).toContain('已取消');
    const [next] = await say(bot.adapter, '市级专精特新');
    expect(next.text).not.toMatch(/属于二类/);
  });

  test('帮助 mid-flow shows help and keeps the question open', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const help = await say(bot.adapter, '帮助');
    expect(help.map((a) => a.text).join('\n')).toContain('我可以帮您');
    answerFirst((await say(bot.adapter, '国家级“小巨人”'))[0].text!, /^属于一类/);
  });

  test('bad input is answered with what to do, then the question again; after two failures, also an example and the way out', async () => {
    await say(bot.adapter, '我们属于哪一类');
    const [emoji] = await say(bot.adapter, '😀😀');
    expect(emoji.text).toMatch(/^抱歉，我没有理解您的回答。\n?请问贵企业获得过哪一级/);
    expect(emoji.text).not.toContain('取消');
    const [vague] = await say(bot.adapter, '有');
    expect(vague.text).toContain('具体是哪一级');
    expect(vague.text).toContain('例如：“省级”');
    expect(vague.text).toContain('输入“取消”结束当前事项');
    const [long] = await say(bot.adapter, '省'.repeat(2000));
    expect(long.text).toContain('过长');
    const [still] = await say(bot.adapter, '<script>alert(1)</script>');
    expect(still.text).toContain('获得过哪一级');
    expect(still.text).not.toContain('当前事项已结束');
    answerFirst((await say(bot.adapter, '省级'))[0].text!, /^属于一类/);
  });
});
