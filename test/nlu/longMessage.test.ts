import { readableWithin } from '../../src/nlu/longMessage';

test('a short text is kept as it is', () => {
  expect(readableWithin('深度诊断收费吗', 300)).toBe('深度诊断收费吗');
});

test('a long letter keeps its closing question, its opening and its honours, in order, within the budget', () => {
  const filler = '我们的产品远销海外，客户遍布各地，'.repeat(20);
  const text = `您好，我是财务总监。${filler}我们2024年评上了市级专精特新。${filler}请问我们属于哪一类？`;
  const read = readableWithin(text, 120);
  expect([...read].length).toBeLessThanOrEqual(120);
  expect(read.startsWith('您好，')).toBe(true);
  expect(read.endsWith('请问我们属于哪一类？')).toBe(true);
  expect(read).toContain('我们2024年评上了市级专精特新。');
});

test('a run-on text with no marks keeps its opening and its end', () => {
  const text = `开头${'啊'.repeat(1000)}结尾问题`;
  const read = readableWithin(text, 100);
  expect([...read].length).toBeLessThanOrEqual(100);
  expect(read.startsWith('开头')).toBe(true);
  expect(read.endsWith('结尾问题')).toBe(true);
});

test('a huge text is weighed in bounded time and still ends with its question', () => {
  const text = `${'很长的背景介绍，'.repeat(200_000)}请问能享受什么支持？`;
  const read = readableWithin(text, 300);
  expect(read.endsWith('请问能享受什么支持？')).toBe(true);
});
