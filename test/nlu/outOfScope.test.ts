/**
 * Out-of-scope honesty: chit-chat, questions about the assistant, tasks and other regions get the
 * scope statement; greeting/help never fire on a message that asks about something else; details
 * the policy does not give are said honestly. In-scope questions with the same words still get
 * their answer. Sentences are new phrasings, not copies of the eval files.
 */
import { AnswerBuilder } from '../../src/answers/answerBuilder';
import type { QaReply } from '../../src/answers/reply';
import { recognizer } from './fixture';

async function reply(text: string): Promise<QaReply> {
  const r = await recognizer();
  return new AnswerBuilder(r.kb).build(await r.recognize(text)).reply;
}

/** Things only the policy would say: none may appear in an honest out-of-scope reply. */
const POLICY_FACT = /苗圃|风险补偿|属于[一二三]类|加\s*\d\s*分|贴息|免费|\d+\s*(万|元|场|家|%)/;

describe('requests the assistant does not serve get the scope statement', () => {
  test.each([
    '你到底叫什么名字',
    '小助手你今年多大了',
    '你是人工智能吗',
    '有空陪我聊聊天不',
    '来讲个笑话吧',
    '帮我把合同翻译成日文',
    '帮我起草一封感谢信',
    '帮忙写个会议纪要',
    '算一下 88乘以12',
    '帮我订张去成都的机票',
    '南京的专精特新奖励标准是什么',
    '宁波小巨人有补贴吗',
  ])('%s', async (text) => {
    const r = await (await recognizer()).recognize(text);
    expect(r.intent).toBe('none');
    expect(r.offTopicRequest).toBe(true);
    const answer = await reply(text);
    expect(answer.kind).toBe('fallback');
    expect(answer.text).toMatch(/^抱歉，我是汇计划政策助手/);
    expect(answer.text).not.toMatch(POLICY_FACT);
    expect(answer.unanswered).toBe('out_of_scope');
  });
});

describe('topics outside the policy get the honest fallback', () => {
  test.each(['后天园区会下雪吗', '今天大盘走势如何', '美元汇率跌了吗', '我的快递到哪了', '今天有什么热搜'])('%s', async (text) => {
    const answer = await reply(text);
    expect(answer.kind).toBe('fallback');
    expect(answer.text).toMatch(/抱歉|无法/);
    expect(answer.text).not.toMatch(POLICY_FACT);
  });
});

describe('greeting and help only when the message holds nothing else', () => {
  test.each([
    ['你好呀小助手', 'greeting'],
    ['你们都会些啥', 'help'],
    ['好的，多谢啦', 'thanks_bye'],
  ])('%s → %s', async (text, intent) => {
    expect((await (await recognizer()).recognize(text)).intent).toBe(intent);
  });

  test.each(['hi，帮我看看物流信息', '您好，明天会不会下雨', '你能做什么菜'])('%s is not a greeting or help', async (text) => {
    const r = await (await recognizer()).recognize(text);
    expect(['greeting', 'help', 'thanks_bye']).not.toContain(r.intent);
  });

  test('a greeting with a policy question is the policy question', async () => {
    const r = await (await recognizer()).recognize('你好，深度诊断要不要钱');
    expect(r.intent).toBe('policy_question');
    expect(r.candidates[0].id).toBe('svc.deep-diagnosis');
  });

  test('"你们能提供哪些…" names a topic: not the help menu', async () => {
    const r = await (await recognizer()).recognize('你们能提供哪些上市方面的服务');
    expect(r.intent).not.toBe('help');
  });
});

describe('details the policy does not give', () => {
  test.each([
    ['培训辅导的老师有哪些人', /^抱歉，汇计划未列明.*人员或名单/],
    ['标杆企业都有谁', /^抱歉，汇计划未列明.*人员或名单/],
    ['专精特新贷资金池最高补多少', /^抱歉，汇计划未列明.*金额/],
    ['企业沙龙在哪个会场开', /^抱歉，汇计划未列明.*地点/],
    ['申报人才计划要填什么表', /^抱歉，汇计划未列明.*表格/],
    ['苗圃计划的课表能发我吗', /^抱歉，汇计划未列明.*课程、日程/],
    ['深度诊断专家团队的通过率高不高', /^抱歉，汇计划未列明.*通过率/],
    // the item's own facet says what is left out
    ['金融支持的贴息比例多少', /^方案未列明“专精特新贷”的利率、额度，也未列明具体的风险补偿比例/],
  ])('%s: honest, no invented fact', async (text, expected) => {
    const answer = await reply(text);
    expect(answer.text).toMatch(expected);
    expect(answer.text).not.toMatch(/\d+\s*(万|元|天|人|家|%)/);
  });
});

describe('in-scope questions that share words with the out-of-scope rules keep their answers', () => {
  test.each([
    ['深度诊断由什么人来做', /专家/],
    ['专场招聘是线上还是线下', /线上/],
    ['你好，省级专精特新亩均评价加多少分', /2\s*分/],
    ['汇计划的文件啥时候发的', /2022/],
    ['园区国家级专精特新评价提几级', /1\s*级/],
    ['准备去上海上市有什么服务', /苗圃/],
  ])('%s', async (text, expected) => {
    const answer = await reply(text);
    expect(answer.kind).toBe('answer');
    expect(answer.text).toMatch(expected);
  });
});

describe('close candidates and a detail none of them gives', () => {
  async function build(normalized: string) {
    const r = await recognizer();
    const recognition = {
      text: normalized,
      normalized,
      intent: 'policy_question' as const,
      intentScore: 0.4,
      entities: {},
      confidence: 'ambiguous' as const,
      candidates: [
        { id: 'svc.salon', title: '企业沙龙', score: 0.42 },
        { id: 'impl.info-channels', title: '畅通信息渠道', score: 0.4 },
      ],
    };
    return new AnswerBuilder(r.kb).build(recognition).reply;
  }

  test('the deadline is given by neither: honest answer, no "您是想问"', async () => {
    const reply = await build('沙龙这期截止报名是几号');
    expect(reply.kind).toBe('answer');
    expect(reply.text).toMatch(/^抱歉，汇计划未列明/);
    expect(reply.unanswered).toBe('out_of_scope');
  });

  test('an ordinary ambiguous question still asks which topic is meant', async () => {
    const reply = await build('沙龙的消息在哪看');
    expect(reply.kind).toBe('clarify');
  });
});
