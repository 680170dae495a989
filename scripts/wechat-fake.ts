/**
 * Try the Official Account channel without WeChat: a fake WeChat API plus a follower you type as.
 *
 *   1. npm run wechat:fake                    starts the fake API (default http://127.0.0.1:4600)
 *   2. start the bot with WECHAT_OA_API_BASE set to that address (and the same WECHAT_OA_* values)
 *   3. type here as a follower; passive replies, customer-service and template messages are shown
 *
 * Options: --port 4600  --bot http://127.0.0.1:3978  --user oDemoFollower0001
 * Reads WECHAT_OA_APP_ID, _APP_SECRET, _TOKEN, _AES_KEY (safe mode when set), _PATH and
 * _TEMPLATE_ID from the environment or .env, like the bot.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { officialAccountSettings } from '../src/channels/officialAccount/settings';
import { loadAccountMenu } from '../src/channels/officialAccount/menuFile';
import { FakeWechatApi, type FakeApi } from '../test/officialAccount/fake/fakeWechatApi';
import { PushSimulator, type PushResult } from '../test/officialAccount/fake/pushSimulator';

const HELP = `输入文字即以关注者身份发消息。命令：
  /follow            关注（subscribe 事件）        /unfollow   取消关注
  /scan KEY          扫描带参数二维码               /click KEY  点击菜单（/menu 查看 KEY）
  /image             发一张图片                     /user ID    换一个关注者
  /close-window      让该关注者的 48 小时窗口关闭   /expire     让 access_token 过期
  /fail API CODE     让下一次 API 调用返回错误码（API: custom | template | menu | stable_token）
  /quit              退出`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4600' }, bot: { type: 'string', default: '' }, user: { type: 'string', default: 'oDemoFollower0000000000000001' } },
  });
  const config = loadConfig();
  const settings = officialAccountSettings(config);
  if (!settings) throw new ConfigError('WECHAT_OA_APP_ID is not set: put the WECHAT_OA_* values in .env first (see docs/wechat-official-account.md).');
  const bot = values.bot || `http://127.0.0.1:${config.PORT}`;
  const menu = loadAccountMenu();
  let user = values.user!;

  const api = new FakeWechatApi({
    appId: settings.appId,
    appSecret: settings.appSecret,
    templateIds: settings.template ? [settings.template.templateId] : [],
    onMessage: (m) => {
      if (m.kind === 'custom') print(`[客服消息 → ${m.sent.touser}]\n${m.sent.content}`);
      else print(`[模板消息 → ${m.sent.touser}] ${Object.entries(m.sent.data).map(([k, v]) => `${k}=${v.value}`).join(' ')}  链接 ${m.sent.url ?? '无'}`);
    },
  });
  const apiUrl = await api.start(Number(values.port), '127.0.0.1');
  const wechat = new PushSimulator({
    endpoint: `${bot}${settings.path}`,
    token: settings.token,
    appId: settings.appId,
    aesKey: settings.aesKey || undefined,
    mode: settings.aesKey ? 'safe' : 'plain',
    onPush: (openId, fields) => (fields.Event === 'unsubscribe' ? api.unfollow(openId) : api.interact(openId)),
  });

  console.log(`假微信接口已启动: ${apiUrl}
请用 WECHAT_OA_API_BASE=${apiUrl} 启动机器人（${bot}${settings.path}，${settings.aesKey ? '安全模式' : '明文模式'}）。
当前关注者: ${user}\n${HELP}\n`);

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  function print(text: string): void {
    process.stdout.write(`\n${text}\n`);
    rl.prompt(true);
  }
  const show = (result: PushResult) => {
    if (result.status !== 200) print(`[HTTP ${result.status}] ${result.body}`);
    else print(result.reply !== undefined ? `[被动回复]\n${result.reply}` : '[success：回复将以客服消息发出]');
  };

  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    const [command, ...args] = input.split(/\s+/);
    try {
      if (!input) {
        // nothing
      } else if (command === '/quit') break;
      else if (command === '/help') print(HELP);
      else if (command === '/follow') show(await wechat.event(user, 'subscribe'));
      else if (command === '/unfollow') show(await wechat.event(user, 'unsubscribe'));
      else if (command === '/scan') show(await wechat.event(user, 'SCAN', args[0] ?? 'service_center'));
      else if (command === '/click') show(await wechat.event(user, 'CLICK', args[0] ?? ''));
      else if (command === '/image') show(await wechat.message(user, { MsgType: 'image', PicUrl: 'http://127.0.0.1/fake.jpg', MediaId: 'fake-media' }));
      else if (command === '/menu') print([...menu.commands].map(([key, text]) => `${key} → ${text}`).join('\n'));
      else if (command === '/user' && args[0]) print(`当前关注者: ${(user = args[0])}`);
      else if (command === '/close-window') {
        api.interact(user, Date.now() - 49 * 3600_000);
        print('已在假接口中关闭该关注者的 48 小时窗口：客服消息将收到 45015，机器人改发模板消息（仅限已订阅通知的关注者）。');
      } else if (command === '/expire') {
        api.expireTokens();
        print('所有 access_token 已过期。');
      } else if (command === '/fail' && args[0] && args[1]) {
        api.failNext(args[0] as FakeApi, Number(args[1]));
        print(`下一次 ${args[0]} 调用将返回 ${args[1]}。`);
      } else if (input.startsWith('/')) print(HELP);
      else show(await wechat.text(user, input));
    } catch (err) {
      print(`出错了: ${err instanceof Error ? err.message : String(err)}（机器人是否已在 ${bot} 启动？）`);
    }
    rl.prompt();
  }
  rl.close();
  await api.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
