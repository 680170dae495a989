import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { OUTPUT_DIR as OUTPUT, WAIT_MS, launchChromium, seeText, type HeadlessBrowser } from '../helpers/chromium';
import { TOKENS, creditCode, publishedActivity, startAdminApp, type RunningAdminApp } from './helpers';

const CHAT_PLACEHOLDER = '请输入您的问题，例如：深度诊断收费吗？';
const FULL_MOBILE = /(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/;

async function login(page: Page, url: string, token: string, who: string): Promise<void> {
  await page.goto(`${url}/admin`);
  await page.locator('#token-input').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await seeText(page, who);
}

/** The page's visible text without spaces or dashes (a mobile may be written 139 1234 5678). */
async function pageText(page: Page): Promise<string> {
  return (await page.evaluate(() => document.body.innerText)).replace(/[\s-]/g, '');
}

describe('registrations in the console, in a real browser', () => {
  let running: RunningAdminApp;
  let browser: HeadlessBrowser | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    running = await startAdminApp();
    browser = await launchChromium({ width: 1280, height: 900 });
    context = browser.context;
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  test('an official cancels a registration and the waitlisted company gets its promotion in its web chat; a viewer sees no full mobile anywhere', async () => {
    // The waitlisted company is in the web chat.
    const chat = context.pages()[0] ?? (await context.newPage());
    await chat.goto(`${running.url}/`);
    const sendBox = chat.getByPlaceholder(CHAT_PLACEHOLDER);
    await sendBox.waitFor({ state: 'visible', timeout: WAIT_MS });
    await sendBox.fill('你好');
    await sendBox.press('Enter');
    await seeText(chat, '请问有什么可以帮您');
    const web = (await running.app.services.db.get<{ conversation_id: string; user_id: string }>(
      'SELECT conversation_id, user_id FROM directline_conversations ORDER BY created_at DESC LIMIT 1',
    ))!;

    const activityId = await publishedActivity(running.activities, { title: '浏览器测试沙龙', capacity: 1, seatsPerEnterprise: 1 });
    const consent = { noticeId: 'activity-signup-privacy', noticeVersion: '1', grantedAt: new Date().toISOString() };
    await running.activities.registrations.register({
      activityId,
      enterpriseName: '先报名科技有限公司',
      creditCode: creditCode(301),
      contactName: '张三',
      mobile: '13812345678',
      attendees: 1,
      origin: { channelId: 'test', userId: 'first', refKey: 'test|conv-first' },
      consent,
    });
    const waiting = await running.activities.registrations.register({
      activityId,
      enterpriseName: '候补中科技有限公司',
      creditCode: creditCode(302),
      contactName: '李四',
      mobile: '13987654321',
      attendees: 1,
      origin: { channelId: 'directline', userId: web.user_id, conversationId: web.conversation_id, refKey: `directline|${web.conversation_id}` },
      consent,
    });
    expect(waiting.registration.status).toBe('waitlisted');
    // A hand-off ticket with a mobile in the question, the contact, the transcript and a message.
    const refKey = `directline|${web.conversation_id}`;
    await running.admin.transcript.record(refKey, 'user', '我的电话是 139 8765 4321');
    const ticket = await running.admin.tickets.open({
      origin: { channelId: 'directline', conversationId: web.conversation_id, userId: web.user_id, refKey },
      question: '请致电 13987654321 李女士',
      contactName: '李女士',
      mobile: '13987654321',
    });
    await running.admin.tickets.addUserMessage(ticket.id, '也可以打 +86-138-1234-5678');

    // An editor cancels the first registration, giving the reason the company is told.
    const editor = await context.newPage();
    editor.on('dialog', (dialog) => void dialog.accept(dialog.type() === 'prompt' ? '企业来电，无法参加' : undefined));
    await login(editor, running.url, TOKENS.editor, 'bob（编辑）');
    await editor.getByRole('button', { name: '报名名单' }).click();
    await editor.locator('#reg-activity').selectOption(String(activityId));
    const row = editor.locator('#reg-rows tr', { hasText: '先报名科技有限公司' });
    await row.getByRole('button', { name: '取消报名' }).click();
    await seeText(editor, '候补递补 1 家：候补中科技有限公司');
    await editor.locator('#reg-rows tr', { hasText: '候补中科技有限公司' }).locator('.badge', { hasText: '已报名' }).waitFor({ timeout: WAIT_MS });
    await editor.screenshot({ path: path.join(OUTPUT, 'admin-registrations-cancel.png'), fullPage: true });

    // The waitlisted company reads its promotion in the chat it signed up from.
    await seeText(chat, '有名额了');
    await seeText(chat, '候补中科技有限公司的报名已确认');
    await chat.screenshot({ path: path.join(OUTPUT, 'admin-chat-promotion.png') });

    // A viewer: registrations, the ticket with its transcript, and the export show no full mobile.
    const viewer = await context.newPage();
    await login(viewer, running.url, TOKENS.viewer, 'vera（只读）');
    await viewer.getByRole('button', { name: '报名名单' }).click();
    await viewer.locator('#reg-activity').selectOption(String(activityId));
    await viewer.locator('#reg-rows tr', { hasText: '139****4321' }).waitFor({ timeout: WAIT_MS });
    expect(await pageText(viewer)).not.toMatch(FULL_MOBILE);
    await viewer.getByRole('button', { name: /人工工单/ }).click();
    await viewer.locator('#ticket-list button', { hasText: `#${ticket.id}` }).click();
    await seeText(viewer, '请致电 139****4321 李女士');
    await seeText(viewer, '我的电话是 139****4321');
    expect(await pageText(viewer)).not.toMatch(FULL_MOBILE);
    await viewer.screenshot({ path: path.join(OUTPUT, 'admin-ticket-viewer.png'), fullPage: true });
    const exported = await viewer.evaluate(async (id) => {
      const token = sessionStorage.getItem('huibot.admin.token');
      const res = await fetch(`/admin/api/registrations/export.csv?activityId=${id}`, { headers: { Authorization: `Bearer ${token}` } });
      return { status: res.status, text: await res.text() };
    }, activityId);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('候补中科技有限公司');
    expect(exported.text.replace(/[\s-]/g, '')).not.toMatch(FULL_MOBILE);
  }, 120000);
});
