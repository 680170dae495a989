import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/contracts/feature';
import { createWechatFeature, type WechatFeatureOptions } from '../../src/features/wechat';
import { startTestApp } from '../helpers/testApp';
import { waitUntil } from './mockWechat';

/** Only the WeChat feature, offering its channel and status typed. */
const onlyWechat = (options?: WechatFeatureOptions) => async (services: Services) => ({ wechat: await createWechatFeature(options)(services) });

describe('the WeChat feature', () => {
  test('does nothing when WECHATY_PUPPET is empty', async () => {
    const { app, url } = await startTestApp({ features: onlyWechat() });
    try {
      expect(app.features.wechat.channel).toBeUndefined();
      expect(app.features.wechat.status()).toMatchObject({ enabled: false, state: 'disabled' });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test('a puppet that cannot start never stops the web side; the failure is in the status', async () => {
    const { app, url } = await startTestApp({
      features: onlyWechat({ printQr: () => undefined }),
      env: {
        WECHATY_PUPPET: 'wechaty-puppet-that-does-not-exist',
        // Keep wechaty's memory card out of the working tree.
        WECHATY_NAME: path.join(os.tmpdir(), `huibot-wechat-${randomUUID()}`),
      },
    });
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const status = await waitUntil(() => {
        const s = app.features.wechat.status();
        return s.lastError ? s : undefined;
      }, 'the start failure');
      expect(status).toMatchObject({ enabled: true, puppet: 'wechaty-puppet-that-does-not-exist' });
      expect(['retrying', 'starting']).toContain(status.state);
    } finally {
      await app.close();
    }
    expect(app.features.wechat.status().state).toBe('stopped');
  });
});
