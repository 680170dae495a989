import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { OUTPUT_DIR as OUTPUT, WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { DAY, TOKENS, api, startAdminApp, type RunningAdminApp } from './helpers';

const CHAT_PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';

/** "YYYY-MM-DDTHH:mm" in Beijing time, as a datetime-local input takes it. */
function beijingInput(date: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
}

describe('the officials’ console in a real browser, with a subscriber’s web chat open beside it', () => {
  let running: RunningAdminApp;
  let context: BrowserContext;
  let browser: HeadlessBrowser | undefined;

  beforeAll(async () => {
    running = await startAdminApp();
    browser = await launchChromium({ width: 1280, height: 900 });
    context = browser.context;
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  test('log in, create and publish an activity, send a notification, and see it arrive in the subscribed web chat', async () => {
    const chatErrors: string[] = [];
    const consoleErrors: string[] = [];

    // An enterprise opens the web chat and subscribes.
    const chat = context.pages()[0] ?? (await context.newPage());
    watchErrors(chat, chatErrors);
    await chat.goto(`${running.url}/`);
    const sendBox = chat.getByPlaceholder(CHAT_PLACEHOLDER);
    await sendBox.waitFor({ state: 'visible', timeout: WAIT_MS });
    await sendBox.fill('订阅活动通知');
    await sendBox.press('Enter');
    await seeText(chat, '【订阅活动通知】');
    await chat.getByRole('button', { name: '确认订阅' }).last().click();
    await seeText(chat, '订阅成功');

    // An official logs in to the console.
    const page = await context.newPage();
    watchErrors(page, consoleErrors);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${running.url}/admin`);
    await page.locator('#token-input').fill('wrong-token-1234567890');
    await page.getByRole('button', { name: '登录' }).click();
    await seeText(page, '访问令牌无效');
    await page.locator('#token-input').fill(TOKENS.admin);
    await page.getByRole('button', { name: '登录' }).click();
    await seeText(page, 'alice（管理员）');
    expect(await page.evaluate(() => sessionStorage.getItem('huibot.admin.token'))).toBe(TOKENS.admin);

    // A title that would run script if it were ever treated as HTML.
    const trap = await api(`${running.api}/activities`, {
      token: TOKENS.editor,
      body: {
        type: 'other',
        title: '<img src=x onerror="window.__xss=1">',
        startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 20 * DAY + 3_600_000).toISOString(),
        place: '<b>园区</b>',
        capacity: 10,
      },
    });
    expect(trap.status).toBe(201);

    // Create and publish an activity through the form.
    await page.getByRole('button', { name: '活动管理' }).click();
    const form = page.locator('#activity-form');
    const start = new Date(Date.now() + 7 * DAY);
    start.setUTCMinutes(0, 0, 0);
    await form.locator('[name="title"]').fill('专精特新企业沙龙·智能制造专场');
    await form.locator('[name="type"]').selectOption('salon');
    await form.locator('[name="startsAt"]').fill(beijingInput(start));
    await form.locator('[name="endsAt"]').fill(beijingInput(new Date(start.getTime() + 2 * 3_600_000)));
    await form.locator('[name="capacity"]').fill('40');
    await form.locator('[name="place"]').fill('苏州工业园区企业服务中心');
    await form.locator('[name="description"]').fill('政策宣讲与企业交流');
    // First without a place or link: the field error is shown next to the field.
    await form.locator('[name="place"]').fill('');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await seeText(page, '请填写活动地点或线上链接');
    await form.locator('[name="place"]').fill('苏州工业园区企业服务中心');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await seeText(page, '已创建草稿');
    const row = page.locator('#activity-rows tr', { hasText: '专精特新企业沙龙·智能制造专场' });
    await row.getByRole('button', { name: '发布' }).click();
    await row.locator('.badge', { hasText: '已发布' }).waitFor({ timeout: WAIT_MS });
    await seeText(page, '<img src=x onerror="window.__xss=1">');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: path.join(OUTPUT, 'admin-activities.png'), fullPage: true });

    // Compose a notification about it: the preview shows the reach before sending.
    await row.getByRole('button', { name: '发通知' }).click();
    const notify = page.locator('#notify-form');
    await notify.locator('[name="text"]').fill('本周五举办智能制造专场企业沙龙，欢迎报名参加。');
    await page.locator('#notify-preview', { hasText: '活动：专精特新企业沙龙·智能制造专场' }).waitFor({ timeout: WAIT_MS });
    await page.locator('#notify-count', { hasText: '1 位订阅用户' }).waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: path.join(OUTPUT, 'admin-notification-compose.png'), fullPage: true });
    await page.getByRole('button', { name: '发送通知' }).click();
    // Columns: 渠道, 排队中, 发送中, 已送达 …
    await page.locator('#notify-status-table tbody tr', { hasText: '网页聊天' }).locator('td').nth(3).filter({ hasText: '1' }).waitFor({ timeout: WAIT_MS });
    await page.locator('#lane-rows tr', { hasText: '网页聊天' }).waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: path.join(OUTPUT, 'admin-notification-status.png'), fullPage: true });

    // The subscriber's open chat receives it, with the sign-up button.
    await seeText(chat, '本周五举办智能制造专场企业沙龙');
    await seeText(chat, '【汇计划活动通知】');
    await chat.getByRole('button', { name: '报名：专精特新企业沙龙·智能制造专场' }).last().waitFor({ timeout: WAIT_MS });
    await chat.screenshot({ path: path.join(OUTPUT, 'admin-chat-notification.png') });

    // The dashboard draws its charts with the bundled Chart.js.
    await page.getByRole('button', { name: '概览' }).click();
    await page.locator('#stat-subscribers', { hasText: '1' }).waitFor({ timeout: WAIT_MS });
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe('function');
    expect(await page.locator('canvas#chart-questions').evaluate((c: HTMLCanvasElement) => c.width > 0 && !c.hidden)).toBe(true);
    // Nobody signed up yet: the chart says so instead of showing empty axes.
    await page.locator('#chart-signups ~ .chart-empty', { hasText: '暂无数据' }).waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: path.join(OUTPUT, 'admin-dashboard.png'), fullPage: true });

    // Logging out forgets the token.
    await page.getByRole('button', { name: '退出登录' }).click();
    expect(await page.evaluate(() => sessionStorage.getItem('huibot.admin.token'))).toBeNull();

    expect(consoleErrors.filter((e) => !/the server responded with a status of (400|401)/.test(e))).toEqual([]);
    expect(chatErrors.filter((e) => /Content Security Policy|Uncaught/i.test(e))).toEqual([]);
  }, 120000);
});
