import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { OUTPUT_DIR, WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { TEXT } from '../../dialogs/messages';
import { startDirectLineApp, type RunningApp } from '../directline/harness';

const SCREENSHOT = path.join(OUTPUT_DIR, 'webchat.png');
const PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';

describe('the chat page in a real browser (Chromium + Bot Framework Web Chat)', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let browser: HeadlessBrowser | undefined;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    running = await startDirectLineApp();
    browser = await launchChromium({ width: 900, height: 780 });
    context = browser.context;
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  test('a user asks, sees the reply, clicks a suggested action, sees the next reply, and finds the history after a reload', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (err) => browserErrors.push(err.message));
    const directLineCalls: string[] = [];
    const failedCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v3/directline/')) directLineCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failedCalls.push(`${response.status()} ${response.url()}`);
    });
    page.on('websocket', (socket) => socket.on('close', () => browserErrors.push(`stream closed: ${socket.url().split('?')[0]}`)));

    await page.goto(`${running.url}/`);
    await seeText(page, '苏州工业园区 专精特新“汇计划”助手');
    await seeText(page, TEXT.welcome.slice(0, 24));

    const sendBox = page.getByPlaceholder(PLACEHOLDER);
    await sendBox.waitFor({ state: 'visible', timeout: WAIT_MS });
    await sendBox.fill('你好');
    await sendBox.press('Enter');
    await seeText(page, TEXT.greeting);

    // The bot's suggested actions are buttons; clicking one sends its text.
    const action = page.getByRole('button', { name: '我们属于哪一类' }).last();
    await action.waitFor({ state: 'visible', timeout: WAIT_MS });
    await action.click();
    await seeText(page, '判断培育类别（例如');

    expect(await page.getByText('发送失败').count()).toBe(0);
    await page.screenshot({ path: SCREENSHOT });

    // Reload: the page resumes its conversation and shows the history again.
    await page.reload();
    await seeText(page, '判断培育类别（例如');
    await seeText(page, TEXT.greeting);

    expect(failedCalls).toEqual([]);
    expect(directLineCalls).toContain('POST /v3/directline/conversations');
    expect(directLineCalls.some((c) => /^POST \/v3\/directline\/conversations\/[^/]+\/activities$/.test(c))).toBe(true);
    expect(browserErrors.filter((e) => /Content Security Policy|Failed to post activity|Uncaught/i.test(e))).toEqual([]);
  }, 90000);

  test('a message sent while the chat is still connecting is sent once the connection is up, once', async () => {
    const page = await context.newPage();
    // A new visitor (not resuming the first test's conversation) on a slow network: the conversation
    // opens only seconds after the send box shows.
    await page.addInitScript(() => localStorage.clear());
    let delayed = 0;
    await page.route('**/v3/directline/conversations', async (route) => {
      delayed++;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/v3\/directline\/conversations\/[^/]+\/activities$/.test(new URL(request.url()).pathname)) {
        posted.push((request.postDataJSON() as { text?: string }).text ?? '');
      }
    });
    await page.goto(`${running.url}/`);
    const sendBox = page.getByPlaceholder(PLACEHOLDER);
    await sendBox.waitFor({ state: 'visible', timeout: WAIT_MS });
    await sendBox.fill('你好');
    await sendBox.press('Enter');
    await seeText(page, TEXT.greeting);
    expect(delayed).toBe(1);
    expect(await sendBox.inputValue()).toBe('');
    expect(posted.filter((text) => text === '你好')).toHaveLength(1);
    await page.close();
  }, 90000);
});
