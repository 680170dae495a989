/** 几 as "a few" in a statement is not a question word; "how many" questions stay questions. */
import { splitClauses } from '../../src/nlu/clauses';
import { cleanText } from '../../src/text/normalize';

const kinds = (text: string) => splitClauses(cleanText(text)).map((c) => [c.text, c.kind]);

test.each([
  ['有几个博士后打算明年进站，园区有什么支持', '有几个博士后打算明年进站'],
  ['我们有几个产品已经在做认证了，知识产权怎么申报', '我们有几个产品已经在做认证了'],
  ['有几家配套厂准备一起参加，怎么报名', '有几家配套厂准备一起参加'],
])('%s: the quantity clause states the situation', (message, statement) => {
  const clauses = kinds(message);
  expect(clauses.find(([text]) => text === statement)?.[1]).not.toBe('ask');
  expect(clauses.some(([, kind]) => kind === 'ask')).toBe(true);
});

test.each(['企业沙龙一年开几次', '汇计划有几个汇', '人才对接有几个部门负责', '专场招聘每年几场'])('%s: still a question', (message) => {
  expect(kinds(message).map(([, kind]) => kind)).toContain('ask');
});
