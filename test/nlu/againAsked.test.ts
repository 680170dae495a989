import { againAsked } from '../../src/nlu/againAsked';
import { cleanText } from '../../src/text/normalize';

const asked = (text: string) => againAsked(cleanText(text));

test.each([
  ['你再说一遍 我没看明白', 'repeat'],
  ['没看懂。。', 'repeat'],
  ['啥意思？', 'repeat'],
  ['能说详细点吗', 'repeat'],
  ['你确定吗？', 'doubt'],
  ['真的假的😂', 'doubt'],
  ['没搞错吧', 'doubt'],
  ['原文怎么写的', 'words'],
  ['依据是什么', 'words'],
] as const)('"%s" asks the last answer again (%s)', (text, kind) => {
  expect(asked(text)).toBe(kind);
});

test.each(['确定', '好的', '专精特新是什么意思', '你确定吗？我同事说省级只加1分', '再说说深度诊断', '沙龙原文怎么写的', ''])('"%s" asks something else', (text) => {
  expect(asked(text)).toBeUndefined();
});
