/**
 * The sign-up's personal-information notice states the retention periods the deployment is
 * configured with (RETENTION_WEBCHAT_DAYS / RETENTION_TRANSCRIPT_DAYS), not the defaults.
 */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { DirectLineClient } from '../directline/harness';
import { fakeRecognizer, removeDb, tempDbPath } from '../helpers/testApp';
import { SALON } from './harness';

jest.setTimeout(60000);

test('the consent notice says 45 and 60 days when so configured', async () => {
  const dbPath = tempDbPath();
  const config = loadConfig({
    DB_PATH: dbPath,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000',
    RETENTION_WEBCHAT_DAYS: '45',
    RETENTION_TRANSCRIPT_DAYS: '60',
  });
  const app = await createApp(config, { recognizer: fakeRecognizer([[/^报名[:：]/, 'sign_up']]) });
  try {
    const client = await DirectLineClient.start(await app.listen(0, '127.0.0.1'));
    await client.poll();
    const { id } = await client.post(`报名：${SALON}`);
    const notice = await client.waitFor((a) => a.replyToId === id && (a.text ?? '').includes('个人信息告知'));
    expect(notice.text).toContain('网页对话记录保存 45 天');
    expect(notice.text).toContain('人工服务用的对话摘录保存 60 天');
    expect(notice.text).not.toContain('30 天');
  } finally {
    await app.close();
    removeDb(dbPath);
  }
});
