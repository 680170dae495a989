import { AnswerBuilder } from '../../src/answers/answerBuilder';
import { CONTEXT_TTL_MS, type QaContext } from '../../src/answers/context';
import { replyText, type QaReply } from '../../src/answers/reply';
import { recognizer } from '../nlu/fixture';

/** A conversation with the recognizer and the answer builder, with a controllable clock. */
async function conversation(start = 1_700_000_000_000) {
  const r = await recognizer();
  let now = start;
  const builder = new AnswerBuilder(r.kb, () => now);
  let context: QaContext = {};
  return {
    async ask(text: string): Promise<QaReply> {
      const built = builder.build(await r.recognize(text), context);
      context = built.context;
      return built.reply;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('answers', () => {
  test('short and specific, answer first, then the source, then 2–3 follow-ups', async () => {
    const c = await conversation();
    const reply = await c.ask('省级专精特新资源集约利用评价加几分');
    expect(reply.kind).toBe('answer');
    expect(reply.text.split('\n')[0]).toBe('省级“专精特新”企业加 2 分（资源集约利用综合评价，限近三年内认定的）。');
    expect(reply.text.split('\n')[1]).toBe('依据：《方案》二、（四）服务汇·资源集约利用评价');
    expect(reply.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(reply.suggestions.length).toBeLessThanOrEqual(3);
    expect(replyText(reply)).not.toMatch(/加\s*1\s*分|提升\s*1\s*级/);
  });

  test('cost of the diagnosis: 免费 first', async () => {
    expect((await (await conversation()).ask('专家诊断收钱吗')).text).toMatch(/^免费/);
  });

  test('responsible units of a measure', async () => {
    const reply = await (await conversation()).ask('上市培育由哪些部门负责');
    expect(reply.text).toMatch(/^“上市培育”的责任单位：金融局、经发委/);
  });

  test('measures of a unit', async () => {
    const reply = await (await conversation()).ask('人社局负责哪些措施');
    expect(reply.text).toMatch(/^人社局是以下措施的责任单位之一：专场招聘。/);
  });

  test('"那市级呢" answers the previous topic for 市级', async () => {
    const c = await conversation();
    await c.ask('省级专精特新在资源集约利用评价里加几分');
    const reply = await c.ask('那市级呢');
    expect(reply.itemId).toBe('svc.resource-evaluation');
    expect(reply.text).toMatch(/^市级和区级“专精特新”企业加 1 分/);
    const national = await c.ask('国家级呢');
    expect(national.text).toMatch(/评级提升 1 级/);
  });

  test('"那区级呢" after a tier question answers the tier', async () => {
    const c = await conversation();
    expect((await c.ask('省级专精特新属于哪类')).text).toMatch(/^属于一类/);
    expect((await c.ask('那区级呢')).text).toMatch(/^属于二类/);
  });

  test('the topic is forgotten after a while', async () => {
    const c = await conversation();
    await c.ask('省级专精特新资源集约利用评价加几分');
    c.advance(CONTEXT_TTL_MS + 1);
    const reply = await c.ask('那市级呢');
    expect(reply.itemId).not.toBe('svc.resource-evaluation');
  });

  test('tier questions that name the honour are answered at once', async () => {
    const c = await conversation();
    expect((await c.ask('区级专精特新企业算第几类')).text).toMatch(/^属于二类/);
    expect((await c.ask('我们是工信部认定的专精特新小巨人企业，是几类')).text).toMatch(/^属于一类/);
    expect((await c.ask('我们是入库的培育企业，没拿过称号，是哪一类')).text).toMatch(/^属于三类/);
  });

  test('tier question without the honour: asks, then answers', async () => {
    const c = await conversation();
    const prompt = await c.ask('我们属于哪一类？');
    expect(prompt.kind).toBe('prompt');
    expect(prompt.suggestions).toContain('省级');
    expect((await c.ask('省级')).text).toMatch(/^属于一类/);
  });

  test('the fallback is honest, states no policy fact and is stored', async () => {
    const reply = await (await conversation()).ask('社保基数怎么调整');
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toContain('抱歉');
    expect(reply.text).toMatch(/转人工/);
    expect(reply.unanswered).toBe('out_of_scope');
    expect(replyText(reply)).not.toMatch(/苗圃|风险补偿|属于[一二三]类|加\s*\d\s*分|免费|贴息|金融局|经发委/);
  });

  test('two close topics: "您是想问" with the candidates as buttons', async () => {
    const r = await recognizer();
    const builder = new AnswerBuilder(r.kb);
    const recognition = await r.recognize('专精特新的支持');
    const built = builder.build({ ...recognition, intent: 'policy_question', confidence: 'ambiguous' });
    expect(built.reply.kind).toBe('clarify');
    expect(built.reply.text).toContain('您是想问');
    expect(built.reply.suggestions).toHaveLength(3);
  });

  test('clarification buttons lead to confident answers', async () => {
    const r = await recognizer();
    for (const item of r.kb.items) {
      const recognition = await r.recognize(item.ask);
      expect([item.ask, recognition.confidence, recognition.candidates[0]?.id]).toEqual([item.ask, 'high', item.id]);
    }
  });

  test('follow-up buttons lead to confident answers', async () => {
    const r = await recognizer();
    const asks = r.kb.items.flatMap((i) => i.facets.flatMap((f) => (f.ask ? [[i.id, f.ask] as const] : [])));
    for (const [id, ask] of asks) {
      const recognition = await r.recognize(ask);
      expect([ask, recognition.candidates[0]?.id]).toEqual([ask, id]);
    }
  });
});
