/** The decision rules of the interruption mechanism and the prompts' judges, without a bot. */
import { decide, detectInterruption, looksLikeQuestion, splitLeadingAnswer } from '../../dialogs/interruptions';
import { judgeFieldAttempt } from '../../dialogs/activities/prompts';
import { parseContact } from '../../dialogs/handoff/contact';
import { STUCK_AFTER, isStuck, retryActivity } from '../../dialogs/guidedPrompt';
import { forWechat, formatMenu } from '../../src/channels/wechat/render';
import type { Recognition } from '../../src/nlu/types';

const recognition = (intent: Recognition['intent'], extra: Partial<Recognition> = {}): Recognition => ({
  text: '',
  normalized: '',
  intent,
  intentScore: 1,
  entities: {},
  candidates: [],
  ...extra,
});

describe('decide', () => {
  test('an attempt at the field is always the field', () => {
    expect(decide('2', 'answer', recognition('handoff'))).toEqual({ kind: 'field' });
  });
  test('a command interrupts every kind of step', () => {
    for (const verdict of ['notAnswer', 'freeText', 'question'] as const) {
      expect(decide('我的报名', verdict, recognition('my_signups'))).toEqual({ kind: 'command', intent: 'my_signups' });
    }
  });
  test('an organisation name is a name, whatever it contains', () => {
    expect(decide('苏州人工客服外包有限公司', 'freeText', recognition('handoff'))).toEqual({ kind: 'field' });
  });
  test('a clear policy question interrupts a structured step; a free-text step only when phrased as a question', () => {
    const q = recognition('policy_question', { confidence: 'high' });
    expect(decide('深度诊断收费', 'notAnswer', q)).toEqual({ kind: 'question' });
    expect(decide('是第一次', 'freeText', q)).toEqual({ kind: 'field' });
    expect(decide('深度诊断收费吗', 'freeText', q)).toEqual({ kind: 'question' });
    expect(decide('深度诊断收费吗', 'question', q)).toEqual({ kind: 'field' });
  });
  test('an unanswerable question at a structured step is still a question', () => {
    expect(decide('需要带什么材料吗', 'notAnswer', recognition('none', { confidence: 'low' }))).toEqual({ kind: 'question' });
    expect(decide('abc', 'notAnswer', recognition('none', { confidence: 'low' }))).toEqual({ kind: 'field' });
  });
  test('question cues and words', () => {
    expect(looksLikeQuestion('能不能第一时间告诉我们')).toBe(true);
    expect(looksLikeQuestion('苏州示范电子有限公司')).toBe(false);
    // asked with 几 before a measure word, in the formal register, or announced as a question
    expect(looksLikeQuestion('省级专精特新在资源集约利用评价里能加几分')).toBe(true);
    expect(looksLikeQuestion('本方案何时印发')).toBe(true);
    expect(looksLikeQuestion('等一下 先问个事 区级加分一样')).toBe(true);
    expect(looksLikeQuestion('苏州几何精密机械有限公司')).toBe(false);
    expect(detectInterruption('结束报名')).toBe('cancel');
    // giving up in one's own words; naming what to cancel, or saying more, is something else
    expect(detectInterruption('我还是先不填了吧')).toBe('cancel');
    expect(detectInterruption('那就算了，不要了')).toBe('cancel');
    expect(detectInterruption('取消我的报名')).toBeUndefined();
    expect(detectInterruption('先不填了，我问个问题')).toBeUndefined();
  });
});

describe('what a sign-up step takes as an attempt', () => {
  test.each([
    ['2', 'attendees', 'answer'],
    ['两个人参加', 'attendees', 'answer'],
    ['确认', 'attendees', 'notAnswer'],
    ['我的报名', 'attendees', 'notAnswer'],
    ['91320594MA1MX0YX3B', 'creditCode', 'answer'],
    ['深度诊断收费吗', 'creditCode', 'notAnswer'],
    ['139 1234 5678', 'mobile', 'answer'],
    ['转人工', 'mobile', 'notAnswer'],
    ['苏州示范电子有限公司', 'enterpriseName', 'freeText'],
  ] as const)('%s at %s: %s', (text, field, verdict) => {
    expect(judgeFieldAttempt(text, { field })).toBe(verdict);
  });
  test('consent and choices', () => {
    expect(judgeFieldAttempt('好的同意', { field: 'consent' })).toBe('answer');
    expect(judgeFieldAttempt('退订', { field: 'consent' })).toBe('notAnswer');
    expect(judgeFieldAttempt('确认', { field: 'choice', choices: ['确认提交', '重新填写', '取消'], retry: '' })).toBe('answer');
    expect(judgeFieldAttempt('我们是省级专精特新', { field: 'choice', choices: ['一类', '二类', '三类', '不清楚'], retry: '', tier: true })).toBe('answer');
  });
});

test('hand-off contact: every format the bot suggests', () => {
  expect(parseContact('王先生 13912345678')).toEqual({ kind: 'phone', name: '王先生', mobile: '13912345678' });
  expect(parseContact('13912345678 王先生')).toEqual({ kind: 'phone', name: '王先生', mobile: '13912345678' });
  expect(parseContact('王先生，139-1234-5678')).toEqual({ kind: 'phone', name: '王先生', mobile: '13912345678' });
  expect(parseContact('王先生')).toEqual({ kind: 'phone', name: '王先生' });
  expect(parseContact('本会话回复即可')).toEqual({ kind: 'chat' });
  expect(parseContact('订阅活动通知')).toEqual({ kind: 'unclear' });
});

test('WeChat: numbers go on across messages; buttons are replied to, not clicked', () => {
  expect(formatMenu([{ label: '同意', value: '同意' }], 6)).toBe('回复数字：\n6. 同意');
  expect(forWechat('请点击“同意”继续报名')).toBe('请回复“同意”继续报名');
  expect(forWechat('近期的活动共 4 项，点击“报名：活动名称”即可报名：')).toBe('近期的活动共 4 项，回复对应数字即可报名：');
  expect(forWechat('请选择要报名的活动（点击按钮或回复序号）：')).toBe('请选择要报名的活动（回复数字）：');
});

describe('the two-failures rule every prompt shares', () => {
  const help = { ask: '请重新输入手机号：', expected: '手机号为 11 位数字，例如：13912345678。', leave: '可输入“取消”结束。', leaveButton: '结束报名', actions: ['跳过'] };
  test('a first failure: what was wrong and the question', () => {
    const retry = retryActivity('手机号应为 11 位。', help, false);
    expect(retry.text).toBe('手机号应为 11 位。\n请重新输入手机号：');
    expect(retry.suggestedActions?.actions.map((a) => a.title)).toEqual(['跳过']);
  });
  test('from the second: also what is expected with an example, the way out and its button', () => {
    const retry = retryActivity('手机号应为 11 位。', help, true);
    expect(retry.text).toBe('手机号应为 11 位。\n请重新输入手机号：\n手机号为 11 位数字，例如：13912345678。\n可输入“取消”结束。');
    expect(retry.suggestedActions?.actions.map((a) => a.title)).toEqual(['跳过', '结束报名']);
    expect(isStuck({ attemptCount: 1 })).toBe(false);
    expect(isStuck({ attemptCount: STUCK_AFTER })).toBe(true);
  });
  test('without words of its own, a field offers the common way out', () => {
    expect(retryActivity('', { ask: '请输入：' }, true).text).toContain('输入“取消”结束当前事项');
  });
});

describe('going back to the step being asked', () => {
  test('"继续" and its everyday forms resume; other sentences with 继续 do not', () => {
    expect(detectInterruption('好了，继续刚才的评估')).toBe('resume');
    expect(detectInterruption('接着来')).toBe('resume');
    expect(detectInterruption('我们继续合作')).toBeUndefined();
  });
});

describe('splitLeadingAnswer', () => {
  test.each([
    ['好的 顺便问下这些通知在哪发布', '好的', '顺便问下这些通知在哪发布'],
    ['同意，另外这个沙龙聊什么', '同意', '另外这个沙龙聊什么'],
    ['好的顺便问下几点开始', '好的', '顺便问下几点开始'],
    ['2。还有个问题：在哪举办', '2', '还有个问题：在哪举办'],
  ])('%s', (text, head, rest) => {
    expect(splitLeadingAnswer(text)).toEqual({ head, rest });
  });
  test.each(['同意', '请问在哪举办', '苏州测试科技有限公司是我们的全称 另外想问', '好的 嗯'])('%s: no short answer with a rest', (text) => {
    expect(splitLeadingAnswer(text)).toBeUndefined();
  });
});
