import { CardFactory, MessageFactory } from 'botbuilder';
import { ChoiceFactory } from 'botbuilder-dialogs';
import { formatMenu, matchMenuChoice, renderActivity, splitText, toPlainText } from '../../src/channels/wechat/render';
import { choiceCard, withMenu } from '../../dialogs/messages';

describe('rendering bot replies as WeChat text', () => {
  test('suggested actions become a numbered menu that maps back to the values', () => {
    const rendered = renderActivity(withMenu('请问还需要什么帮助？'));
    expect(rendered?.texts).toEqual([
      '请问还需要什么帮助？\n\n回复数字：\n1. 我们属于哪一类\n2. 能享受哪些支持\n3. 最近有什么活动\n4. 我的报名\n5. 转人工',
    ]);
    expect(rendered?.menu?.[2]).toEqual({ label: '最近有什么活动', value: '最近有什么活动' });
  });

  test('a hero card shows its title and text, its buttons as a menu', () => {
    const rendered = renderActivity(choiceCard('请选择活动', ['企业沙龙', '培训辅导'], '近期有两场活动'));
    expect(rendered?.texts[0]).toBe('请选择活动\n近期有两场活动\n\n回复数字：\n1. 企业沙龙\n2. 培训辅导');
    expect(rendered?.menu?.map((o) => o.value)).toEqual(['企业沙龙', '培训辅导']);
  });

  test('buttons whose title differs from their value send the value', () => {
    const activity = ChoiceFactory.suggestedAction([{ value: 'salon', action: { type: 'imBack', title: '企业沙龙', value: 'salon' } }], '类型？');
    expect(renderActivity(activity)?.menu).toEqual([{ label: '企业沙龙', value: 'salon' }]);
    const messageBack = MessageFactory.suggestedActions([{ type: 'messageBack', title: '确认', text: '确认报名', value: { ok: true } }], '确认吗？');
    // A messageBack's value travels with the option: a number delivers it as activity.value.
    expect(renderActivity(messageBack)?.menu).toEqual([{ label: '确认', value: '确认报名', payload: { ok: true } }]);
  });

  test('link buttons are written out, not numbered', () => {
    const card = CardFactory.heroCard('政策原文', undefined, [{ type: 'openUrl', title: '查看原文', value: 'https://example.gov.cn/huiplan' }]);
    const rendered = renderActivity(MessageFactory.attachment(card));
    expect(rendered?.texts[0]).toBe('政策原文\n\n查看原文：https://example.gov.cn/huiplan');
    expect(rendered?.menu).toBeUndefined();
  });

  test('an adaptive card keeps its text, facts and submit buttons', () => {
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: '报名确认' },
        { type: 'FactSet', facts: [{ title: '活动', value: '企业沙龙' }] },
      ],
      actions: [{ type: 'Action.Submit', title: '确认' }],
    });
    const rendered = renderActivity(MessageFactory.attachment(card));
    expect(rendered?.texts[0]).toBe('报名确认\n活动：企业沙龙\n\n回复数字：\n1. 确认');
  });

  test('typing and event activities show nothing; markdown is flattened', () => {
    expect(renderActivity({ type: 'typing' })).toBeUndefined();
    expect(renderActivity({ type: 'message', text: '   ' })).toBeUndefined();
    expect(toPlainText('**重点**：详见[原文](https://example.gov.cn/a)\n## 标题')).toBe('重点：详见原文（https://example.gov.cn/a）\n标题');
  });

  test('long text is split at line boundaries into messages of at most the limit', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `第${i + 1}条：${'专精特新'.repeat(10)}`);
    const chunks = splitText(lines.join('\n'), 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(Array.from(chunk).length).toBeLessThanOrEqual(500);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    expect(chunks[1].startsWith('第')).toBe(true); // no line is cut in two
  });

  test('a single line longer than the limit is cut without breaking emoji', () => {
    const chunks = splitText('😀'.repeat(25), 10);
    expect(chunks).toEqual(['😀'.repeat(10), '😀'.repeat(10), '😀'.repeat(5)]);
  });

  test('replies pick menu options by number (half- or full-width) or by their text', () => {
    const menu = [
      { label: '企业沙龙', value: '企业沙龙' },
      { label: '培训辅导', value: 'training' },
    ];
    expect(matchMenuChoice('1', menu)?.value).toBe('企业沙龙');
    expect(matchMenuChoice(' ２ ', menu)?.value).toBe('training');
    expect(matchMenuChoice('2.', menu)?.value).toBe('training');
    expect(matchMenuChoice('第1项', menu)?.value).toBe('企业沙龙');
    expect(matchMenuChoice('培训辅导', menu)?.value).toBe('training');
    expect(matchMenuChoice('3', menu)).toBeUndefined();
    expect(matchMenuChoice('12345', menu)).toBeUndefined();
    expect(matchMenuChoice('我想报名企业沙龙', menu)).toBeUndefined();
    expect(matchMenuChoice('1', undefined)).toBeUndefined();
    expect(formatMenu(menu)).toBe('回复数字：\n1. 企业沙龙\n2. 培训辅导');
  });
});
