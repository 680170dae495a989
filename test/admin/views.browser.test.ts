import path from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR as OUTPUT, WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { TOKENS, creditCode, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

function watchErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
}

async function login(page: Page, url: string, token: string, who: string): Promise<void> {
  await page.goto(`${url}/admin`);
  await page.locator('#token-input').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await seeText(page, who);
}

/** The texts of a select's options. */
function optionTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} option`).allTextContents();
}

describe('every view of the console (one ES module each) in a real browser, labels from GET /admin/api/labels', () => {
  let running: RunningAdminApp;
  let browser: HeadlessBrowser | undefined;

  beforeAll(async () => {
    running = await startAdminApp();
    browser = await launchChromium({ width: 1280, height: 900 });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  test('an admin walks through every tab; choices come from the server labels; nothing fails', async () => {
    const activityId = await publishedActivity(running.activities, { title: '视图测试沙龙' });
    await running.activities.registrations.register({
      activityId,
      enterpriseName: '视图测试科技有限公司',
      creditCode: creditCode(401),
      contactName: '王五',
      mobile: '13700001111',
      attendees: 1,
      origin: { channelId: 'test', userId: 'u-views', refKey: 'test|conv-views' },
      consent: { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() },
    });
    const ticket = await running.admin.tickets.open({
      origin: { channelId: 'test', conversationId: 'conv-views', userId: 'u-views', refKey: 'test|conv-views' },
      question: '申报材料什么时候截止？',
    });

    const page = await browser!.context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    page.on('dialog', (dialog) => void dialog.accept());
    await login(page, running.url, TOKENS.admin, 'alice（管理员）');

    // Choices built from the labels endpoint, not written in the page.
    expect(await optionTexts(page, '#activity-form [name="type"]')).toEqual(['企业沙龙', '培训辅导', '专场招聘', '其他活动']);
    expect(await optionTexts(page, '#activity-status-filter')).toEqual(['全部', '草稿', '已发布', '已取消']);
    expect(await optionTexts(page, '#reg-status')).toEqual(['全部', '已报名', '候补中', '已取消', '已签到']);
    expect(await optionTexts(page, '#ticket-status')).toEqual(['全部', '待处理', '已回复', '已关闭']);
    expect(await optionTexts(page, '#token-form [name="role"]')).toEqual(['只读（viewer）', '编辑（editor）', '管理员（admin）']);
    expect(await page.locator('#token-form [name="role"]').inputValue()).toBe('editor');
    expect(await page.locator('#activity-form input[name="eligibleTiers"]').count()).toBe(3);
    expect(await page.locator('#notify-form input[name="activityTypes"]').count()).toBe(4);

    // 活动管理 → 报名名单 of one activity.
    await page.getByRole('button', { name: '活动管理' }).click();
    const row = page.locator('#activity-rows tr', { hasText: '视图测试沙龙' });
    await row.locator('.badge', { hasText: '已发布' }).waitFor({ timeout: WAIT_MS });
    await row.locator('td', { hasText: '企业沙龙' }).waitFor({ timeout: WAIT_MS });
    await row.getByRole('button', { name: '报名名单' }).click();
    await page.locator('#reg-rows tr', { hasText: '视图测试科技有限公司' }).locator('.badge', { hasText: '已报名' }).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#reg-activity').inputValue()).toBe(String(activityId));

    // 通知推送: the channels' lanes.
    await page.getByRole('button', { name: '通知推送' }).click();
    await page.locator('#notify-channels label', { hasText: '网页聊天' }).waitFor({ timeout: WAIT_MS });

    // 未解答问题.
    await page.getByRole('button', { name: '未解答问题' }).click();
    await seeText(page, '近 90 天共');

    // 人工工单: the ticket, a reply and its delivery state.
    await page.getByRole('button', { name: /人工工单/ }).click();
    await page.locator('#ticket-list button', { hasText: `#${ticket.id}` }).click();
    await page.locator('#ticket-detail h2 .badge', { hasText: '待处理' }).waitFor({ timeout: WAIT_MS });
    await page.locator('#ticket-reply-text').fill('本年度申报截止到 6 月 30 日。');
    await page.locator('#ticket-reply-send').click();
    await page.locator('#ticket-detail h2 .badge', { hasText: '已回复' }).waitFor({ timeout: WAIT_MS });
    // The reply's delivery state, labelled from the server's delivery states (this 'test' conversation never
    // talked to the bot, so the channel refuses it).
    await page.locator('#ticket-detail [aria-label="工单往来"] .badge', { hasText: '失败' }).waitFor({ timeout: WAIT_MS });

    // 访问令牌 and 操作日志.
    await page.getByRole('button', { name: '访问令牌' }).click();
    await page.locator('#token-form [name="name"]').fill('views.test');
    await page.getByRole('button', { name: '创建' }).click();
    await seeText(page, '已创建令牌「views.test」');
    await page.locator('#token-rows tr', { hasText: 'views.test' }).locator('td', { hasText: '编辑' }).waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: '操作日志' }).click();
    await page.locator('#audit-rows tr', { hasText: '创建令牌' }).waitFor({ timeout: WAIT_MS });
    await page.locator('#audit-rows tr', { hasText: '回复工单' }).waitFor({ timeout: WAIT_MS });

    // 概览.
    await page.getByRole('button', { name: '概览' }).click();
    await page.locator('#stat-tickets', { hasText: '0' }).waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: path.join(OUTPUT, 'admin-views-dashboard.png'), fullPage: true });

    // Logging in again does not add the choices twice.
    await page.getByRole('button', { name: '退出登录' }).click();
    await login(page, running.url, TOKENS.viewer, 'vera（只读）');
    expect(await page.locator('#activity-form input[name="eligibleTiers"]').count()).toBe(3);
    expect(await optionTexts(page, '#reg-status')).toHaveLength(5);
    await expect(page.getByRole('button', { name: '访问令牌' }).isVisible()).resolves.toBe(false);

    expect(errors.filter((e) => !/the server responded with a status of (400|401)/.test(e))).toEqual([]);
  }, 120000);
});
