/**
 * Publishes the Official Account's custom menu (knowledge/wechat-menu.yaml) with menu/create:
 *
 *   npm run wechat:menu                     publish
 *   npm run wechat:menu -- --dry-run        check the file and print what would be published
 *   npm run wechat:menu -- --file other.yaml
 *
 * Reads WECHAT_OA_* and DB_PATH from the environment or .env like the bot; the access token is
 * taken from (and kept in) the bot's database, so running this beside the bot fetches none anew.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/storage/database';
import { migrate } from '../src/storage/migrate';
import { officialAccountSettings } from '../src/channels/officialAccount/settings';
import { loadAccountMenu } from '../src/channels/officialAccount/menuFile';
import { OfficialAccountClient } from '../src/channels/officialAccount/client';
import { AccessTokenCache } from '../src/channels/officialAccount/accessToken';
import { WechatApiError } from '../src/channels/officialAccount/apiErrors';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('用法: npm run wechat:menu [-- --dry-run] [-- --file knowledge/wechat-menu.yaml]');
    return;
  }
  const menu = loadAccountMenu(values.file);
  if (values['dry-run']) {
    console.log(JSON.stringify({ button: menu.buttons }, null, 2));
    return;
  }
  const config = loadConfig();
  const settings = officialAccountSettings(config);
  if (!settings) throw new ConfigError('WECHAT_OA_APP_ID is not set: the Official Account channel is off, there is no menu to publish.');
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const client = new OfficialAccountClient({ apiBase: settings.apiBase, appId: settings.appId, appSecret: settings.appSecret });
    client.useTokens(new AccessTokenCache({ db, appId: settings.appId, fetchToken: (force) => client.fetchStableToken(force) }));
    await client.createMenu(menu.buttons);
    console.log(`自定义菜单已发布（${menu.buttons.map((b) => b.name).join(' / ')}），微信客户端约 5 分钟内生效。`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof WechatApiError && err.kind === 'ip-not-whitelisted') {
    console.error(`${err.message}\n本机 IP 不在公众平台的 IP 白名单中：请在 设置与开发 → 基本配置 → IP白名单 中添加本服务器的出口 IP。`);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(err instanceof ConfigError ? 2 : 1);
});
