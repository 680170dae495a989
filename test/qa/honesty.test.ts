/** Details the policy does not give are said honestly; aspect-only follow-ups use the last topic. */
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import type { QaContext } from '../../src/answers/context';
import type { QaReply } from '../../src/answers/reply';
import { recognizer } from '../nlu/fixture';

async function conversation() {
  const r = await recognizer();
  const builder = new AnswerBuilder(r.kb);
  let context: QaContext = {};
  return {
    async ask(text: string): Promise<QaReply> {
      const built = builder.build(await r.recognize(text), context);
      context = built.context;
      return built.reply;
    },
  };
}

describe('details the policy leaves out', () => {
  test.each(['经发委电话多少', '企服中心地址在哪', '专场招聘会在哪里举办', '专精特新申报截止日期是哪天'])('%s: honest, no invented fact', async (text) => {
    const reply = await (await conversation()).ask(text);
    expect(reply.text).toMatch(/^(抱歉|.*未列明)/);
    expect(reply.text).not.toMatch(/\d+\s*(万|元|天|家|%)/);
    expect(reply.unanswered).toBeDefined();
  });

  test('an item facet that answers the detail wins (奖补 amount: 未列明具体金额)', async () => {
    const reply = await (await conversation()).ask('首次认定奖补发多少万');
    expect(reply.facetIds).toEqual(['amount']);
    expect(reply.text).toMatch(/未列明具体金额/);
  });

  test('what the policy itself mentions is not "left out"', async () => {
    const reply = await (await conversation()).ask('帮代办重点企业名单是什么');
    expect(reply.text).toMatch(/帮代办/);
    expect(reply.unanswered).toBeUndefined();
  });
});

describe('aspect-only follow-ups', () => {
  test('谁负责 after a topic answers that topic’s units', async () => {
    const c = await conversation();
    await c.ask('深度诊断是什么');
    const reply = await c.ask('谁负责');
    expect(reply.itemId).toBe('svc.deep-diagnosis');
    expect(reply.text).toMatch(/^“深度诊断”的责任单位：经发委/);
  });

  test('a short question with a topic of its own is not read as a follow-up', async () => {
    const c = await conversation();
    await c.ask('首次认定有奖补吗');
    const reply = await c.ask('今天油价多少');
    expect(reply.kind).toBe('fallback');
    expect(reply.text).not.toMatch(/奖补/);
  });

  test('谁负责 without a topic asks for the whole question', async () => {
    const reply = await (await conversation()).ask('谁负责');
    expect(reply.kind).toBe('fallback');
  });
});

describe('the tiers', () => {
  test('哪三类 lists all three', async () => {
    const reply = await (await conversation()).ask('企业分成哪三类');
    expect(reply.text).toMatch(/一类.*二类.*三类/s);
  });
});
