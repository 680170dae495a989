import { buildBot, say } from '../helpers';
test('smoke', async () => {
  const bot = await buildBot();
  const run = async (t: string) => { const r = await say(bot.adapter, t); console.log('> ' + t + '\n' + r.map(a => (a.text ?? '') + ((a.suggestedActions?.actions?.length) ? '\n  [' + a.suggestedActions!.actions.map(x => x.title).join(' | ') + ']' : '')).join('\n---\n')); };
  for (const t of ['我们属于哪一类？', '市级专精特新', '我们能享受哪些支持', '是', '2024年', '否', '是', '是', '我们能享受哪些服务汇支持', '我们不能享受哪些支持', '为什么没有人才对接？', '我的企业信息', '我们其实是省级的', '我们能参加人才对接吗', '删除我的信息', '确认删除', '我的企业信息']) await run(t);
  await bot.close();
});
