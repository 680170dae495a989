import { ConfigError, loadConfig } from '../../src/config';
import { officialAccountSettings } from '../../src/channels/officialAccount/settings';
import { loadAccountMenu } from '../../src/channels/officialAccount/menuFile';
import { OfficialAccountClient } from '../../src/channels/officialAccount/client';
import { AccessTokenCache } from '../../src/channels/officialAccount/accessToken';
import { Database } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { FakeWechatApi } from './fake/fakeWechatApi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BASE = { WECHAT_OA_APP_ID: 'wx5e2d0b6a1f3c4d7e', WECHAT_OA_APP_SECRET: 'secret', WECHAT_OA_TOKEN: 'token123' };

function problemsOf(env: Record<string, string>): string {
  try {
    officialAccountSettings(loadConfig(env));
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
}

describe('Official Account settings', () => {
  test('off without WECHAT_OA_APP_ID', () => {
    expect(officialAccountSettings(loadConfig({}))).toBeUndefined();
  });

  test('defaults: the official API host, /wechat/oa, plaintext mode, no template', () => {
    expect(officialAccountSettings(loadConfig(BASE))).toEqual({
      appId: BASE.WECHAT_OA_APP_ID,
      appSecret: 'secret',
      token: 'token123',
      aesKey: '',
      apiBase: 'https://api.weixin.qq.com',
      path: '/wechat/oa',
      template: undefined,
    });
  });

  test('each wrong or missing value is named', () => {
    expect(problemsOf({ WECHAT_OA_APP_ID: 'wx5e2d0b6a1f3c4d7e' })).toMatch(/WECHAT_OA_APP_SECRET[\s\S]*WECHAT_OA_TOKEN/);
    expect(problemsOf({ ...BASE, WECHAT_OA_APP_ID: 'not-an-appid' })).toContain('WECHAT_OA_APP_ID');
    expect(problemsOf({ ...BASE, WECHAT_OA_TEMPLATE_ID: 't1', WECHAT_OA_TEMPLATE_FIELDS: 'title=thing1' })).toContain('WECHAT_OA_TEMPLATE_FIELDS');
    expect(() => loadConfig({ ...BASE, WECHAT_OA_AES_KEY: 'short' })).toThrow(/WECHAT_OA_AES_KEY/);
    expect(() => loadConfig({ ...BASE, WECHAT_OA_API_BASE: 'api.weixin.qq.com' })).toThrow(/WECHAT_OA_API_BASE/);
    expect(() => loadConfig({ ...BASE, WECHAT_OA_PATH: 'wechat' })).toThrow(/WECHAT_OA_PATH/);
  });

  test('template mapping and link', () => {
    const settings = officialAccountSettings(
      loadConfig({ ...BASE, WECHAT_OA_TEMPLATE_ID: 'tmpl1', WECHAT_OA_TEMPLATE_FIELDS: 'title:thing2, time:time5', PUBLIC_URL: 'https://bot.example.cn' }),
    );
    expect(settings?.template).toEqual({
      templateId: 'tmpl1',
      fields: [
        { source: 'title', field: 'thing2' },
        { source: 'time', field: 'time5' },
      ],
      url: 'https://bot.example.cn',
    });
  });
});

describe('the custom menu', () => {
  test('knowledge/wechat-menu.yaml: 政策咨询 / 活动报名 / 我的, each click a typed command', () => {
    const menu = loadAccountMenu();
    expect(menu.buttons.map((b) => b.name)).toEqual(['政策咨询', '活动报名', '我的']);
    expect(menu.commands.get('ACTIVITY_LIST')).toBe('最近有什么活动');
    expect(menu.commands.get('MY_SIGNUPS')).toBe('我的报名');
  });

  test('a menu WeChat would refuse is refused when it is read', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oa-menu-')), 'menu.yaml');
    fs.writeFileSync(file, 'menu:\n  - name: 这是一个太长的一级菜单\n    items:\n      - { name: 一, key: A, command: 帮助 }\n');
    expect(() => loadAccountMenu(file)).toThrow(/top-level menu name/);
  });

  test('menu/create on the fake API accepts the published menu (documented checks)', async () => {
    const api = new FakeWechatApi({ appId: BASE.WECHAT_OA_APP_ID, appSecret: 'secret' });
    const db = await Database.open(':memory:');
    await migrate(db);
    try {
      const client = new OfficialAccountClient({ apiBase: await api.start(), appId: BASE.WECHAT_OA_APP_ID, appSecret: 'secret' });
      client.useTokens(new AccessTokenCache({ db, appId: BASE.WECHAT_OA_APP_ID, fetchToken: (force) => client.fetchStableToken(force) }));
      await client.createMenu(loadAccountMenu().buttons);
      expect(api.menus).toHaveLength(1);
      // The fake enforces WeChat's limits: a fourth top-level button is refused with 40016.
      await expect(client.createMenu([...loadAccountMenu().buttons, { name: '多余', type: 'click', key: 'X' }])).rejects.toMatchObject({ errcode: 40016 });
      // A wrong secret: 40125, and the secret is not in the error.
      const wrong = new OfficialAccountClient({ apiBase: api.url, appId: BASE.WECHAT_OA_APP_ID, appSecret: 'wrong-secret' });
      await expect(wrong.fetchStableToken(false)).rejects.toMatchObject({ errcode: 40125 });
      await expect(wrong.fetchStableToken(false)).rejects.not.toThrow(/wrong-secret/);
    } finally {
      await db.close();
      await api.close();
    }
  });
});
