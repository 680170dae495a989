/**
 * In Web Chat, a card button with a value (messageBack) is a button; clicking it posts the value
 * through Direct Line, and the bot routes it without recognising the text.
 */
import type { Page } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { activitiesFeature } from '../../src/features/activities';
import { directLineFeature } from '../../src/features/directline';
import type { Recognizer } from '../../src/nlu/types';
import { WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { realRecognizer, SALON } from '../conversations/harness';
import { TEXT } from '../../dialogs/messages';
import { removeDb, tempDbPath } from '../helpers/testApp';

const PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';

describe('Web Chat: buttons with values', () => {
  let app: App;
  let url: string;
  let dbPath: string;
  let browser: HeadlessBrowser | undefined;
  let calls = 0;

  beforeAll(async () => {
    const real = await realRecognizer();
    const counting: Recognizer = { recognize: (text) => (calls++, real.recognize(text)) };
    dbPath = tempDbPath();
    const config = loadConfig({ DB_PATH: dbPath, LOG_LEVEL: 'silent', SEED_DEMO: 'true', DIRECTLINE_RATE_LIMIT_PER_MINUTE: '100000' });
    app = await createApp(config, { features: [directLineFeature, activitiesFeature], recognizer: counting });
    url = await app.listen(0, '127.0.0.1');
    browser = await launchChromium({ width: 1280, height: 900 });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    removeDb(dbPath);
  });

  test('clicking 详情 on an activity card posts its value and shows that activity, without recognition', async () => {
    const page: Page = browser!.context.pages()[0] ?? (await browser!.context.newPage());
    const posted: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/v3\/directline\/conversations\/[^/]+\/activities$/.test(new URL(request.url()).pathname)) {
        posted.push(request.postDataJSON());
      }
    });
    await page.goto(`${url}/`);
    // This test is about buttons: it types once the conversation is open (a send made while connecting
    // is a case of its own, in webchat.test.ts) and checks each step, so a failure says which stalled.
    await seeText(page, TEXT.welcome.slice(0, 24));
    const box = page.getByPlaceholder(PLACEHOLDER);
    await box.waitFor({ state: 'visible', timeout: WAIT_MS });
    await box.fill('最近有什么活动');
    await box.press('Enter');
    await seeText(page, '最近有什么活动');
    const details = page.getByRole('button', { name: `详情：${SALON}` }).first();
    await details.waitFor({ state: 'visible', timeout: WAIT_MS });
    calls = 0;
    await details.click();
    await seeText(page, '类型：企业沙龙');
    expect(calls).toBe(0);
    const click = posted.find((a) => (a as { value?: unknown }).value !== undefined) as { text?: string; value?: { action?: string; activityId?: number } } | undefined;
    expect(click?.value).toMatchObject({ action: 'list_activities', activityId: expect.any(Number) });
    expect(click?.text).toBe(`详情：${SALON}`);
  }, 90000);
});
