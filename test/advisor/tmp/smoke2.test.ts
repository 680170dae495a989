import { buildBot, say } from '../helpers';
const show = (r: any[]) => r.map(a => (a.text ?? '') + ((a.suggestedActions?.actions?.length) ? '\n  [' + a.suggestedActions!.actions.map((x: any) => x.title).join(' | ') + ']' : '')).join('\n---\n');
async function script(lines: string[]) {
  const bot = await buildBot();
  for (const t of lines) console.log('> ' + t + '\n' + show(await say(bot.adapter, t)));
  await bot.close();
}
test('a', () => script(['我们属于哪一类', '不清楚', '暂无荣誉', '不清楚']));
test('b', () => script(['我们属于哪一类', '没有', '未入库']));
test('c', () => script(['我们是大型企业，属于哪一类']));
test('d', () => script(['我们有省级和市级的专精特新，属于哪类', '我们能享受哪些支持', '是', '不记得', '不记得', '不打算上市', '不招人', '不对，我们是市级的，2019年', '不是']));
test('e', () => script(['我们能享受哪些支持', '暂无荣誉，已入库', '有']));
test('f', () => script(['我们能享受哪些支持', '😀', '', '国家级', '2030', '2022年', '不清楚', '取消']));
test('g', () => script(['我们是省级专精特新，属于哪类', '我们能加分吗', '是的', '2021年']));
