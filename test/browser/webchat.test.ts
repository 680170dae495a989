import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEXT } from '../../dialogs/messages';
import { startDirectLineApp, type RunningApp } from '../directline/harness';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'webchat.png');
const PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';
const WAIT_MS = 20000;

/** Waits until the page shows `text` somewhere (Web Chat renders bubbles asynchronously). */
async function seeText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout: WAIT_MS });
}

describe('the chat page in a real browser (Chromium + Bot Framework Web Chat)', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let userDataDir: string;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is required at ${CHROMIUM} for the web chat test: apt-get install -y chromium fonts-wqy-microhei`);
    }
    running = await startDirectLineApp();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huibot-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'zh-CN',
      viewport: { width: 900, height: 780 },
    });
  }, 60000);

  afterAll(async () => {
    await context?.close();
    await running?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
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
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
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
});
