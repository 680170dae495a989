import { AnswerBuilder } from '../../src/answers/answerBuilder';
import { replyText } from '../../src/answers/reply';
import { recognizer } from './fixture';
import { MAX_ANALYSED_CHARS } from '../../src/text/normalize';

const NASTY = [
  '',
  '   ',
  '？？？',
  '。。。！！！',
  '🙂🙂🙂',
  '👍',
  '\u200b\u200b',
  'a'.repeat(10000),
  '专精特新'.repeat(2500),
  '深度诊断 free 吗? how much',
  'ＩＰＯ　辅导有吗？',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  '\\u0000\u0000\u0007',
  '((((((((((',
  '.*+?^${}()|[]\\',
  '那',
  '呢',
];

describe('bad input never breaks recognition or the answer', () => {
  test.each(NASTY.map((t) => [t.slice(0, 30), t]))('%s', async (_label, text) => {
    const r = await recognizer();
    const recognition = await r.recognize(text);
    const built = new AnswerBuilder(r.kb).build(recognition);
    const reply = replyText(built.reply);
    expect(reply.length).toBeGreaterThan(0);
    expect(reply.length).toBeLessThanOrEqual(600);
  });

  test('empty and punctuation-only messages get a prompt, not an answer', async () => {
    const r = await recognizer();
    expect((await r.recognize('')).inputProblem).toBe('empty');
    expect((await r.recognize('？？？')).inputProblem).toBe('unreadable');
    expect((await r.recognize('🙂🙂')).inputProblem).toBe('unreadable');
    const built = new AnswerBuilder(r.kb).build(await r.recognize('🙂🙂'));
    expect(built.reply.text).toContain('抱歉');
  });

  test('non-string input is treated as empty', async () => {
    const r = await recognizer();
    expect((await r.recognize(undefined as unknown as string)).inputProblem).toBe('empty');
  });

  test('full-width text is normalised', async () => {
    const r = await recognizer();
    const recognition = await r.recognize('ＩＰＯ辅导有吗？');
    expect(recognition.normalized).toBe('上市辅导有吗?');
    expect(recognition.candidates[0].id).toBe('fin.ipo-cultivation');
  });

  // What bounds the work is how much is read, not a stopwatch (timings belong in bench:nlu, not in tests).
  test('a 10,000 character message is read on its first characters only, and still understood', async () => {
    const r = await recognizer();
    const recognition = await r.recognize('专精特新企业深度诊断收费吗'.repeat(800));
    expect([...recognition.normalized].length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(recognition.candidates[0].id).toBe('svc.deep-diagnosis');
  });
});
