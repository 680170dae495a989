/**
 * Written for the tests (not taken from an evaluation set): a question that starts at its verb asks of
 * the thing the clause before it named; after a question of a measure, a question naming nothing of its
 * own asks more of that measure even when facts were told; "X这块" prefers the topic of the background
 * it points at among those its words fit.
 */
import { conversation } from './conversation';
import { splitClauses } from '../../src/nlu/clauses';

test('a question without its subject joins the background clause that named it', async () => {
  expect(splitClauses('方案里提到的知识产权保护中心 能帮企业做什么').map((c) => `${c.kind}:${c.text}`)).toEqual(['ask:方案里提到的知识产权保护中心能帮企业做什么']);
  // a fact about us is never the subject of the question
  expect(splitClauses('我们是做传感器的 能给我们什么支持').map((c) => c.kind)).toEqual(['fact', 'ask']);
  const reply = await (await conversation())('想先了解一下汇计划里讲的标杆学习 能给我们带来啥');
  expect(reply.text).toMatch(/现场看|标杆讲/);
});

test('facts told, several questions of one measure: each is answered at once, none becomes "what may we get"', async () => {
  const reply = await (await conversation())('我们有上市打算 能不能进苗圃计划 进去以后有啥服务 这一块谁负责');
  expect(reply.text).toMatch(/苗圃课程|上市辅导/);
  expect(reply.text).toMatch(/金融局/);
  expect(reply.text).not.toMatch(/哪一级“专精特新”荣誉/);
});

test('"X这块" takes the topic of the background that said X, among the topics its words fit', async () => {
  const reply = await (await conversation())('我们技术总监打算申报园区的人才计划 想问人才项目申报这块有什么帮助');
  expect(reply.text).toMatch(/金鸡湖人才计划/);
});
