import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { DeliveryError } from '../../src/channels/officialAccount/outcome';
import { APP_SECRET, newOpenId, startOaWorld, TOKEN } from './harness';

describe('Official Account secrets and the ProactiveService seam', () => {
  test('neither the access token nor the secret reaches the log, whatever happens', async () => {
    let log = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const world = await startOaWorld({ logger: createLogger('trace', sink) });
    try {
      const user = newOpenId();
      await world.wechat.event(user, 'subscribe');
      await world.wechat.text(user, '慢慢想的问题');
      world.api.expireTokens();
      world.api.failNext('custom', 40164);
      world.api.failNext('stable_token', -1);
      const { proactive } = world.app.services;
      for (let i = 0; i < 3; i++) await proactive.send(`wechat-oa|${user}`, `第${i}条`).catch(() => undefined);
      await world.wechat.text(user, '你好', {}, { signature: true });
      await new Promise((r) => setTimeout(r, 1000));
      const issued = world.api.issuedTokens();
      expect(issued.length).toBeGreaterThan(0);
      expect(log.length).toBeGreaterThan(0);
      for (const secret of [...issued, APP_SECRET, TOKEN]) expect(log).not.toContain(secret);
    } finally {
      await world.close();
    }
  });

  test('ProactiveService.send: accepted resolves, a refusal throws a DeliveryError with the outcome', async () => {
    const world = await startOaWorld();
    try {
      const user = newOpenId();
      await world.wechat.event(user, 'subscribe');
      const { proactive } = world.app.services;
      await expect(proactive.send(`wechat-oa|${user}`, '服务专员回复：材料已收到。')).resolves.toBe(true);
      expect(world.api.customSent.filter((m) => m.touser === user).map((m) => m.content)).toEqual(['服务专员回复：材料已收到。']);
      await world.wechat.event(user, 'unsubscribe');
      const error = await proactive.send(`wechat-oa|${user}`, '不会送达').catch((err: unknown) => err);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ retryable: false, outcome: { status: 'refused', reason: 'unfollowed' } });
    } finally {
      await world.close();
    }
  });
});
